import { describe, expect, it } from 'vitest';
import { MAX_LEXICON_CHARS, MAX_LEXICON_ENTRIES, parseUserLexicon, validateUserLexicon } from '../../src/analysis/lexicon';
import schema from '../../src/analysis/data/lexicon.schema.json';

describe('parseUserLexicon', () => {
  it('keeps a valid lexicon as it is, trimmed', () => {
    const json = JSON.stringify({
      factions: [{ name: ' Northern Hawks Brigade ', aliases: ['NHB'], backers: ['Chad'] }, 'Kuluna Guards'],
      places: [{ name: 'Saleh el-Din', country: 'ly', kind: 'locality' }],
      ignore: ['Nice'],
    });
    expect(parseUserLexicon(json)).toEqual({
      lexicon: {
        factions: [{ name: 'Northern Hawks Brigade', aliases: ['NHB'], backers: ['Chad'] }, { name: 'Kuluna Guards' }],
        places: [{ name: 'Saleh el-Din', country: 'LY', kind: 'locality' }],
        ignore: ['Nice'],
      },
      problems: [],
    });
  });

  it('reports malformed JSON without throwing', () => {
    for (const bad of ['{', '', 'not json', '{"factions": [}']) {
      const result = parseUserLexicon(bad);
      expect(result.lexicon).toEqual({});
      expect(result.problems[0]).toMatch(/not valid JSON/);
    }
    expect(parseUserLexicon('\uFEFF{"ignore": ["x"]}').lexicon).toEqual({ ignore: ['x'] });
  });

  it('drops entries of the wrong shape and says where they are', () => {
    const { lexicon, problems } = parseUserLexicon(
      JSON.stringify({ factions: [{ aliases: ['X'] }, 42, { name: 'Good', aliases: 'NHB', backers: [1, 'Chad'] }], places: {}, ignore: [null, 'ok'], extra: true }),
    );
    expect(lexicon).toEqual({ factions: [{ name: 'Good', backers: ['Chad'] }], ignore: ['ok'] });
    expect(problems).toEqual(
      expect.arrayContaining([
        'Unknown key "extra" is ignored.',
        'factions[0].name must be a non-empty string.',
        'factions[1] must be an object with a "name".',
        'factions[2].aliases must be a list of names; it is ignored.',
        'factions[2].backers[0] must be a non-empty string.',
        '"places" must be a list; it is ignored.',
        'ignore[0] must be a non-empty string.',
      ]),
    );
    for (const top of ['[]', '"text"', 'null', '3']) expect(parseUserLexicon(top).problems[0]).toMatch(/must be a JSON object/);
  });

  it('rejects bad place codes and kinds but keeps the place', () => {
    const { lexicon, problems } = parseUserLexicon('{"places": [{"name": "X", "country": "Libya", "kind": "planet"}]}');
    expect(lexicon.places).toEqual([{ name: 'X' }]);
    expect(problems).toHaveLength(2);
  });

  it('refuses huge files and cuts lists past the entry limit', () => {
    expect(parseUserLexicon(' '.repeat(MAX_LEXICON_CHARS + 1)).problems[0]).toMatch(/larger than/);
    const many = { ignore: Array.from({ length: MAX_LEXICON_ENTRIES + 5 }, (_, i) => `n${i}`) };
    const { lexicon, problems } = parseUserLexicon(JSON.stringify(many));
    expect(lexicon.ignore).toHaveLength(MAX_LEXICON_ENTRIES);
    expect(problems[0]).toMatch(/more than 10000 entries/);
  });

  it('never evaluates anything and never throws on odd values', () => {
    const odd = ['{"__proto__": {"polluted": true}, "factions": []}', '{"factions": [{"name": "x", "toString": "boom"}]}', JSON.stringify({ ignore: ['a'.repeat(500)] })];
    for (const json of odd) expect(() => parseUserLexicon(json)).not.toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => validateUserLexicon(undefined)).not.toThrow();
    expect(parseUserLexicon(odd[2]).problems[0]).toMatch(/longer than/);
  });
});

describe('lexicon.schema.json', () => {
  it('describes the same keys the parser accepts', () => {
    expect(schema.$schema).toMatch(/draft-07/);
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'factions', 'ignore', 'places']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.ignore.maxItems).toBe(MAX_LEXICON_ENTRIES);
  });
});
