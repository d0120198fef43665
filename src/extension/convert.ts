import * as vscode from 'vscode';
import type { Span } from '../analysis/types';

// Offsets (UTF-16 code units, as the analysis reports them) <-> VS Code positions. A TextDocument
// counts in the same units, so the conversion is exact.

export function spanToRange(document: Pick<vscode.TextDocument, 'positionAt'>, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function rangeToSpan(document: Pick<vscode.TextDocument, 'offsetAt'>, range: vscode.Range): Span {
  return { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
}

/** The document's length in UTF-16 units, without copying its text (called on every scroll). */
export function documentLength(document: Pick<vscode.TextDocument, 'lineCount' | 'lineAt' | 'offsetAt'>): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
