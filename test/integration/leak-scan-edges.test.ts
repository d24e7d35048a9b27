/**
 * The leak scan at its edges, on texts and models made in the test (no check run, no site built): how a text is
 * cut into words and hashed (every ASCII character, any script, the buffer that holds a long page's words), how
 * a page and a body are read, how long a forbidden text must be, how hits are found and quoted among many
 * forbidden texts and hash collisions, what is subtracted as allowed (and what a template may subtract), the
 * placeholders and drafts a site must not show, and the past titles the trust center must not show.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/engine/index.ts';
import { emptyModel, type Document, type ProgramModel } from '../../src/engine/model.ts';
import type { DocumentKind } from '../../src/engine/document-kinds.ts';
import {
  findLeak,
  hashWords,
  historicalFragments,
  isEmpty,
  needlesFor,
  normalise,
  readableText,
  renderedText,
  words,
  type Fragment,
  type Reading,
  type ScanExtras,
} from '../../src/integration/leak-scan.ts';
import type { Site } from '../../src/site/sites.ts';

/** FNV-1a of a word, as the scan hashes words: written out here, apart from the scan's own. */
const fnv = (word: string) => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
};

const text = (value: string, more: Partial<Fragment> = {}): Fragment => ({ text: value, source: 'test', ...more });

/** The needles of a site that must not hold these texts, and nothing else. */
const forbidding = (...fragments: Fragment[]) =>
  needlesFor({ model: emptyModel() } as CheckResult, 'public', { forbidden: fragments });

/** The needles of a site that must not hold `forbidden`, whose role titles (allowed everywhere) are `allowed`. */
const allowing = (allowed: string[], ...forbidden: Fragment[]) => {
  const roles = allowed.map((title, index) => ({ id: `r${index}`, title }));
  const people = { file: 'content/people.yaml', keyLines: new Map(), data: { roles, staff: [] } };
  return needlesFor({ model: { ...emptyModel(), people } } as unknown as CheckResult, 'public', { forbidden });
};

const listOf: Partial<Record<DocumentKind, keyof ProgramModel>> = {
  policy: 'policies',
  risk: 'risks',
  control: 'controls',
  evidence: 'evidence',
  vendor: 'vendors',
  soa: 'soas' as keyof ProgramModel,
  'trust-page': 'trustPages',
};

function documentOf(
  kind: DocumentKind,
  file: string,
  data: Record<string, unknown>,
  body = '',
  bodyLine = 1,
): Document<unknown> {
  return { kind, id: file.replace(/^.*\/|\.\w+$/g, ''), file, data, body, bodyLine, keyLines: new Map() } as never;
}

/** A check result holding only these documents (and, when given, a program and staff). */
function resultOf(documents: Document<unknown>[], more: Partial<ProgramModel> = {}): CheckResult {
  const model = { ...emptyModel(), ...more };
  for (const document of documents) {
    if (document.kind === 'assertion') model.assertion = document as never;
    else if (document.kind === 'soa') model.soa = document as never;
    else (model[listOf[document.kind]!] as Document<unknown>[]).push(document);
  }
  return { model } as CheckResult;
}

const scan = (result: CheckResult, site: Site, page: string, extra?: ScanExtras, reading?: Reading) =>
  findLeak(page, needlesFor(result, site, extra), reading);

/** A policy's approval: a policy nobody has approved is a draft. */
const approved = { approved_by: 'ceo', approved: '2026-01-01' };

describe('cutting a text into words', () => {
  const printable = Array.from({ length: 95 }, (_, index) => String.fromCharCode(32 + index));

  it('hashes each word as `words` cuts it, around and inside words, for every printable ASCII character', () => {
    for (const written of [printable.join(''), printable.map((character) => `q${character}q`).join(' ')]) {
      expect([...hashWords(written)]).toEqual(words(written).map(fnv));
    }
    // Upper case is lower-cased (A to Z only), digits and letters are word characters, the rest are not.
    expect(words(printable.join(''))).toEqual([
      '0123456789',
      'abcdefghijklmnopqrstuvwxyz',
      'abcdefghijklmnopqrstuvwxyz',
    ]);
  });

  it('hashes each word as `words` cuts it in any script, astral letters and marks included', () => {
    const texts = [
      'Ärztliche Schweigepflicht — Datenschutz-Grundverordnung (DSGVO) §32',
      'Σύστημα ΑΣΦΑΛΕΙΑΣ · 情報セキュリティ方針 · ٣٤ 12345',
      'İstanbul office, cafés and naïve ÅNGSTRÖM',
      'x 𐐀𐐁y 𠀀 ab😀cd\u0080ef é',
      'ÉTÉ',
      '',
      '  ...  ',
    ];
    for (const written of texts) {
      const normalised = normalise(written);
      expect([...hashWords(normalised)], written).toEqual(words(written).map(fnv));
    }
    expect(words('x 𐐀𐐁y 𠀀 ab😀cd\u0080ef é ٣٤')).toEqual(['x', '𐐨𐐩y', '𠀀', 'ab', 'cd', 'ef', 'é', '٣٤']);
  });

  it('marks where each word starts and ends, so a hit is quoted from the page as written', () => {
    const boundsOf = (written: string) => {
      const bounds: number[] = [];
      hashWords(written, bounds);
      return bounds;
    };
    expect(boundsOf('Ab, cd')).toEqual([0, 2, 4, 6]);
    expect(boundsOf('Äda QUILL.')).toEqual([0, 3, 4, 9]);
    expect(boundsOf('x 𐐀𐐁y z')).toEqual([0, 1, 2, 7, 8, 9]);
    // Lower-cased, İ is two characters (i and a mark, which ends the word): each piece is quoted whole.
    expect(boundsOf('ab İx')).toEqual([0, 2, 3, 5, 3, 5]);
    // A character that is no letter or digit ends such a word, at the start of the text too.
    expect(boundsOf('İx—ab')).toEqual([0, 2, 0, 2, 3, 5]);
    expect(boundsOf('İ—x')).toEqual([0, 1, 2, 3]);
    expect(boundsOf('')).toEqual([]);
  });

  it('holds every word of a page longer than any before it', () => {
    // More words than the buffer held at first, and more than twice as many.
    const page = 'a '.repeat(131_073);
    const hashes = hashWords(page);
    expect(hashes.length).toBe(131_073);
    expect(hashes[131_072]).toBe(fnv('a'));
    const longer = `${'b '.repeat(140_000)}end`;
    expect(hashWords(longer).length).toBe(140_001);
  });

  it('reads no word in a text of punctuation alone', () => {
    expect(words('')).toEqual([]);
    expect(words(' ... -- ')).toEqual([]);
  });
});

