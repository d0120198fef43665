import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The hostile corpus: texts and files that broke (or could break) naive analysers, renderers and
// decoders. Everything is generated from a seed, so a failure reproduces; nothing large is committed.

const seedsDir = join(__dirname, '../../seeds');

/** The project's own sample articles (written for this project), in name order. */
export function seedArticles(): { name: string; text: string }[] {
  return readdirSync(seedsDir)
    .filter((name) => /\.(?:txt|md)$/.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));
}

/** mulberry32: a small, fast, seeded generator, so the corpus is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The sentences below are invented for this corpus.
const MARKUP_ARTICLE = [
  ' date 2024-03-02 <script>window.__pwned = 1; alert("headline")</script> Militia <b>seizes</b> border town',
  '',
  'GOMA &amp; BUKAVU &lt;script&gt; &#60;img src=x onerror=alert(1)&#62; &quot;Fighting&quot; spread on Tuesday.',
  '',
  'The governor said <img src=x onerror="window.__pwned=2;alert(2)"> that the M23 rebels had entered Sake, ' +
    'according to <a href="javascript:window.__pwned=3">a local radio station</a>.',
  '',
  '</style></title></textarea><script src="https://evil.example/x.js"></script><iframe src="https://evil.example/"></iframe> ' +
    'A spokesman for the army told reporters: "<svg onload=window.__pwned=4>We hold the airport</svg>."',
  '',
  '"><script>window.__pwned=5</script><!-- <style>body{background:url(https://evil.example/bg.png)}</style> ' +
    '<link rel=stylesheet href=https://evil.example/s.css> ]]> ${window.__pwned=6} {{constructor.constructor("window.__pwned=7")()}}',
  '',
  "Residents in Kinshasa reportedly said the 'ceasefire' was <marquee>over</marquee> &nbsp;&#x27;&#39; &unknown; &#xD800; &#0;.",
].join('\n');

const RTL_ARTICLE = [
  ' date 2023-10-09 اشتباكات في دير الزور — Clashes near Deir ez-Zor',
  '',
  'قالت قوات سوريا الديمقراطية إن القتال استمر يوم الاثنين في ريف دير الزور الشرقي. The Syrian Democratic Forces (SDF) said on Monday that fighting continued.',
  '',
  'דובר צה"ל אמר כי הכוחות פעלו ברצועת עזה ביום שלישי. A spokesman, אבי כהן, told reporters in ירושלים that the operation would continue.',
  '',
  '\u202eThe mayor of Raqqa said\u202c the bridge was closed \u2067محمد الأحمد\u2069 and \u200fאבי\u200e were quoted by Reuters.',
].join('\n');

const ASTRAL_ARTICLE = [
  ' date 2022-02-24 🇺🇦🔥 Missiles strike Kharkiv 𝐓𝐨𝐝𝐚𝐲',
  '',
  '😀😀😀 Russian forces shelled Kharkiv on February 24, 2022, the governor said. 𝕬𝖗𝖒𝖞 units 👩🏽‍🚀 moved towards Kyiv.',
  '',
  '🏳️‍🌈🧑‍🤝‍🧑 "We will not leave Kharkiv," said Ihor Terekhov, the mayor. 𠜎𠜱𠝹 According to Ukraine\'s army, fighting continued.',
  '',
  'Emoji-only tail: 🎉🎊🎈 and 🇸🇩 in Odesa on March 3.',
].join('\n');

const QUOTES_ARTICLE = [
  ' date 2021-06-14 "Unclosed headline quote about Tigray',
  '',
  '“The army said “the TPLF ‘had been defeated’ in Mekelle,” the spokesman told reporters.',
  '',
  'A witness said: "They came at night. "They came again." Nobody closed this one',
  '',
  '”Closing quotes first,” the official said, ‘and a single one. And « guillemets » and „low quotes“ and 「brackets」.',
  '',
  '"""""""" ” ” ” ” ‘‘‘‘ ’’’’ "a" "b "c" d" e"',
].join('\n');

/** Named texts every analyser test runs: markup, scripts, quotes, line ends and runs that make naive regexes backtrack. */
export function hostileTexts(): { name: string; text: string }[] {
  const rand = seededRandom(7);
  const seeds = seedArticles();
  const sudan = seeds.find((s) => s.name.startsWith('sudan'))?.text ?? seeds[0].text;
  const capitals = Array.from({ length: 5_000 }, (_, i) => capitalWord(rand, i)).join(' ');
  return [
    { name: 'markup', text: MARKUP_ARTICLE },
    { name: 'rtl', text: RTL_ARTICLE },
    { name: 'astral', text: ASTRAL_ARTICLE },
    { name: 'quotes', text: QUOTES_ARTICLE },
    { name: 'crlf', text: sudan.replace(/\r?\n/g, '\r\n') },
    { name: 'lone-cr', text: sudan.replace(/\r?\n/g, '\r') },
    { name: 'mixed-line-ends', text: sudan.replace(/\n/g, () => ['\n', '\r\n', '\r', '\u2028', '\u0085'][Math.floor(rand() * 5)]) },
    { name: 'long-line', text: longLine(200_000) },
    { name: 'dateline-only', text: ' date 2020-05-25 ' },
    { name: 'dateline-only-wire', text: 'KHARTOUM, April 17 (Reuters) - ' },
    { name: 'empty', text: '' },
    { name: 'whitespace', text: ' \n\n\t\r\n \u00a0\u2028 ' },
    { name: 'lone-surrogates', text: `A lone high \ud83d here, a lone low \udc00 there, \udbff\ud800 reversed, in Odesa on March 3.\ud800` },
    { name: 'nul-and-controls', text: `Fighting\u0000in\u0001Goma\u0007 on May 3.\u001b[31m The UN said so.\u0000` },
    { name: 'commas-10k', text: `The army said, ${','.repeat(10_000)} that Goma fell on May 3.` },
    { name: 'comma-words-10k', text: `In ${Array.from({ length: 10_000 }, (_, i) => (i % 2 ? 'Goma' : 'the north')).join(', ')} fighting continued.` },
    { name: 'capitals-5k', text: `${capitals} said the army on Monday.` },
    { name: 'capitals-5k-hyphenated', text: `${capitals.replace(/ /g, '-')} Forces (RSF) said.` },
    { name: 'open-quotes-10k', text: `The spokesman said ${'"'.repeat(10_000)}we hold Goma` },
    { name: 'curly-open-quotes-10k', text: `${'“'.repeat(10_000)} he said ${'‘'.repeat(10_000)}` },
    { name: 'said-10k', text: `${'he said '.repeat(5_000)}${'according to '.repeat(5_000)}officials.` },
    { name: 'periods-10k', text: `U.S.${'.'.repeat(10_000)} ${'U.N. '.repeat(3_000)}Gen. ${'Mr. '.repeat(3_000)}Smith said.` },
    { name: 'digits-10k', text: `${'1, '.repeat(5_000)}${'2023-'.repeat(2_000)} ${'12 '.repeat(3_000)}May of 2023` },
    { name: 'months-5k', text: `${'May '.repeat(5_000)}${'Monday, '.repeat(3_000)}2021.` },
    { name: 'parentheses-10k', text: `${'('.repeat(10_000)}RSF${')'.repeat(5_000)} said` },
    { name: 'spaces-200k', text: `Goma ${' '.repeat(200_000)} fell.` },
    { name: 'newlines-20k', text: `Goma\n${'\n'.repeat(20_000)}fell.${'\r\n \r\n'.repeat(5_000)}end` },
    { name: 'heading-spaces', text: `# ${' '.repeat(50_000)}\nText on May 5.` },
    { name: 'wire-dateline-long', text: `${'A'.repeat(50_000)}, April 17 (Reuters) - Text.` },
    { name: 'astral-run', text: `${'😀'.repeat(20_000)}Goma${'𝕏'.repeat(20_000)}` },
    { name: 'astral-run-odd', text: `x${'😀'.repeat(20_000)} Goma.` },
    { name: 'combining-marks', text: `Go\u0301ma Kha\u0308rtoum ${'e\u0301'.repeat(5_000)} on May 5.` },
  ];
}

