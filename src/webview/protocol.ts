// The messages between the summary panel's webview and the extension, shared by both sides. The
// webview is untrusted: the extension accepts only what `parseWebviewMessage` lets through.

/** From the webview: reveal and select `[start, end)` of the article in its editor. */
export interface RevealMessage {
  type: 'reveal';
  start: number;
  end: number;
}

/** From the webview: pin the panel to its article, or let it follow the active editor again. */
export interface TogglePinMessage {
  type: 'togglePin';
}

/** From the webview: run "Export Summary". */
export interface ExportMessage {
  type: 'export';
}

export type WebviewMessage = RevealMessage | TogglePinMessage | ExportMessage;

/** From the extension: new panel content (already escaped HTML) for an article. */
export interface UpdateMessage {
  type: 'update';
  html: string;
  /** The article's URI: the webview keeps its scroll position only while this stays the same. */
  article: string;
}

export type ExtensionMessage = UpdateMessage;

export type ParseResult = { ok: true; message: WebviewMessage } | { ok: false; reason: string };

/**
 * Validates a message posted by the webview against the article it shows (`textLength` UTF-16 code
 * units): a known type, and for `reveal` integer offsets with `0 <= start <= end <= textLength`.
 * Extra fields are dropped, so nothing the webview adds reaches the extension.
 */
export function parseWebviewMessage(value: unknown, textLength: number): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not an object' };
  const { type } = value as { type?: unknown };
  switch (type) {
    case 'togglePin':
    case 'export':
      return { ok: true, message: { type } };
    case 'reveal': {
      const { start, end } = value as { start?: unknown; end?: unknown };
      if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return { ok: false, reason: 'reveal: start and end must be integers' };
      const from = start as number;
      const to = end as number;
      if (from < 0 || to < from || to > textLength) return { ok: false, reason: `reveal: [${from}, ${to}) is outside the article (length ${textLength})` };
      return { ok: true, message: { type, start: from, end: to } };
    }
    default:
      return { ok: false, reason: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  }
}