describe('normalising', () => {
  it('folds compatibility forms (NFKC) and drops characters nobody sees, in a text with no ASCII too', () => {
    expect(normalise('Ｑｕｉｌｌｆｅａｔｈｅｒ')).toBe('Quillfeather');
    expect(normalise('Quill\u200bfeather')).toBe('Quillfeather');
    expect(normalise('Quill\u00adfeather')).toBe('Quillfeather');
    expect(normalise('\u202eQuill\u200efeather\u2066')).toBe('Quillfeather');
    expect(normalise('ﬁle')).toBe('file');
    expect(normalise('plain ascii, as written')).toBe('plain ascii, as written');
  });

  it('finds a name written full-width, with zero-width spaces, soft hyphens or bidi marks', () => {
    const needles = forbidding(text('Ada Quillfeather', { name: true }));
    for (const written of [
      'Ａｄａ Ｑｕｉｌｌｆｅａｔｈｅｒ',
      'Ada Quill\u200bfeather',
      'Ada Quill\u00adfeather',
      'Ada\u200e Quillfeather',
    ])
      expect(findLeak(written, needles), written).toEqual({ text: 'ada quillfeather', source: 'test' });
  });
});

describe('reading a page', () => {
  it.for([
    'a',
    'abbr',
    'b',
    'bdi',
    'bdo',
    'big',
    'cite',
    'code',
    'data',
    'del',
    'dfn',
    'em',
    'font',
    'i',
    'ins',
    'kbd',
    'label',
    'mark',
    'nobr',
    'q',
    's',
    'samp',
    'small',
    'span',
    'strike',
    'strong',
    'sub',
    'sup',
    'time',
    'tt',
    'u',
    'var',
    'wbr',
  ])('runs the text of <%s> on from the text around it', (element) => {
    expect(words(readableText(`<p>Quill<${element}>feat</${element}>her</p>`))).toEqual(['quillfeather']);
  });

  it('keeps the text of a block element apart from the text around it', () => {
    for (const element of ['p', 'div', 'li', 'td', 'h2', 'br', 'button'])
      expect(words(readableText(`<span>Quill<${element}>feat</${element}>her</span>`)), element).toEqual([
        'quill',
        'feat',
        'her',
      ]);
  });

  it('reads the text, then each attribute value and comment apart, skipping empty ones', () => {
    expect(readableText('<p title="Title words" class="">Body <!--Comment words-->text</p>')).toBe(
      '\nBody text\n\n\nTitle words\nComment words',
    );
  });

  it('decodes named and numbered entities', () => {
    expect(readableText('<p>Caf&eacute; &Scaron;ef&#32;x&nbsp;y</p>')).toBe('\nCafé Šef x\u00a0y\n\n');
  });

  it('reads an XML text that opens with markup, and an entity that ends the page', () => {
    expect(readableText('Ada &lt;b&gt;Quill&lt;/b&gt;feather', true)).toBe(
      'Ada <b>Quill</b>feather\n\nAda Quillfeather\n',
    );
    expect(words(readableText('<p>Ada</p>Quill caf&eacute'))).toEqual(['ada', 'quill', 'café']);
  });

  it('reads a CDATA section of an HTML page as its text', () => {
    expect(readableText('<p>Quill<![CDATA[feat]]>her</p>')).toBe('\nQuillfeather\n\n');
  });

  it('keeps every element apart in XML, and reads a text that is markup again as HTML, plain text once', () => {
    expect(readableText('<feed><b>Quill</b><i>feather</i></feed>', true)).toBe('\n\nQuill\n\nfeather\n\n\n');
    const feed = '<feed><title>Ada &lt;b&gt;Quill&lt;/b&gt;feather</title><id>Bo Li</id></feed>';
    expect(
      readableText(feed, true)
        .split('\n')
        .filter((line) => line !== ''),
    ).toEqual(['Ada <b>Quill</b>feather', 'Bo Li', 'Ada Quillfeather']);
    // Markup at the end of an XML text, after its last element, is read again too.
    expect(readableText('<a/>Ada &lt;b&gt;Quill&lt;/b&gt;feather', true)).toBe(
      '\n\nAda <b>Quill</b>feather\n\nAda Quillfeather\n',
    );
    const cdata = '<feed><summary><![CDATA[<p>Bo <i>L</i>i</p>]]></summary></feed>';
    expect(words(readableText(cdata, true))).toEqual(['p', 'bo', 'i', 'l', 'i', 'i', 'p', 'bo', 'li']);
  });
});

