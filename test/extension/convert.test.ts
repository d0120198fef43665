import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { documentLength, firstEndingAfter, rangeToSpan, spanToRange } from '../../src/extension/convert';

const mock = vscode as unknown as typeof import('../mocks/vscode');

describe('offsets and ranges', () => {
  const text = 'First line\r\nSecond — “quoted” 😀 line\nthird';
  const document = mock.createTextDocument(vscode.Uri.file('/ws/a.txt'), text);

  it('round-trips spans through ranges, astral characters and CRLF included', () => {
    for (const word of ['First', 'quoted', '😀', 'line\nthird', 'third']) {
      const start = text.indexOf(word);
      const span = { start, end: start + word.length };
      const range = spanToRange(document, span);
      expect(document.getText(range)).toBe(word);
      expect(rangeToSpan(document, range)).toEqual(span);
    }
  });

  it('measures a document without its text', () => {
    expect(documentLength(document)).toBe(text.length);
    expect(documentLength(mock.createTextDocument(vscode.Uri.file('/ws/b.txt'), ''))).toBe(0);
  });

  it('finds the first span ending after an offset', () => {
    const spans = [{ start: 0, end: 3 }, { start: 5, end: 8 }, { start: 10, end: 12 }];
    expect(firstEndingAfter(spans, 0)).toBe(0);
    expect(firstEndingAfter(spans, 3)).toBe(1);
    expect(firstEndingAfter(spans, 9)).toBe(2);
    expect(firstEndingAfter(spans, 12)).toBe(3);
  });
});
