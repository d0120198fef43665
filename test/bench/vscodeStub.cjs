// A stand-in for the `vscode` module, so the bench can load dist/extension.js and the extension's
// caches in plain Node. Anything not defined here is a "anything" proxy: callable, constructible,
// disposable, never thenable. `workspace.fs` reads the real disk, as the tree does through VS Code.
const Module = require('node:module');
const fs = require('node:fs');

function anything() {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'dispose') return () => {};
      if (prop === 'length') return 0;
      return anything();
    },
    apply: () => anything(),
    construct: () => anything(),
  });
}

class EventEmitter {
  listeners = [];
  event = (listener) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value) {
    for (const l of this.listeners) l(value);
  }
  dispose() {
    this.listeners = [];
  }
}

class Uri {
  constructor(scheme, path) {
    this.scheme = scheme;
    this.path = path;
    this.fsPath = path;
  }
  static file(path) {
    return new Uri('file', path);
  }
  static parse(text) {
    return new Uri('file', text.replace(/^file:\/\//, ''));
  }
  static joinPath(base, ...parts) {
    return new Uri(base.scheme, [base.path, ...parts].join('/'));
  }
  with() {
    return this;
  }
  toString() {
    return `file://${this.path}`;
  }
}

class Position {
  constructor(line, character) {
    this.line = line;
    this.character = character;
  }
}

class Range {
  constructor(a, b, c, d) {
    [this.start, this.end] = typeof a === 'number' ? [new Position(a, b), new Position(c, d)] : [a, b];
  }
}

// What the Seeds view's items are made of, as plain as VS Code's own, so timing the items times our
// work rather than the proxies'.
class TreeItem {
  constructor(label, collapsibleState) {
    this.label = label;
    this.collapsibleState = collapsibleState;
  }
}
const TreeItemCollapsibleState = { None: 0, Collapsed: 1, Expanded: 2 };
class ThemeIcon {
  constructor(id, color) {
    this.id = id;
    this.color = color;
  }
}
class MarkdownString {
  constructor(value = '', supportThemeIcons = false) {
    this.value = value;
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(value) {
    this.value += value;
    return this;
  }
  appendText(value) {
    this.value += value.replace(/[\\`*_{}[\]()#+\-.!<>]/g, '\\$&');
    return this;
  }
}

const noEvent = () => ({ dispose() {} });
const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: async () => {} };

// Named explicitly: a bundle copies the module's own keys (esbuild's __toESM), so a proxy's
// catch-all alone would not reach it.
const ANYTHING = ['window', 'languages', 'commands', 'env', 'extensions', 'l10n', 'ConfigurationTarget', 'DecorationRangeBehavior', 'Diagnostic', 'DiagnosticSeverity', 'Hover', 'OverviewRulerLane', 'ProgressLocation', 'RelativePattern', 'TextEditorRevealType', 'ThemeColor', 'ViewColumn', 'FileType'];

const vscode = new Proxy(
  {
    ...Object.fromEntries(ANYTHING.map((name) => [name, anything()])),
    EventEmitter,
    Uri,
    TreeItem,
    TreeItemCollapsibleState,
    ThemeIcon,
    MarkdownString,
    Position,
    Range,
    Disposable: class {
      static from() {
        return { dispose() {} };
      }
      constructor(fn) {
        this.dispose = fn;
      }
    },
    workspace: new Proxy(
      {
        textDocuments: [],
        workspaceFolders: undefined,
        getConfiguration: () => configuration,
        onDidChangeTextDocument: noEvent,
        onDidCloseTextDocument: noEvent,
        onDidChangeConfiguration: noEvent,
        onDidChangeWorkspaceFolders: noEvent,
        findFiles: async () => [],
        asRelativePath: (uri) => {
          const folder = vscode.workspace.workspaceFolders?.find((f) => uri.path.startsWith(`${f.uri.path}/`));
          return folder ? uri.path.slice(folder.uri.path.length + 1) : uri.path;
        },
        fs: {
          stat: async (uri) => {
            const s = await fs.promises.stat(uri.fsPath);
            return { type: 1, ctime: s.ctimeMs, mtime: s.mtimeMs, size: s.size };
          },
          readFile: (uri) => fs.promises.readFile(uri.fsPath),
          writeFile: (uri, bytes) => fs.promises.writeFile(uri.fsPath, bytes),
          createDirectory: (uri) => fs.promises.mkdir(uri.fsPath, { recursive: true }),
        },
      },
      { get: (t, p) => (p in t ? t[p] : anything()) },
    ),
  },
  { get: (t, p) => (p in t ? t[p] : p === 'then' || p === '__esModule' ? undefined : anything()) },
);

/** Makes `require('vscode')` return the stub from now on in this process. */
function installVscodeStub() {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request === 'vscode' ? vscode : load.call(this, request, ...rest);
  };
  return vscode;
}

module.exports = { installVscodeStub, Uri };