describe('reading a body as it renders', () => {
  const read = (body: string, file = 'content/trust/x.mdx') => renderedText({ body, bodyLine: 1, file });

  it.for([
    ['emphasis', 'Quill*feat*her <span />'],
    ['strong', 'Quill**feat**her <span />'],
    ['delete', 'Quill~~feat~~her <span />'],
    ['link', 'Quill [feat](#)her <span />'],
    ['reference link', 'Quill[feat][r]her <span />\n\n[r]: #'],
    ['heading', '# Quill*feat*her <span />'],
    ['table cell', '| Quill*feat*her |\n| - |\n| x |\n\n<span />'],
    ['inline element', 'Quill<span>feat</span>her'],
  ])('runs the text of a %s on from the text around it', ([kind, body]) => {
    // A link's address stands between the text before it and its own text.
    expect(words(read(body!))).toContain(kind === 'link' ? 'feather' : 'quillfeather');
  });

  it('keeps blocks apart: elements, list items, table cells', () => {
    expect(words(read('<div>\nQuill\n</div>\n<div>\nfeather\n</div>'))).toEqual(['quill', 'feather']);
    expect(words(read('- Quill\n- feather\n\n<span />'))).toEqual(['quill', 'feather']);
    expect(words(read('| Quill | feather |\n| - | - |\n\n<span />'))).toEqual(['quill', 'feather']);
  });

  it('reads a link’s address and an image’s alt text and title, each apart', () => {
    expect(words(read('[Docs](https://docs.test/x "Link title") ![Alt words](a.png "Image title") <span />'))).toEqual([
      'https',
      'docs',
      'test',
      'x',
      'link',
      'title',
      'docs',
      'a',
      'png',
      'alt',
      'words',
      'image',
      'title',
    ]);
  });

  it('leaves out imports, exports, expressions and expression attributes, and keeps string attributes and code', () => {
    const body = [
      "import Mark from './zorbex-cache.svg';",
      'export const owner = "Bo Li";',
      '',
      'Shown <Figure caption="Caption words" size={2} /> {owner}',
      '',
      '```js',
      'const a = 1;',
      '```',
    ].join('\n');
    expect(words(read(body))).toEqual(['shown', 'caption', 'words', 'const', 'a', '1']);
  });

  it('reads a body without markup, imports or exports as it is written, and one that does not parse as nothing', () => {
    const plain = [
      'Plain words only.',
      'We import &amp; export data, daily.',
      'Reexport &amp; reimport.',
      'exported &amp; imported goods',
    ];
    for (const body of plain) expect(read(body), body).toBe(body);
    expect(read('export const a = 1;\n\nPlain')).toBe('\nPlain\n');
    expect(read("import X from './y.js';\n\nPlain")).toBe('\nPlain\n');
    expect(read('Total {count} items')).toBe('Total  items\n');
    expect(read('Text <div\n')).toBe('');
  });

  it('reads inline code, and the HTML of a Markdown body as it is written', () => {
    expect(read('Para `code words` here <span />')).toBe('Para code words here \n');
    expect(read('Shown <b>bold</b> words', 'policies/x.md')).toBe('Shown <b>bold</b> words\n');
    expect(read('<div class="note">\nQuill feather\n</div>', 'policies/x.md')).toBe(
      '<div class="note">\nQuill feather\n</div>\n',
    );
  });

  it('reads the same document the same way twice', () => {
    const document = { body: 'Shown <b>words</b>', bodyLine: 1, file: 'content/trust/y.mdx' };
    expect(renderedText(document)).toBe('Shown words\n');
    expect(renderedText(document)).toBe('Shown words\n');
  });
});

