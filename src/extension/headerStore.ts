import * as vscode from 'vscode';
import type { ArticleHeader } from '../analysis/header';

// The Seeds view's list of a workspace, kept for the next window: each file's date and headline with
// the mtime and size they were read at, in the extension's storage for the workspace. A window opened
// on a workspace listed before lists its unchanged files from it, a stat each and no read; their
// analyses, in the background, read them as before.

/** A listed file's header, and the `m<mtime>:<size>` key it was read under. */
export interface StoredHeader {
  key: string;
  header: ArticleHeader;
  size: number;
  warning?: string;
}

/** Changes whenever what `readHeader` makes of a file does, so that no older header is trusted. */
const FORMAT = 1;

interface StoredFile {
  format: number;
  version: string;
  headers: Record<string, StoredHeader>;
}

export class HeaderStore {
  private readonly file: vscode.Uri;

  /**
   * @param folder the extension's storage for the workspace (`ExtensionContext.storageUri`).
   * @param version the extension's, as headers are read by its code.
   */
  constructor(
    private readonly folder: vscode.Uri,
    private readonly version: string,
  ) {
    this.file = vscode.Uri.joinPath(folder, 'seed-headers.json');
  }

  /** The headers the last window kept, by URI: none if there is no file, or it is unreadable or another version's. */
  async load(): Promise<ReadonlyMap<string, StoredHeader>> {
    try {
      const stored = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file))) as Partial<StoredFile>;
      if (stored.format === FORMAT && stored.version === this.version && typeof stored.headers === 'object' && stored.headers) {
        return new Map(Object.entries(stored.headers).filter(([, entry]) => isStoredHeader(entry)));
      }
    } catch {
      // No list kept yet, or one cut short: the files are read.
    }
    return new Map();
  }

  /** Keeps `headers` for the next window, in place of what was kept. */
  async save(headers: ReadonlyMap<string, StoredHeader>): Promise<void> {
    const stored: StoredFile = { format: FORMAT, version: this.version, headers: Object.fromEntries(headers) };
    await vscode.workspace.fs.createDirectory(this.folder);
    await vscode.workspace.fs.writeFile(this.file, new TextEncoder().encode(JSON.stringify(stored)));
  }
}

/** The shape `save` writes: anything else in the file is not trusted. */
function isStoredHeader(entry: unknown): entry is StoredHeader {
  if (typeof entry !== 'object' || entry === null) return false;
  const { key, header, size, warning } = entry as Partial<StoredHeader>;
  return (
    typeof key === 'string' &&
    typeof size === 'number' &&
    (warning === undefined || typeof warning === 'string') &&
    typeof header === 'object' &&
    header !== null &&
    (header.date === null || typeof header.date === 'string') &&
    (header.headline === undefined || typeof header.headline === 'string')
  );
}
