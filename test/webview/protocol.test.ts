import { describe, expect, it } from 'vitest';
import { parseWebviewMessage } from '../../src/webview/protocol';

describe('parseWebviewMessage', () => {
  it('accepts a reveal inside the article, and drops extra fields', () => {
    expect(parseWebviewMessage({ type: 'reveal', start: 3, end: 9, command: 'rm -rf' }, 10)).toEqual({
      ok: true,
      message: { type: 'reveal', start: 3, end: 9 },
    });
    expect(parseWebviewMessage({ type: 'reveal', start: 0, end: 10 }, 10).ok).toBe(true);
    expect(parseWebviewMessage({ type: 'reveal', start: 10, end: 10 }, 10).ok).toBe(true);
  });

  it.each([
    ['past the end', { type: 'reveal', start: 3, end: 11 }],
    ['negative', { type: 'reveal', start: -1, end: 2 }],
    ['reversed', { type: 'reveal', start: 5, end: 4 }],
    ['fractional', { type: 'reveal', start: 1.5, end: 4 }],
    ['strings', { type: 'reveal', start: '1', end: '4' }],
    ['NaN', { type: 'reveal', start: Number.NaN, end: 4 }],
    ['Infinity', { type: 'reveal', start: 0, end: Number.POSITIVE_INFINITY }],
    ['huge', { type: 'reveal', start: 0, end: 2 ** 60 }],
    ['missing', { type: 'reveal', start: 1 }],
  ])('refuses a reveal with %s offsets', (_, message) => {
    const result = parseWebviewMessage(message, 10);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^reveal: /);
  });

  it.each([null, undefined, 42, 'reveal', [], ['reveal', 1, 2], {}, { type: 'runCommand', command: 'x' }, { type: { toString: (): string => 'reveal' } }])(
    'refuses %j',
    (message) => {
      expect(parseWebviewMessage(message, 10).ok).toBe(false);
    },
  );

  it('accepts the panel actions without their extra fields', () => {
    expect(parseWebviewMessage({ type: 'togglePin', pinned: 'yes' }, 0)).toEqual({ ok: true, message: { type: 'togglePin' } });
    expect(parseWebviewMessage({ type: 'export', path: '/etc/passwd' }, 0)).toEqual({ ok: true, message: { type: 'export' } });
  });

  it('keeps the reason short for a long unknown type', () => {
    const result = parseWebviewMessage({ type: 'x'.repeat(10_000) }, 0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.length).toBeLessThan(100);
  });
});
