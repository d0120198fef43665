import { articleTitle, escapeHtml, renderSummarySections, type ReportContext } from '../analysis/report/html';
import type { Summary } from '../analysis/summary';

// The summary panel's HTML, as a pure function (no `vscode` import) so that tests and a headless
// browser can render exactly what the panel shows. The page loads one stylesheet and one script,
// both from the extension; article text is escaped, and the CSP forbids everything else.

export interface PanelHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  /** A fresh nonce per page (`createNonce`). */
  nonce: string;
  /** `webview.asWebviewUri` of dist/webview/panel.js and media/panel.css. */
  scriptUri: string;
  styleUri: string;
  /** The article's URI, for the script to tell a re-render from another article. */
  article?: string;
  file?: string;
  entities?: ReportContext['entities'];
  pinned?: boolean;
  /** Shown instead of a summary: why there is none (no article open, file too large...). */
  notice?: string;
}

/** Rows per list in the panel: a huge article must not make a page of megabytes. */
export const PANEL_MAX_ROWS = 300;

/** From Web Crypto, which Node loads on first use: loading node:crypto with the module cost ~6 ms. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
}

/** The panel's policy. Its inputs come from VS Code and `createNonce`; quotes and brackets are dropped anyway. */
export function panelCsp(cspSource: string, nonce: string): string {
  const safe = (value: string) => value.replace(/["'<>;\s]/g, '');
  return `default-src 'none'; style-src ${safe(cspSource)}; script-src 'nonce-${safe(nonce)}'; img-src ${safe(cspSource)}`;
}

/** The whole page: what `webview.html` is set to when the panel opens. */
export function renderPanelHtml(summary: Summary | null, options: PanelHtmlOptions): string {
  const title = summary ? articleTitle(summary, options.file) : 'News Review';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${panelCsp(options.cspSource, options.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(options.styleUri)}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="content" data-article="${escapeHtml(options.article ?? '')}">
${renderPanelBody(summary, options)}
</main>
<script nonce="${escapeHtml(options.nonce)}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}

/** The page's content: the toolbar and the summary, or an explanation of why there is none. */
export function renderPanelBody(summary: Summary | null, options: Omit<PanelHtmlOptions, 'cspSource' | 'nonce' | 'scriptUri' | 'styleUri'>): string {
  const pinned = options.pinned === true;
  const toolbar = `<nav class="toolbar" aria-label="Panel actions">
<button type="button" class="pin" data-action="togglePin" aria-pressed="${pinned}" title="${pinned ? 'Pinned to this article: click to follow the active editor again' : 'Follows the active editor: click to keep this article'}">${pinned ? 'Pinned' : 'Pin'}</button>
${summary ? '<button type="button" data-action="export" title="Export the summary as Markdown, JSON or HTML">Export…</button>' : ''}
</nav>`;
  if (!summary) {
    const notice = options.notice ?? 'Open an article (a .txt or .md file, or a seed) to see who says what, when and where.';
    return `${toolbar}\n<section class="empty-state"><h1>No article</h1><p class="empty">${escapeHtml(notice)}</p></section>`;
  }
  const sections = renderSummarySections(summary, { file: options.file, entities: options.entities, interactive: true, maxRows: PANEL_MAX_ROWS });
  return `${toolbar}\n${options.notice ? `<p class="notice">${escapeHtml(options.notice)}</p>\n` : ''}${sections}`;
}
