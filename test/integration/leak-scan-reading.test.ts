/**
 * How the leak scan reads both sides: which HTML elements and Markdown nodes run on inside a line of text, how
 * long a forbidden text must be to be looked for, and how a hit is quoted. Held on texts and needles made in
 * the test, without a check run.
 */
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/engine/index.ts';
import { emptyModel } from '../../src/engine/model.ts';
import {
  findLeak,
  isEmpty,
  needlesFor,
  readableText,
  renderedText,
  words,
  type Fragment,
} from '../../src/integration/leak-scan.ts';

/** The needles of a site that must not hold these texts, and nothing else. */
const forbidding = (...fragments: Fragment[]) =>
  needlesFor({ model: emptyModel() } as CheckResult, 'public', { forbidden: fragments });
const text = (value: string, more: Partial<Fragment> = {}): Fragment => ({ text: value, source: 'test', ...more });

/** Elements a browser renders inside a line: written out here, apart from the scan's own list. */
const inline = [
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
];

describe('reading a page', () => {
  it.for(inline)('runs the text of <%s> on from the text around it', (element) => {
    expect(words(readableText(`<p>Quill<${element}>feat</${element}>her</p>`))).toEqual(['quillfeather']);
  });

  it.for(['p', 'div', 'li', 'td', 'h2', 'section', 'br', 'blockquote', 'pre', 'button'])(
    'keeps the text of <%s> apart from the text around it',
    (element) => {
      expect(words(readableText(`<span>Quill<${element}>feat</${element}>her</span>`))).toEqual([
        'quill',
        'feat',
        'her',
      ]);
    },
  );

  it('keeps every element apart in XML, where no element is inline', () => {
    expect(words(readableText('<feed><b>Quill</b><i>feather</i></feed>', true))).toEqual(['quill', 'feather']);
    expect(words(readableText('<p>Quill<b>feather</b></p>', false))).toEqual(['quillfeather']);
  });

  it('reads a text that is markup inside XML again, as HTML, and plain text once', () => {
    const read = readableText('<feed><title>Ada &lt;b&gt;Quill&lt;/b&gt;feather</title><id>Bo Li</id></feed>', true);
    expect(read.split('\n').filter((line) => line.trim() !== '')).toEqual([
      'Ada <b>Quill</b>feather',
      'Bo Li',
      'Ada Quillfeather',
    ]);
  });

  it('reads attribute values and comments apart from the text, and skips empty ones', () => {
    const read = readableText('<p title="Title words" class="">Body <!--Comment words-->text</p>');
    expect(read).toBe('\nBody text\n\n\nTitle words\nComment words');
  });
});