describe('how long a forbidden text must be', () => {
  const long = 'one two three four five six seven eight nine ten';

  it('cuts a long text into runs of eight words: the first and the last eight are found, seven are not', () => {
    const needles = forbidding(text(long));
    expect(findLeak('x one two three four five six seven eight y', needles)).toMatchObject({
      text: 'one two three four five six seven eight',
    });
    expect(findLeak('x three four five six seven eight nine ten y', needles)).toMatchObject({
      text: 'three four five six seven eight nine ten',
    });
    expect(findLeak('x one two three four five six seven y', needles)).toBeUndefined();
    expect(findLeak('x four five six seven eight nine ten', needles)).toBeUndefined();
  });

  it('looks for a text of eight words whole, and of seven words whole, on a page of just those words', () => {
    const eight = 'one two three four five six seven eight';
    expect(findLeak(eight, forbidding(text(eight)))).toMatchObject({ text: eight });
    const seven = 'one two three four five six seven';
    expect(findLeak(seven, forbidding(text(seven)))).toMatchObject({ text: seven });
    expect(findLeak('two three four five six seven', forbidding(text(seven)))).toBeUndefined();
  });

  it('looks for three words whatever their length, two words from ten characters, one word only as a name', () => {
    expect(findLeak('a b c', forbidding(text('a b c')))).toMatchObject({ text: 'a b c' });
    expect(isEmpty(forbidding(text('abcd efgh')))).toBe(true);
    expect(findLeak('see abcd efghi', forbidding(text('abcd efghi')))).toMatchObject({ text: 'abcd efghi' });
    expect(isEmpty(forbidding(text('Quillfeathers')))).toBe(true);
    expect(findLeak('see Quillfeather', forbidding(text('Quillfeather', { name: true })))).toMatchObject({
      text: 'quillfeather',
    });
    expect(findLeak('Bo Li', forbidding(text('Bo Li', { name: true })))).toMatchObject({ text: 'bo li' });
  });

  it('looks for a one-word name of six letters in a binary file, and of five letters in text only', () => {
    const needles = forbidding(text('Zorbex', { name: true }), text('Kipzo', { name: true }));
    expect(findLeak('\u0001Zorbex\u0002', needles, 'binary')).toMatchObject({ text: 'zorbex' });
    expect(findLeak('\u0001Kipzo\u0002', needles, 'binary')).toBeUndefined();
    expect(findLeak('Kipzo', needles, 'script')).toMatchObject({ text: 'kipzo' });
    expect(findLeak('Kipzo', needles)).toMatchObject({ text: 'kipzo' });
    expect(isEmpty(forbidding(text('Kipzo', { name: true })))).toBe(false);
    expect(findLeak('\u0001Kipzo Zorbex\u0002', forbidding(text('Kipzo', { name: true })), 'binary')).toBeUndefined();
  });

  it('does not look for a one-word name that is an ordinary word, nor for one the program adds, each word of it', () => {
    expect(isEmpty(forbidding(text('Security', { name: true })))).toBe(true);
    const result = { model: emptyModel() } as CheckResult;
    const fragments = [text('Zorbex', { name: true }), text('Quillon', { name: true })];
    expect(isEmpty(needlesFor(result, 'public', { forbidden: fragments, allow: ['Zorbex Quillon'] }))).toBe(true);
    expect(findLeak('Zorbex', needlesFor(result, 'public', { forbidden: fragments, allow: [] }))).toBeDefined();
  });
});

