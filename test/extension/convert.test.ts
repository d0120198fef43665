import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { documentLength, rangeToSpan, spanToRange } from '../../src/extension/convert';

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
});