const NAMES = ['Sudan', 'Goma', 'Army', 'Forces', 'Rapid', 'Support', 'National', 'Liberation', 'Front'];

/** A plausible capitalised word, some of them repeated names, so recognisers see long runs of "names". */
function capitalWord(rand: () => number, i: number): string {
  if (i % 7 === 0) return NAMES[Math.floor(rand() * NAMES.length)];
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let word = String.fromCharCode(65 + Math.floor(rand() * 26));
  const length = 2 + Math.floor(rand() * 8);
  for (let j = 0; j < length; j++) word += letters[Math.floor(rand() * 26)];
  return word;
}

/** One line of `length` characters: the seed sentences joined without any line break. */
export function longLine(length: number): string {
  const prose = seedArticles()
    .map((s) => s.text.replace(/^\s*date \S+\s*/, '').replace(/\s+/g, ' '))
    .join(' ');
  return prose.repeat(Math.ceil(length / prose.length)).slice(0, length);
}

/** A normal article body of about `bytes` characters: the seeds, paragraphs kept, repeated. */
export function normalText(length: number): string {
  const body = seedArticles()
    .map((s) => s.text.replace(/^\s*date \S+\s*/, ''))
    .join('\n\n');
  const parts: string[] = [' date 2023-04-17 '];
  let size = parts[0].length;
  while (size < length) {
    parts.push(body, '\n\n');
    size += body.length + 2;
  }
  return parts.join('').slice(0, length);
}