describe('finding and quoting', () => {
  it('quotes the words as the page writes them, lower-cased, and names the source', () => {
    expect(findLeak('Owner: ÀDA  QUILLFEATHER!', forbidding(text('Àda Quillfeather', { name: true })))).toEqual({
      text: 'àda quillfeather',
      source: 'test',
    });
    const needles = forbidding(
      text('Ada Quillfeather', { name: true, source: 'a' }),
      text('Bo Li', { source: 'b', name: true }),
    );
    expect(findLeak('x y Bo LI z', needles)).toEqual({ text: 'bo li', source: 'b' });
    expect(findLeak('x ada quillfeather y', needles)).toEqual({ text: 'ada quillfeather', source: 'a' });
    expect(findLeak('x ada quill feather, bo and li', needles)).toBeUndefined();
    expect(findLeak('anything', forbidding())).toBeUndefined();
  });

  it('finds a name after a run of letters that each lower-case into a word of their own', () => {
    // `İ` lower-cases to `i` and a mark, which ends the word: one word a character, twice what plain text makes.
    const needles = forbidding(text('Ada Quillfeather', { name: true }));
    expect(findLeak(`${'İ'.repeat(140_000)} Ada Quillfeather`, needles)).toEqual({
      text: 'ada quillfeather',
      source: 'test',
    });
    expect(hashWords('İ'.repeat(140_000))).toHaveLength(140_000);
  });

  it('never lets an allowed text lift a forbidden one whose words only hash alike', () => {
    // `belpelholkin` and `garzandantor` share a 32-bit word hash: a text could be written to do that on purpose.
    expect(fnv('belpelholkin')).toBe(fnv('garzandantor'));
    const needles = allowing(['Ada Garzandantor'], text('Ada Belpelholkin', { name: true, source: 'staff' }));
    expect(findLeak('Owner: Ada Belpelholkin', needles)).toEqual({ text: 'ada belpelholkin', source: 'staff' });
    // Pages are read by hash alone: a page with a made-up twin of a forbidden name stops the build, never passes.
    expect(findLeak('Owner: Ada Garzandantor', needles)).toEqual({ text: 'ada garzandantor', source: 'staff' });
    // Two forbidden texts that hash alike are both kept: allowing one leaves the other forbidden.
    const both = allowing(
      ['Ada Garzandantor'],
      text('Ada Garzandantor', { name: true, source: 'one' }),
      text('Ada Belpelholkin', { name: true, source: 'two' }),
    );
    expect(findLeak('Owner: Ada Belpelholkin', both)).toMatchObject({ text: 'ada belpelholkin' });
  });

  it('never quotes a secret', () => {
    const needles = forbidding(text('grant secret value here', { hidden: true, source: 'the grant secret' }));
    expect(findLeak('the grant secret value here', needles)).toEqual({
      text: '(a secret, not quoted)',
      source: 'the grant secret',
    });
  });

  it('skips a prose-only text in a script or a binary file and goes on to find another after it', () => {
    const needles = forbidding(
      text('security example com', { proseOnly: true, source: 'default' }),
      text('security example com internal', { source: 'private' }),
    );
    expect(findLeak('security example com', needles, 'script')).toBeUndefined();
    expect(findLeak('security example com', needles, 'binary')).toBeUndefined();
    expect(findLeak('security example com', needles)).toMatchObject({ source: 'default' });
    expect(findLeak('x security example com then security example com internal', needles, 'script')).toEqual({
      text: 'security example com internal',
      source: 'private',
    });
  });

  it('does not take the word after a forbidden text for part of it', () => {
    const needles = forbidding(text('Ada Quillfeather', { name: true }), text('then more words after'));
    expect(findLeak('Ada Quillfeather said', needles)).toMatchObject({ text: 'ada quillfeather' });
    expect(findLeak('x then more words after y', needles)).toMatchObject({ text: 'then more words after' });
  });

  it('tells apart many forbidden texts, each found whole and named by its source', () => {
    const fragments = Array.from({ length: 1100 }, (_, index) =>
      text(`vault note ${index}`, { source: `note ${index}` }),
    );
    const needles = forbidding(...fragments);
    for (const index of [0, 1, 2, 3, 500, 777, 1098, 1099])
      expect(findLeak(`see vault note ${index} now`, needles), String(index)).toEqual({
        text: `vault note ${index}`,
        source: `note ${index}`,
      });
    expect(findLeak('vault note 1100', needles)).toBeUndefined();
  });

  it('finds any run of a text of many words, and names each text by its source', () => {
    const many = Array.from({ length: 1200 }, (_, index) => `w${index}`);
    const needles = forbidding(
      text('first private text of eight words here'),
      text(many.join(' '), { source: 'long' }),
    );
    for (const start of [0, 1, 600, 1192])
      expect(findLeak(many.slice(start, start + 8).join(' '), needles), String(start)).toEqual({
        text: many.slice(start, start + 8).join(' '),
        source: 'long',
      });
    expect(findLeak('first private text of eight words here', needles)).toMatchObject({ source: 'test' });
  });

  it('finds each of two names whose runs of words hash alike', () => {
    // These two names were searched for: their two-word runs have the same 32-bit rolling hash, and no word of
    // one hashes like a word of the other.
    const one = 'Murholval Zanquosen';
    const other = 'Brezanmurfel Lofelmurpa';
    const needles = forbidding(text(one, { name: true, source: 'one' }), text(other, { name: true, source: 'other' }));
    expect(findLeak(`Owner: ${one}`, needles)).toEqual({ text: 'murholval zanquosen', source: 'one' });
    expect(findLeak(`Owner: ${other}`, needles)).toEqual({ text: 'brezanmurfel lofelmurpa', source: 'other' });
    expect(findLeak(`Owner: ${other}x`, needles)).toBeUndefined();
    expect(findLeak(`Owner: ${one}`, forbidding(text(other, { name: true })))).toBeUndefined();
    const allowed = allowing([one], text(one, { name: true }), text(other, { name: true }));
    expect(findLeak(one, allowed)).toBeUndefined();
    expect(findLeak(other, allowed)).toMatchObject({ text: 'brezanmurfel lofelmurpa' });
    const otherAllowed = allowing([other], text(one, { name: true }), text(other, { name: true }));
    expect(findLeak(one, otherAllowed)).toMatchObject({ text: 'murholval zanquosen' });
  });

  it('compares every word of a run whose hash is a forbidden one’s, not only its last', () => {
    // The two names above hash alike, and so do any two runs that go on from them with the same words.
    const needles = forbidding(text('Murholval Zanquosen keeps', { source: 'one' }));
    expect(findLeak('Brezanmurfel Lofelmurpa keeps', needles)).toBeUndefined();
    expect(findLeak('Murholval Zanquosen keeps', needles)).toMatchObject({ source: 'one' });
    const both = forbidding(
      text('Murholval Zanquosen keeps'),
      text('Brezanmurfel Lofelmurpa keeps', { source: 'two' }),
    );
    expect(findLeak('Brezanmurfel Lofelmurpa keeps', both)).toMatchObject({ source: 'two' });
  });

  it('finds and allows each of two texts whose runs fall on the same place of the table', () => {
    // These two were searched for: their runs' hashes differ, and both land on slot 536 of a 1,024-slot table.
    const first = text('slot probe 36', { source: 'first' });
    const second = text('slot probe 100', { source: 'second' });
    const needles = forbidding(first, second);
    expect(findLeak('slot probe 36', needles)).toMatchObject({ source: 'first' });
    expect(findLeak('slot probe 100', needles)).toMatchObject({ source: 'second' });
    const secondAllowed = allowing(['slot probe 100'], first, second);
    expect(findLeak('slot probe 36', secondAllowed)).toMatchObject({ source: 'first' });
    expect(findLeak('slot probe 100', secondAllowed)).toBeUndefined();
    const firstAllowed = allowing(['slot probe 36'], first, second);
    expect(findLeak('slot probe 36', firstAllowed)).toBeUndefined();
    expect(findLeak('slot probe 100', firstAllowed)).toMatchObject({ source: 'second' });
  });

  it('forbids a text given twice once, and allows it again once', () => {
    expect(
      findLeak('one two three four', forbidding(text('one two three four'), text('one two three four'))),
    ).toBeDefined();
    const needles = allowing(['one two three four'], text('one two three four'), text('one two three four'));
    expect(isEmpty(needles)).toBe(true);
    expect(findLeak('one two three four', needles)).toBeUndefined();
  });

  it('subtracts allowed text from every forbidden text, the first one and short names included', () => {
    const needles = allowing(
      ['Alpha beta gamma', 'Kipzo'],
      text('alpha beta gamma'),
      text('Kipzo', { name: true }),
      text('delta epsilon zeta'),
    );
    expect(findLeak('alpha beta gamma', needles)).toBeUndefined();
    expect(findLeak('Kipzo', needles)).toBeUndefined();
    expect(findLeak('delta epsilon zeta', needles)).toMatchObject({ text: 'delta epsilon zeta' });
    expect(isEmpty(needles)).toBe(false);
    expect(
      isEmpty(allowing(['Alpha beta gamma', 'Kipzo'], text('alpha beta gamma'), text('Kipzo', { name: true }))),
    ).toBe(true);
  });
});