describe('reading a body as it renders', () => {
  const rendered = (body: string) => words(renderedText({ body, bodyLine: 1, file: 'content/trust/x.mdx' }));

  it.for([
    ['emphasis', 'Quill*feat*her and <span />'],
    ['strong', 'Quill**feat**her and <span />'],
    ['heading', '# Quill*feat*her <span />'],
  ])('runs the text of a %s on from the text around it', ([, body]) => {
    expect(rendered(body!)).toContain('quillfeather');
  });

  it('runs the text of a link on from the text after it', () => {
    expect(rendered('Quill [feat](x)her and <span />')).toEqual(['quill', 'x', 'feather', 'and']);
  });

  it('keeps blocks apart', () => {
    expect(rendered('<div>\nQuill\n</div>\n<div>\nfeather\n</div>')).toEqual(['quill', 'feather']);
    expect(rendered('- Quill\n- feather\n\n<span />')).toEqual(['quill', 'feather']);
  });

  it('reads a link’s address and an image’s alt text and title, each apart', () => {
    expect(rendered('[Docs](https://docs.test/x "Link title") ![Alt words](a.png "Image title") <span />')).toEqual([
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

  it('leaves out imports, exports and expressions, and keeps string attributes', () => {
    const body = 'import X from \'./secret-path.js\';\n\nShown <Figure caption="Caption words" size={2} /> {hidden}\n';
    expect(rendered(body)).toEqual(['shown', 'caption', 'words']);
  });

  it('reads a body without markup as it is written', () => {
    const document = { body: 'Plain words only.', bodyLine: 1, file: 'content/trust/x.mdx' };
    expect(renderedText(document)).toBe('Plain words only.');
    expect(
      renderedText({ body: 'export const a = 1;\n\nPlain', bodyLine: 1, file: 'content/trust/x.mdx' }),
    ).not.toContain('export');
  });
});

describe('how long a forbidden text must be', () => {
  it('cuts a long text into runs of eight words: any eight in a row are found, seven are not', () => {
    const needles = forbidding(text('one two three four five six seven eight nine ten'));
    expect(findLeak('x three four five six seven eight nine ten y', needles)).toMatchObject({
      text: 'three four five six seven eight nine ten',
    });
    expect(findLeak('x one two three four five six seven y', needles)).toBeUndefined();
  });

  it('looks for a text of eight words whole, and of seven words whole', () => {
    expect(
      findLeak('one two three four five six seven eight', forbidding(text('one two three four five six seven eight'))),
    ).toBeDefined();
    expect(
      findLeak('one two three four five six seven', forbidding(text('one two three four five six seven'))),
    ).toBeDefined();
    expect(
      findLeak('two three four five six seven', forbidding(text('one two three four five six seven'))),
    ).toBeUndefined();
  });

  it('looks for three words whatever their length, two words from ten characters, one word only as a name', () => {
    expect(findLeak('so a b c ok', forbidding(text('a b c')))).toMatchObject({ text: 'a b c' });
    expect(findLeak('see abcd efgh', forbidding(text('abcd efgh')))).toBeUndefined();
    expect(findLeak('see abcd efghi', forbidding(text('abcd efghi')))).toMatchObject({ text: 'abcd efghi' });
    expect(findLeak('see Quillfeather', forbidding(text('Quillfeather')))).toBeUndefined();
    expect(findLeak('see Quillfeather', forbidding(text('Quillfeather', { name: true })))).toMatchObject({
      text: 'quillfeather',
    });
    expect(isEmpty(forbidding(text('Quillfeather')))).toBe(true);
    expect(isEmpty(forbidding(text('Quillfeather', { name: true })))).toBe(false);
    expect(isEmpty(forbidding(text('Zorbx', { name: true })))).toBe(false);
  });

  it('looks for a one-word name of six letters in a binary file, and of five letters in text only', () => {
    const needles = forbidding(text('Zorbex', { name: true }), text('Kipzo', { name: true }));
    expect(findLeak('\u0001Zorbex\u0002', needles, 'binary')).toMatchObject({ text: 'zorbex' });
    expect(findLeak('\u0001Kipzo\u0002', needles, 'binary')).toBeUndefined();
    expect(findLeak('Kipzo', needles, 'script')).toMatchObject({ text: 'kipzo' });
    expect(findLeak('Kipzo', needles)).toMatchObject({ text: 'kipzo' });
  });

  it('does not look for a one-word name that is a common word', () => {
    expect(isEmpty(forbidding(text('Security', { name: true })))).toBe(true);
  });
});

describe('finding and quoting', () => {
  it('skips a prose-only text in a script and goes on to find another forbidden text after it', () => {
    const needles = forbidding(
      text('security example com', { proseOnly: true, source: 'default' }),
      text('security example com internal', { source: 'private' }),
    );
    expect(findLeak('security example com', needles, 'script')).toBeUndefined();
    expect(findLeak('security example com', needles)).toMatchObject({ source: 'default' });
    expect(findLeak('x security example com then security example com internal', needles, 'script')).toMatchObject({
      source: 'private',
    });
    expect(findLeak('security example com', needles, 'binary')).toBeUndefined();
  });

  it('quotes the words as the page writes them, lower-cased, and names each source', () => {
    const needles = forbidding(
      text('Ada Quillfeather', { name: true, source: 'a' }),
      text('Bo Li', { name: true, source: 'b' }),
    );
    expect(findLeak('Owner: ÀDA  QUILLFEATHER!', forbidding(text('Àda Quillfeather', { name: true })))).toMatchObject({
      text: 'àda quillfeather',
    });
    expect(findLeak('x Bo LI y', needles)).toEqual({ text: 'bo li', source: 'b' });
    expect(findLeak('x ada quillfeather y', needles)).toEqual({ text: 'ada quillfeather', source: 'a' });
    expect(findLeak('nothing here at all', needles)).toBeUndefined();
    expect(findLeak('anything', forbidding())).toBeUndefined();
  });

  it('tells apart many forbidden texts, each found and named by its source', () => {
    const fragments = Array.from({ length: 1500 }, (_, index) =>
      text(`private note number ${index} about vault`, { source: `note ${index}` }),
    );
    const needles = forbidding(...fragments);
    for (const index of [0, 1, 777, 1499])
      expect(findLeak(`see private note number ${index} about vault`, needles), String(index)).toEqual({
        text: `private note number ${index} about vault`,
        source: `note ${index}`,
      });
    expect(findLeak('private note number 1500 about vault', needles)).toBeUndefined();
  });

  it('forbids a text given twice once, and allows it again once', () => {
    const needles = forbidding(text('one two three four'), text('one two three four'));
    expect(findLeak('one two three four', needles)).toBeDefined();
  });

  it('reads a page of any length to its end', () => {
    const needles = forbidding(text('Ada Quillfeather', { name: true }));
    const filler = 'lorem ipsum dolor sit amet '.repeat(12_000);
    expect(findLeak(`${filler}Ada Quillfeather`, needles)).toMatchObject({ text: 'ada quillfeather' });
    expect(findLeak(`${filler}${filler}Ada Quillfeather`, needles)).toMatchObject({ text: 'ada quillfeather' });
  });

  it('takes more ordinary words from the program, each word of them', () => {
    const result = { model: emptyModel() } as CheckResult;
    const fragments = [text('Zorbex', { name: true }), text('Quillon', { name: true })];
    const needles = needlesFor(result, 'public', { forbidden: fragments, allow: ['Zorbex Quillon'] });
    expect(isEmpty(needles)).toBe(true);
    expect(findLeak('Zorbex', needlesFor(result, 'public', { forbidden: fragments, allow: [] }))).toBeDefined();
  });
});
