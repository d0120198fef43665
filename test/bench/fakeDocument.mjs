// Just enough of vscode.TextDocument over a string for AnalysisCache.analyseLines.
import { createRequire } from 'node:module';

const { Uri } = createRequire(import.meta.url)('./vscodeStub.cjs');

export function fakeDocument(text, path = '/bench/large.txt') {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineEnd = (line) => (line + 1 < starts.length ? starts[line + 1] - 1 : text.length);
  const offsetAt = (p) => Math.min(starts[Math.min(p.line, starts.length - 1)] + p.character, lineEnd(Math.min(p.line, starts.length - 1)));
  const positionAt = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(offset, text.length) - starts[lo] };
  };
  return {
    uri: Uri.file(path),
    version: 1,
    languageId: 'news',
    lineCount: starts.length,
    lineAt: (line) => {
      const lineText = text.slice(starts[line], lineEnd(line));
      return { text: lineText, isEmptyOrWhitespace: lineText.trim() === '', range: { end: { line, character: lineText.length } } };
    },
    getText: (range) => (range ? text.slice(offsetAt(range.start), offsetAt(range.end)) : text),
    offsetAt,
    positionAt,
  };
}