describe('what a site may be shown', () => {
  it('forbids a document’s body as written, and allows one only as it renders: an import path allows nothing', () => {
    const importing = "import Logo from './zorbex-cache-logo.svg';\n\nWe keep customer data safe.\n";
    const shown = documentOf('trust-page', 'content/trust/overview.mdx', { title: 'Security overview' }, importing);
    const vendor = documentOf('vendor', 'content/vendors/zorbex.yaml', { public: false, name: 'Zorbex Cache Logo' });
    const result = resultOf([shown, vendor]);
    expect(scan(result, 'public', 'Built on Zorbex Cache Logo')).toMatchObject({
      source: 'content/vendors/zorbex.yaml name',
    });
    expect(scan(result, 'public', 'We keep customer data safe.')).toBeUndefined();
    const hidden = documentOf('policy', 'policies/q.mdx', { audience: ['auditors'] }, importing);
    expect(scan(resultOf([hidden]), 'public', "import Logo from './zorbex-cache-logo.svg'; We keep")).toMatchObject({
      source: 'policies/q.mdx',
    });
  });

  it('forbids each placeholder on the trust center by its line, a template default in prose only', () => {
    const body = 'Intro line.\n\n<Todo>Name the backup vendor here.</Todo>\n\nWrite to help@example.com for access.\n';
    const policy = documentOf('policy', 'policies/p.mdx', { audience: ['employees'], ...approved }, body, 5);
    const program = {
      file: 'content/program.yaml',
      keyLines: new Map([['contact', 4]]),
      data: {
        organization: 'Test Co',
        system: 'Test Platform',
        website: 'https://test.example',
        contact: 'security@example.com',
        audit: {},
      },
    };
    const result = resultOf([policy], { program } as never);
    expect(scan(result, 'public', 'Name the backup vendor here')).toEqual({
      text: 'name the backup vendor here',
      source: 'policies/p.mdx:7 (placeholder)',
    });
    expect(scan(result, 'public', 'Name the backup vendor here', {}, 'script')).toMatchObject({
      source: 'policies/p.mdx:7 (placeholder)',
    });
    expect(scan(result, 'public', 'help@example.com')).toEqual({
      text: 'help example com',
      source: 'policies/p.mdx:9 (placeholder)',
    });
    expect(scan(result, 'public', 'help@example.com', {}, 'script')).toBeUndefined();
    expect(scan(result, 'public', 'security@example.com')).toEqual({
      text: 'security example com',
      source: 'content/program.yaml:4 (placeholder)',
    });
    expect(scan(result, 'public', 'security@example.com', {}, 'binary')).toBeUndefined();
  });

  it('leaves placeholders to the private sites, which show them as to-dos', () => {
    const policy = documentOf('policy', 'policies/p.mdx', {
      audience: ['employees', 'auditors'],
      ...approved,
      owner: 'TODO pick an owner',
    });
    const result = resultOf([policy]);
    expect(scan(result, 'public', 'TODO pick an owner')).toMatchObject({ source: 'policies/p.mdx:1 (placeholder)' });
    expect(scan(result, 'employees', 'TODO pick an owner')).toBeUndefined();
    expect(scan(result, 'auditors', 'TODO pick an owner')).toBeUndefined();
  });

  it('keeps a draft policy from the employee portal whole, and shows it to the auditors', () => {
    const draft = documentOf(
      'policy',
      'policies/p.mdx',
      { audience: ['employees', 'auditors'], title: 'Draft rules title words' },
      'Draft body words in here',
    );
    const result = resultOf([draft]);
    expect(scan(result, 'employees', 'Draft body words in here')).toMatchObject({ source: 'policies/p.mdx' });
    expect(scan(result, 'employees', 'Draft rules title words')).toMatchObject({ source: 'policies/p.mdx title' });
    expect(scan(result, 'auditors', 'Draft body words in here')).toBeUndefined();
    const inForce = resultOf([
      documentOf('policy', 'policies/p.mdx', { audience: ['employees'], ...approved }, 'Draft body words in here'),
    ]);
    expect(scan(inForce, 'employees', 'Draft body words in here')).toBeUndefined();
  });

  it('subtracts template text from a held-back document only, from its first word on', () => {
    const template = 'Staff may use only the laptops the company issues and keeps patched, and nothing else at all.';
    const written =
      'Staff may use only the laptops the company issues and keeps patched. Our launch of Project Falcon waits for the audit.';
    const draft = documentOf(
      'policy',
      'policies/p.mdx',
      { audience: ['public'], title: 'Device rules title' },
      written,
    );
    const notes = documentOf(
      'policy',
      'policies/notes.mdx',
      { audience: ['auditors'] },
      'The security lead runs the baseline program every quarter.',
    );
    const result = resultOf([draft, notes]);
    const templates = [template, 'The security lead runs the baseline program every quarter.'];
    expect(scan(result, 'public', 'Staff may use only the laptops the company issues', { templates })).toBeUndefined();
    expect(scan(result, 'public', 'Staff may use only the laptops the company issues', {})).toMatchObject({
      source: 'policies/p.mdx',
    });
    expect(scan(result, 'public', 'Our launch of Project Falcon waits for the audit.', { templates })).toMatchObject({
      source: 'policies/p.mdx',
    });
    expect(
      scan(result, 'public', 'The security lead runs the baseline program every quarter.', { templates }),
    ).toMatchObject({
      source: 'policies/notes.mdx',
    });
  });

  it('leaves a private document’s copy of template text forbidden when a held-back one holds it too', () => {
    const sentence = 'Staff may use only the laptops the company issues and keeps patched.';
    const notes = documentOf('policy', 'policies/notes.mdx', { audience: ['auditors'] }, sentence);
    const draft = documentOf(
      'policy',
      'policies/p.mdx',
      { audience: ['public'], title: 'Device rules title' },
      sentence,
    );
    const result = resultOf([draft, notes]);
    expect(scan(result, 'public', sentence, { templates: [sentence] })).toMatchObject({ source: 'policies/notes.mdx' });
  });

  it('keeps a Statement of Applicability for the auditors, and an assertion for its audience', () => {
    const soa = documentOf('soa', 'content/soa.yaml', {
      title: 'Applicability statement title words',
      controls: { 'A.5.1': { applicable: true, reason: 'Our investors require this reason' } },
    });
    expect(scan(resultOf([soa]), 'employees', 'Our investors require this reason')).toMatchObject({
      source: 'content/soa.yaml controls',
    });
    expect(scan(resultOf([soa]), 'employees', 'Applicability statement title words')).toMatchObject({
      source: 'content/soa.yaml title',
    });
    expect(scan(resultOf([soa]), 'auditors', 'Applicability statement title words')).toBeUndefined();
    const assertion = documentOf(
      'assertion',
      'content/assertion.mdx',
      { audience: ['auditors'] },
      'Management asserts these words',
    );
    expect(scan(resultOf([assertion]), 'public', 'Management asserts these words')).toMatchObject({
      source: 'content/assertion.mdx',
    });
    expect(scan(resultOf([assertion]), 'auditors', 'Management asserts these words')).toBeUndefined();
  });

  it('forbids a held-back document and a partly shown one as written: their imports are forbidden too', () => {
    const importing = "import Chart from './zorbex-private-chart.svg';\n\nText.\n";
    const page = "import Chart from './zorbex-private-chart.svg'; Text";
    const draft = documentOf('policy', 'policies/p.mdx', { audience: ['public'] }, importing);
    expect(scan(resultOf([draft]), 'public', page)).toMatchObject({ source: 'policies/p.mdx' });
    const control = documentOf(
      'control',
      'content/controls/C-1.mdx',
      { audience: ['auditors'], status: 'implemented', title: 'Shown title', public_summary: 'Shown summary' },
      importing,
    );
    expect(scan(resultOf([control]), 'public', page)).toMatchObject({ source: 'content/controls/C-1.mdx' });
  });

  it('allows what a partly shown document shows, even where a private document says the same', () => {
    const vendor = documentOf('vendor', 'content/vendors/v.yaml', {
      public: true,
      name: 'Zorbex',
      purpose: 'Hosts the customer platform in two regions',
      data: [],
      locations: [],
    });
    const notes = documentOf(
      'policy',
      'policies/n.mdx',
      { audience: ['auditors'] },
      'Hosts the customer platform in two regions',
    );
    expect(scan(resultOf([notes]), 'public', 'Hosts the customer platform in two regions')).toBeDefined();
    expect(scan(resultOf([notes, vendor]), 'public', 'Hosts the customer platform in two regions')).toBeUndefined();
  });

  it('allows the program’s own names everywhere, and its website and contact once they are no defaults', () => {
    const program = (contact: string) => ({
      file: 'content/program.yaml',
      keyLines: new Map([
        ['website', 3],
        ['contact', 4],
      ]),
      data: {
        organization: 'Zorbex Holdings',
        system: 'Quillon Platform',
        website: 'https://zorbex.test',
        contact,
        audit: { auditor: 'Vantorix Audit' },
      },
    });
    const names = ['Zorbex Holdings', 'Quillon Platform', 'https://zorbex.test', 'Vantorix Audit', 'trust@zorbex.test'];
    const forbidden = [...names, 'security@example.com'].map((name) => text(name, { name: true }));
    const finished = resultOf([], { program: program('trust@zorbex.test') } as never);
    for (const site of ['public', 'employees', 'auditors'] as const)
      for (const name of names) expect(scan(finished, site, name, { forbidden }), `${site}: ${name}`).toBeUndefined();
    const unfinished = resultOf([], { program: program('security@example.com') } as never);
    expect(scan(unfinished, 'public', 'security@example.com', { forbidden })).toBeDefined();
    expect(scan(unfinished, 'employees', 'security@example.com', { forbidden })).toBeUndefined();
    expect(scan(unfinished, 'public', 'https://zorbex.test', { forbidden })).toBeUndefined();
  });

  it('forbids a program field still to write on the trust center, in a script too', () => {
    const program = {
      file: 'content/program.yaml',
      keyLines: new Map([['website', 3]]),
      data: {
        organization: 'Test Co',
        system: 'Test Platform',
        website: 'TODO add the website',
        contact: 'a@b.test',
        audit: {},
      },
    };
    expect(scan(resultOf([], { program } as never), 'public', 'TODO add the website', {}, 'script')).toEqual({
      text: 'todo add the website',
      source: 'content/program.yaml:3 (placeholder)',
    });
  });

  it('looks for a staff member’s one-word name', () => {
    const people = {
      file: 'content/people.yaml',
      keyLines: new Map(),
      data: { roles: [], staff: [{ id: 'cy', name: 'Cyrenne', role: 'lead' }] },
    };
    expect(scan(resultOf([], { people } as never), 'public', 'Ask Cyrenne')).toEqual({
      text: 'cyrenne',
      source: 'content/people.yaml cy',
    });
  });

  it('reads a field left empty as no text', () => {
    const evidence = documentOf('evidence', 'evidence-index/EV-1.mdx', {
      audience: ['auditors'],
      title: 'Quarterly access review title',
      artifacts: [{ location: null, note: 'Planted artifact note words' }],
    });
    const result = resultOf([evidence]);
    expect(scan(result, 'public', 'Planted artifact note words')).toMatchObject({
      source: 'evidence-index/EV-1.mdx artifacts',
    });
  });

  it('shows a document without an audience to no site that needs one', () => {
    const risk = documentOf('risk', 'content/risks/r.yaml', { title: 'Risk title words here' });
    for (const site of ['public', 'employees', 'auditors'] as const)
      expect(scan(resultOf([risk]), site, 'Risk title words here'), site).toMatchObject({
        source: 'content/risks/r.yaml title',
      });
  });
});