/**
 * 1 MB inputs built from one repeated unit, for the linearity benchmark (names as in `hostileTexts`);
 * `seed` varies the random ones (capitalised words).
 */
export function pathologicalText(kind: string, length: number, seed = 11): string {
  const rand = seededRandom(seed);
  const fill = (unit: () => string) => {
    const parts: string[] = [];
    let size = 0;
    while (size < length) {
      const piece = unit();
      parts.push(piece);
      size += piece.length;
    }
    return parts.join('').slice(0, length);
  };
  let i = 0;
  switch (kind) {
    case 'commas': return fill(() => ',');
    case 'comma-words': return fill(() => (i++ % 2 ? 'Goma, ' : 'the north, '));
    case 'capitals': return fill(() => `${capitalWord(rand, i++)} `);
    case 'open-quotes': return fill(() => '"');
    case 'curly-quotes': return fill(() => '“‘');
    case 'said': return fill(() => (i++ % 2 ? 'he said ' : 'according to '));
    case 'periods': return fill(() => (i++ % 3 ? 'U.S. ' : 'Gen. '));
    case 'short-sentences': return fill(() => 'Go. ');
    case 'digits': return fill(() => `${i++ % 31}, `);
    case 'months': return fill(() => (i++ % 2 ? 'May ' : 'Monday, '));
    case 'parentheses': return fill(() => '(');
    case 'spaces': return fill(() => ' ');
    case 'newlines': return fill(() => '\n');
    case 'long-line': return longLine(length);
    case 'astral': return fill(() => '😀𝕏');
    case 'rtl': return fill(() => 'قالت قوات سوريا الديمقراطية إن القتال استمر. ');
    case 'backers': return fill(() => (i++ % 2 ? 'supported by ' : 'backed by Egypt, '));
    case 'alliances': return fill(() => 'Hamas and Israel and ');
    case 'known-as': return fill(() => 'the Alpha Front (AF1) known as Beta, Gamma’s forces ');
    case 'hedges': return fill(() => (i++ % 2 ? 'reportedly ' : ' said that '));
    case 'date-parts': return fill(() => ['2014-', 'a day ', 'THE PAST TWO DAYS '][i++ % 3]);
    case 'title-case': return fill(() => (i++ % 2 ? 'The Town Of ' : 'Aa Bb Cc '));
    default: throw new Error(`unknown pathological kind "${kind}"`);
  }
}

export const PATHOLOGICAL_KINDS = [
  'commas', 'comma-words', 'capitals', 'open-quotes', 'curly-quotes', 'said', 'periods', 'short-sentences', 'digits',
  'months', 'parentheses', 'spaces', 'newlines', 'long-line', 'astral', 'rtl', 'backers', 'alliances', 'known-as', 'hedges',
  'date-parts', 'title-case',
] as const;

/** What the CLI should make of a corpus file. */
export interface CorpusFile {
  name: string;
  path: string;
  /** `ok`: analysed; `warning`: analysed with one warning; `error`: refused with a message matching `message`. */
  expect: 'ok' | 'warning' | 'error';
  /** The text the analysis must be relative to (for `ok` and `warning`). */
  text?: string;
  message?: RegExp;
}

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
};

