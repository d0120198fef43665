import type { Summary } from '../summary';

/** The summary as Markdown: what `news-review summarise` prints and "Export Summary" writes. */
export function renderMarkdown(summary: Summary, file?: string): string {
  const lines = [`# ${summary.headline ?? file ?? 'Untitled article'}`, ''];
  if (summary.date) lines.push(`Dated ${summary.date}`, '');
  for (const sentence of summary.sentences) lines.push(`> ${sentence.text}`, '');
  return lines.join('\n');
}