describe('the trust history', () => {
  const shown = documentOf('policy', 'policies/open.mdx', { audience: ['public'], ...approved });
  const hidden = documentOf('policy', 'policies/closed.mdx', { audience: ['employees'], ...approved });
  const draft = documentOf('policy', 'policies/draft.mdx', { audience: ['public'] });
  const subject = { published: true, name: false, current: undefined, shownAtEnd: true };

  it('forbids what the trust center never showed, and every title of a document not shown today', () => {
    const soa = documentOf('soa', 'content/soa.yaml', { title: 'Applicability Statement', controls: {} });
    const result = resultOf([shown, hidden, draft, soa]);
    const fragments = historicalFragments(result, [
      { ...subject, subject: 'Open Policy', current: 'policies/open.mdx' },
      { ...subject, subject: 'Closed Policy', current: 'policies/closed.mdx' },
      { ...subject, subject: 'Draft Policy', current: 'policies/draft.mdx', name: true },
      { ...subject, subject: 'Renamed Away', current: 'policies/gone.mdx' },
      { ...subject, subject: 'Never Shown', published: false, current: 'policies/open.mdx' },
      { ...subject, subject: 'Deleted While Shown' },
      { ...subject, subject: 'Deleted While Hidden', shownAtEnd: false, name: true },
      { ...subject, subject: 'Applicability Statement', current: 'content/soa.yaml' },
    ]);
    expect(fragments).toEqual([
      { text: 'Closed Policy', source: 'the trust history (policies/closed.mdx)' },
      { text: 'Draft Policy', source: 'the trust history (policies/draft.mdx)', name: true, withheld: true },
      { text: 'Never Shown', source: 'the trust history (policies/open.mdx)' },
      { text: 'Deleted While Hidden', source: 'the trust history (a deleted document)', name: true },
      { text: 'Applicability Statement', source: 'the trust history (content/soa.yaml)' },
    ]);
  });
});