/**
 * Writes the hostile files into `dir` (which must exist or is created) and says what each should give.
 * `largeMB` adds a file of that many megabytes of normal article text.
 */
export function writeCorpus(dir: string, options: { largeMB?: number } = {}): CorpusFile[] {
  mkdirSync(dir, { recursive: true });
  const rand = seededRandom(42);
  const article = seedArticles()[0].text;
  const files: CorpusFile[] = [];
  const add = (name: string, bytes: Uint8Array | string, expect: CorpusFile['expect'], extra: Partial<CorpusFile> = {}) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    files.push({ name, path, expect, ...extra });
  };

  for (const { name, text } of hostileTexts()) {
    if (text.trim() === '') add(`text-${name}.txt`, text, 'error', { message: /empty/ });
    else if (text.includes('\u0000')) add(`text-${name}.txt`, text, 'error', { message: /binary/ });
    else if (name === 'lone-surrogates') continue; // UTF-8 cannot carry them: see the UTF-16 file below
    else add(`text-${name}.txt`, text, 'ok', { text });
  }
  add('utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article)]), 'ok', { text: article });
  add('utf16le-bom.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(article, 'utf16le')]), 'ok', { text: article });
  add('utf16be-bom.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(article)]), 'ok', { text: article });
  add('utf16le-astral.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ASTRAL_ARTICLE, 'utf16le')]), 'ok', { text: ASTRAL_ARTICLE });
  // Lone surrogates are unpaired UTF-16: decoded as U+FFFD, and said once.
  add('utf16le-lone-surrogate.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Fighting in Goma \ud83d on May 3.\n', 'utf16le')]), 'warning');
  add('utf16le-odd-length.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Fighting in Goma on May 3.\n', 'utf16le'), Buffer.from([0x41])]), 'warning');

  // Invalid UTF-8: a stray continuation byte, a truncated sequence, an overlong form, a surrogate, 0xFF.
  const invalid = Buffer.concat([
    Buffer.from(' date 2023-04-17 Fighting in Khartoum \n\nThe army said '),
    Buffer.from([0x80, 0xe2, 0x82, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff]),
    Buffer.from(' that the RSF had withdrawn on Monday.\n'),
  ]);
  add('invalid-utf8.txt', invalid, 'warning', { text: new TextDecoder().decode(invalid) });
  const invalidTail = Buffer.concat([Buffer.from(article), Buffer.from([0xf0, 0x9f, 0x98])]);
  add('invalid-utf8-truncated-tail.txt', invalidTail, 'warning', { text: new TextDecoder().decode(invalidTail) });
  add('latin1.txt', Buffer.from('Caf\u00e9 in Bogot\u00e1, said the mayor on May 5.\n', 'latin1'), 'warning');

  const random = Buffer.alloc(64 * 1024);
  for (let i = 0; i < random.length; i++) random[i] = Math.floor(rand() * 256);
  add('binary-random.txt', random, 'error', { message: /binary/ });
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    random.subarray(0, 4096),
  ]);
  add('image-png.txt', png, 'error', { message: /binary/ });
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 2048 /Filter /FlateDecode >>\nstream\n', 'latin1'),
    random.subarray(4096, 8192),
    Buffer.from('\nendstream\nendobj\n'),
  ]);
  add('document-pdf.txt', pdf, 'error', { message: /binary/ });
  add('utf16le-no-bom.txt', Buffer.from(article, 'utf16le'), 'error', { message: /binary/ });
  add('empty.txt', '', 'error', { message: /empty/ });
  add('whitespace-only.txt', ' \n\t\r\n  \n', 'error', { message: /empty/ });
  add('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf]), 'error', { message: /empty/ });
  add('utf16le-bom-only.txt', Buffer.from([0xff, 0xfe]), 'error', { message: /empty/ });
  add('utf16le-bom-whitespace.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' \n \n', 'utf16le')]), 'error', { message: /empty/ });
  add('markdown.md', `# <script>window.__pwned=8</script> Heading\n\n${article}`, 'ok');

  if (options.largeMB) {
    const text = normalText(options.largeMB * 1024 * 1024);
    add(`large-${options.largeMB}mb.txt`, text, 'ok', { text });
  }
  return files;
}
