// A minimal stand-in for the `vscode` module, for unit tests of the extension's adapters: real
// value classes (Uri, Position, Range, EventEmitter, TreeItem...), an in-memory file system and
// configuration, and recorders for what the extension asks the window to do.
/* eslint-disable @typescript-eslint/no-explicit-any */
import * as nodePath from 'node:path';

export class Disposable {
  constructor(private readonly callOnDispose: () => void = () => {}) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.callOnDispose();
  }
}

export class EventEmitter<T> {
  private listeners = new Set<(e: T) => unknown>();
  readonly event = (listener: (e: T) => unknown): Disposable => {
    this.listeners.add(listener);
    return new Disposable(() => this.listeners.delete(listener));
  };
  fire(data: T): void {
    for (const listener of [...this.listeners]) listener(data);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static parse(value: string): Uri {
    const match = /^([a-z][\w+.-]*):(?:\/\/)?(.*)$/i.exec(value);
    return match ? new Uri(match[1], match[2].startsWith('/') ? match[2] : `/${match[2]}`) : new Uri('file', value);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, nodePath.posix.join(base.path, ...segments));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { path?: string; scheme?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
  isBefore(other: Position): boolean {
    return this.line < other.line || (this.line === other.line && this.character < other.character);
  }
  isEqual(other: Position): boolean {
    return this.line === other.line && this.character === other.character;
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(start: Position | number, end: Position | number, endLine?: number, endCharacter?: number) {
    if (typeof start === 'number') {
      this.start = new Position(start, end as number);
      this.end = new Position(endLine!, endCharacter!);
    } else {
      this.start = start;
      this.end = end as Position;
    }
  }
  get isEmpty(): boolean {
    return this.start.isEqual(this.end);
  }
  contains(position: Position): boolean {
    return !position.isBefore(this.start) && !this.end.isBefore(position);
  }
}

export class Selection extends Range {
  constructor(
    readonly anchor: Position,
    readonly active: Position,
  ) {
    super(anchor, active);
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}
export class ThemeIcon {
  static readonly File = new ThemeIcon('file');
  static readonly Folder = new ThemeIcon('folder');
  constructor(
    readonly id: string,
    readonly color?: ThemeColor,
  ) {}
}

export class MarkdownString {
  isTrusted?: boolean;
  supportThemeIcons?: boolean;
  constructor(public value = '', supportThemeIcons = false) {
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(value: string): this {
    this.value += value;
    return this;
  }
  appendText(value: string): this {
    this.value += value.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
    return this;
  }
  appendCodeblock(code: string, language = ''): this {
    this.value += `\n\`\`\`${language}\n${code}\n\`\`\`\n`;
    return this;
  }
}

export class Hover {
  constructor(
    readonly contents: MarkdownString | MarkdownString[],
    readonly range?: Range,
  ) {}
}

export enum TreeItemCollapsibleState {
  None = 0,
  Collapsed = 1,
  Expanded = 2,
}
export class TreeItem {
  id?: string;
  description?: string | boolean;
  tooltip?: string | MarkdownString;
  iconPath?: ThemeIcon | Uri;
  contextValue?: string;
  command?: { command: string; title: string; arguments?: unknown[] };
  resourceUri?: Uri;
  constructor(
    public label: string,
    public collapsibleState: TreeItemCollapsibleState = TreeItemCollapsibleState.None,
  ) {}
}

export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}
export class Diagnostic {
  source?: string;
  constructor(
    readonly range: Range,
    readonly message: string,
    readonly severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  ) {}
}

export class RelativePattern {
  constructor(
    readonly base: unknown,
    readonly pattern: string,
  ) {}
}

export enum FileType {
  Unknown = 0,
  File = 1,
  Directory = 2,
}
export enum OverviewRulerLane {
  Left = 1,
  Center = 2,
  Right = 4,
  Full = 7,
}
export enum DecorationRangeBehavior {
  OpenOpen = 0,
  ClosedClosed = 1,
  OpenClosed = 2,
  ClosedOpen = 3,
}
export enum ProgressLocation {
  SourceControl = 1,
  Window = 10,
  Notification = 15,
}
export enum ConfigurationTarget {
  Global = 1,
  Workspace = 2,
  WorkspaceFolder = 3,
}
export enum TextEditorRevealType {
  Default = 0,
  InCenter = 1,
  InCenterIfOutsideViewport = 2,
  AtTop = 3,
}
export enum ViewColumn {
  Active = -1,
  Beside = -2,
  One = 1,
}

export class FileSystemError extends Error {
  static FileNotFound(uri?: Uri | string): FileSystemError {
    return new FileSystemError(`file not found: ${String(uri)}`);
  }
}

/** An in-memory TextDocument over `text`, with VS Code's offset/position arithmetic. */
export function createTextDocument(uri: Uri, text: string, languageId = 'plaintext', version = 1): any {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
  }
  const positionAt = (offset: number): Position => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return new Position(lo, clamped - lineStarts[lo]);
  };
  const offsetAt = (position: Position): number => {
    const line = Math.max(0, Math.min(position.line, lineStarts.length - 1));
    const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    return Math.min(lineStarts[line] + position.character, lineEnd);
  };
  return {
    uri,
    fileName: uri.fsPath,
    languageId,
    version,
    lineCount: lineStarts.length,
    isClosed: false,
    getText: (range?: Range) => (range ? text.slice(offsetAt(range.start), offsetAt(range.end)) : text),
    positionAt,
    offsetAt,
    lineAt: (line: number) => {
      const content = text.slice(lineStarts[line], (lineStarts[line + 1] ?? text.length + 1) - 1);
      return { lineNumber: line, text: content, range: new Range(line, 0, line, content.length), isEmptyOrWhitespace: content.trim() === '' };
    },
  };
}

// ---- State the tests drive ------------------------------------------------------------------

/** Settings by full key (`newsReview.highlight.enabled`). */
export const settings = new Map<string, unknown>();
/** Files by `uri.toString()`. */
export const files = new Map<string, { bytes: Uint8Array; mtime: number }>();
export const messages: { level: 'info' | 'warning' | 'error'; text: string }[] = [];
export const executed: { command: string; args: unknown[] }[] = [];

const registeredCommands = new Map<string, (...args: any[]) => unknown>();
const didChangeTextDocument = new EventEmitter<any>();
const didCloseTextDocument = new EventEmitter<any>();
const didChangeConfiguration = new EventEmitter<any>();

export function resetMock(): void {
  settings.clear();
  files.clear();
  messages.length = 0;
  executed.length = 0;
  registeredCommands.clear();
  workspace.textDocuments.length = 0;
  window.activeTextEditor = undefined;
  window.visibleTextEditors = [];
  workspace.workspaceFolders = [{ uri: Uri.file('/ws'), name: 'ws', index: 0 }];
}

export function writeFile(path: string, text: string, mtime = Date.now()): Uri {
  const uri = Uri.file(path);
  files.set(uri.toString(), { bytes: new TextEncoder().encode(text), mtime });
  return uri;
}

export function fireDidChangeTextDocument(document: any): void {
  didChangeTextDocument.fire({ document, contentChanges: [{}] });
}

export function fireDidChangeConfiguration(...keys: string[]): void {
  didChangeConfiguration.fire({ affectsConfiguration: (section: string) => keys.some((k) => k === section || k.startsWith(`${section}.`)) });
}

// ---- Namespaces -----------------------------------------------------------------------------

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '{') source += '(?:';
    else if (c === '}') source += ')';
    else if (c === ',') source += '|';
    else source += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export const workspace = {
  workspaceFolders: [{ uri: Uri.file('/ws'), name: 'ws', index: 0 }] as { uri: Uri; name: string; index: number }[] | undefined,
  textDocuments: [] as any[],
  isTrusted: true,
  getConfiguration(section?: string) {
    const prefix = section ? `${section}.` : '';
    return {
      get: <T>(key: string, fallback?: T): T | undefined => (settings.has(prefix + key) ? (settings.get(prefix + key) as T) : fallback),
      has: (key: string) => settings.has(prefix + key),
      inspect: (key: string) => ({ key: prefix + key, globalValue: settings.get(prefix + key) }),
      update: async (key: string, value: unknown) => {
        settings.set(prefix + key, value);
        fireDidChangeConfiguration(prefix + key);
      },
    };
  },
  getWorkspaceFolder(uri: Uri) {
    return workspace.workspaceFolders?.find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`));
  },
  asRelativePath(uri: Uri | string): string {
    const path = typeof uri === 'string' ? uri : uri.path;
    const folder = workspace.workspaceFolders?.find((f) => path.startsWith(`${f.uri.path}/`));
    return folder ? path.slice(folder.uri.path.length + 1) : path;
  },
  async findFiles(include: string | RelativePattern): Promise<Uri[]> {
    const pattern = typeof include === 'string' ? include : include.pattern;
    const regex = globToRegExp(pattern);
    return [...files.keys()].map((id) => Uri.parse(id)).filter((uri) => regex.test(workspace.asRelativePath(uri)));
  },
  fs: {
    async stat(uri: Uri) {
      const file = files.get(uri.toString());
      if (!file) throw FileSystemError.FileNotFound(uri);
      return { type: FileType.File, ctime: file.mtime, mtime: file.mtime, size: file.bytes.length };
    },
    async readFile(uri: Uri): Promise<Uint8Array> {
      const file = files.get(uri.toString());
      if (!file) throw FileSystemError.FileNotFound(uri);
      return file.bytes;
    },
    async writeFile(uri: Uri, bytes: Uint8Array): Promise<void> {
      files.set(uri.toString(), { bytes, mtime: Date.now() });
    },
    async createDirectory(): Promise<void> {},
  },
  async openTextDocument(arg: Uri | { content?: string; language?: string }) {
    if (arg instanceof Uri) {
      const existing = workspace.textDocuments.find((d) => d.uri.toString() === arg.toString());
      if (existing) return existing;
      const file = files.get(arg.toString());
      if (!file) throw FileSystemError.FileNotFound(arg);
      const document = createTextDocument(arg, new TextDecoder().decode(file.bytes));
      workspace.textDocuments.push(document);
      return document;
    }
    return createTextDocument(Uri.parse('untitled:Untitled-1'), arg.content ?? '', arg.language ?? 'plaintext');
  },
  onDidChangeTextDocument: didChangeTextDocument.event,
  onDidCloseTextDocument: didCloseTextDocument.event,
  onDidOpenTextDocument: new EventEmitter<any>().event,
  onDidChangeConfiguration: didChangeConfiguration.event,
  onDidChangeWorkspaceFolders: new EventEmitter<any>().event,
  createFileSystemWatcher: () => {
    const created = new EventEmitter<Uri>();
    const changed = new EventEmitter<Uri>();
    const deleted = new EventEmitter<Uri>();
    return {
      onDidCreate: created.event,
      onDidChange: changed.event,
      onDidDelete: deleted.event,
      fireCreate: (u: Uri) => created.fire(u),
      fireChange: (u: Uri) => changed.fire(u),
      fireDelete: (u: Uri) => deleted.fire(u),
      dispose: () => {},
    };
  },
};

function record(level: 'info' | 'warning' | 'error') {
  return async (text: string) => {
    messages.push({ level, text });
    return undefined;
  };
}

export const window = {
  activeTextEditor: undefined as any,
  visibleTextEditors: [] as any[],
  showInformationMessage: record('info'),
  showWarningMessage: record('warning'),
  showErrorMessage: record('error'),
  showQuickPick: async (items: any[]) => items[0],
  showInputBox: async () => undefined,
  showTextDocument: async (document: any) => ({ document, selection: undefined, revealRange: () => {} }),
  createOutputChannel: (name: string) => {
    const lines: string[] = [];
    const log = (level: string) => (message: string) => void lines.push(`[${level}] ${message}`);
    return { name, lines, trace: log('trace'), debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error'), appendLine: log('info'), show: () => {}, dispose: () => {} };
  },
  createTextEditorDecorationType: (options: unknown) => ({ key: `decoration-${Math.random()}`, options, dispose: () => {} }),
  createTreeView: (_id: string, options: any) => ({ ...options, reveal: async () => {}, dispose: () => {}, message: undefined, description: undefined }),
  withProgress: async (_options: unknown, task: (progress: any, token: any) => Promise<unknown>) =>
    task({ report: () => {} }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable() }),
  onDidChangeActiveTextEditor: new EventEmitter<any>().event,
  onDidChangeVisibleTextEditors: new EventEmitter<any>().event,
  onDidChangeTextEditorVisibleRanges: new EventEmitter<any>().event,
  onDidChangeActiveColorTheme: new EventEmitter<any>().event,
};

export const languages = {
  createDiagnosticCollection: (name?: string) => {
    const entries = new Map<string, Diagnostic[]>();
    return {
      name,
      set: (uri: Uri, diagnostics: Diagnostic[] | undefined) => (diagnostics ? entries.set(uri.toString(), diagnostics) : entries.delete(uri.toString())),
      get: (uri: Uri) => entries.get(uri.toString()),
      delete: (uri: Uri) => entries.delete(uri.toString()),
      clear: () => entries.clear(),
      dispose: () => entries.clear(),
    };
  },
  registerHoverProvider: () => new Disposable(),
};

export const commands = {
  registerCommand(id: string, handler: (...args: any[]) => unknown): Disposable {
    registeredCommands.set(id, handler);
    return new Disposable(() => registeredCommands.delete(id));
  },
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    executed.push({ command, args });
    return registeredCommands.get(command)?.(...args);
  },
  getRegistered: () => [...registeredCommands.keys()],
};

export const env = {
  clipboard: {
    text: '',
    async writeText(value: string) {
      env.clipboard.text = value;
    },
    async readText() {
      return env.clipboard.text;
    },
  },
};

export const l10n = {
  t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)])),
};
