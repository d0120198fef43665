import type { Summary } from '../summary';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A standalone HTML page of the summary, under a CSP that allows no script and no remote load. */
export function renderHtml(summary: Summary, file?: string): string {
  const title = escapeHtml(summary.headline ?? file ?? 'Untitled article');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title></head>
<body><h1>${title}</h1>${summary.sentences.map((s) => `<p>${escapeHtml(s.text)}</p>`).join('')}</body></html>
`;
}
