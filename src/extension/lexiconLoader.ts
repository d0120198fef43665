import * as vscode from 'vscode';
import { MAX_LEXICON_CHARS, parseUserLexicon } from '../analysis/lexicon';
import type { UserLexicon } from '../analysis/types';
import type { AnalysisCache } from './analysisCache';
import { LEXICON_FILE } from './constants';

// The user's lexicon: `.newsreview/lexicon.json` in each workspace folder, merged with the
// `newsReview.lexicon` setting and handed to the analyser. A broken file never breaks analysis: its
// problems become diagnostics on the file and the built-in lexicon (plus the setting) is used.

export function readLexiconBytes(bytes: Uint8Array): { lexicon: UserLexicon; problems: string[] } {
  // Three UTF-8 bytes make at least one UTF-16 unit: a file this large is over the limit, so it is
  // refused without decoding it.
  if (bytes.length > 3 * MAX_LEXICON_CHARS) {
    return { lexicon: {}, problems: [`The lexicon file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB, above the ${MAX_LEXICON_CHARS / 1024 / 1024} MB limit, and is ignored.`] };
  }
  try {
    return parseUserLexicon(new TextDecoder('utf-8').decode(bytes));
  } catch (error) {
    return { lexicon: {}, problems: [`The lexicon could not be read: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** One lexicon from several: lists concatenated in order, empty lists left out. */
export function mergeLexicons(...lexicons: UserLexicon[]): UserLexicon {
  const merged: UserLexicon = {};
  for (const key of ['factions', 'places', 'ignore'] as const) {
    const items = lexicons.flatMap((lexicon) => (Array.isArray(lexicon[key]) ? (lexicon[key] as unknown[]) : []));
    if (items.length) (merged as Record<string, unknown[]>)[key] = items;
  }
  return merged;
}

/**
 * The lexicon file's text with `name` added as a faction or a place; other entries and keys are kept.
 * Returns undefined when the name is already there. Throws on a file that is not a JSON object, so a
 * broken file is never overwritten.
 */
export function addLexiconEntry(json: string | undefined, kind: 'faction' | 'place', name: string): string | undefined {
  const parsed: unknown = json?.trim() ? JSON.parse(json.replace(/^\uFEFF/, '')) : {};
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${LEXICON_FILE} is not a JSON object`);
  const lexicon = parsed as Record<string, unknown>;
  const key = kind === 'faction' ? 'factions' : 'places';
  const list = lexicon[key] ?? [];
  if (!Array.isArray(list)) throw new Error(`"${key}" in ${LEXICON_FILE} is not a list`);
  const lower = name.toLowerCase();
  const known = list.some((entry: unknown) => {
    if (typeof entry === 'string') return entry.toLowerCase() === lower; // entries may be bare names
    const record = entry as { name?: unknown; aliases?: unknown };
    return (
      (typeof record?.name === 'string' && record.name.toLowerCase() === lower) ||
      (Array.isArray(record?.aliases) && record.aliases.some((a) => typeof a === 'string' && a.toLowerCase() === lower))
    );
  });
  if (known) return undefined;
  lexicon[key] = [...list, { name }];
  return `${JSON.stringify(lexicon, null, 2)}\n`;
}

export function lexiconUri(folder: vscode.WorkspaceFolder): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, LEXICON_FILE);
}

export class LexiconLoader implements vscode.Disposable {
  private readonly fileLexicons = new Map<string, UserLexicon>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('newsReview.lexicon');
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${LEXICON_FILE}`);
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The lexicon the cache has, serialised: it starts with none. */
  private applied = '{}';
  /** Settles when every workspace folder's lexicon file has been read once. */
  readonly ready: Promise<void>;

  constructor(
    private readonly cache: AnalysisCache,
    private settingLexicon: UserLexicon,
  ) {
    const reload = (uri: vscode.Uri) => void this.load(uri).then(() => this.apply());
    this.subscriptions.push(
      this.watcher,
      this.diagnostics,
      this.watcher.onDidCreate(reload),
      this.watcher.onDidChange(reload),
      this.watcher.onDidDelete((uri) => {
        this.fileLexicons.delete(uri.toString());
        this.diagnostics.delete(uri);
        this.apply();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.loadAll()),
    );
    this.ready = this.loadAll();
  }

  setSettingLexicon(lexicon: UserLexicon): void {
    this.settingLexicon = lexicon;
    this.apply();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
  }

  private async loadAll(): Promise<void> {
    this.fileLexicons.clear();
    this.diagnostics.clear();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.load(lexiconUri(folder))));
    this.apply();
  }

  /** Read one lexicon file; only a folder's own `.newsreview/lexicon.json` counts. */
  private async load(uri: vscode.Uri): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || lexiconUri(folder).toString() !== uri.toString()) return;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      this.fileLexicons.delete(uri.toString()); // no file: nothing to add, nothing to report
      this.diagnostics.delete(uri);
      return;
    }
    const { lexicon, problems } = readLexiconBytes(bytes);
    this.fileLexicons.set(uri.toString(), lexicon);
    if (problems.length === 0) {
      this.diagnostics.delete(uri);
      return;
    }
    const start = new vscode.Range(0, 0, 0, 0);
    this.diagnostics.set(
      uri,
      problems.map((problem) => {
        const diagnostic = new vscode.Diagnostic(start, problem, vscode.DiagnosticSeverity.Warning);
        diagnostic.source = 'News Review';
        return diagnostic;
      }),
    );
    // Someone editing the file sees the diagnostics; a toast on every save would only nag.
    if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) return;
    void vscode.window.showWarningMessage(
      `News Review: ${vscode.workspace.asRelativePath(uri)} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; ` +
        `the entries that could not be read are ignored. ${problems[0]}`,
    );
  }

  /** Hand the merged lexicon to the cache, only when it really changed (that clears every cached analysis). */
  private apply(): void {
    const merged = mergeLexicons(...this.fileLexicons.values(), this.settingLexicon);
    const serialised = JSON.stringify(merged);
    if (serialised === this.applied) return;
    this.applied = serialised;
    this.cache.setLexicon(merged);
  }
}
