import { describe, expect, it } from 'vitest';
import {
  findLeak,
  hashWords,
  historicalFragments,
  needlesFor,
  normalise,
  readableText,
  renderedText,
  words,
} from '../../src/integration/leak-scan.ts';
import { gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { jsonText, openFile, unfoldCalendar } from '../../src/integration/leak-scan-fs.ts';
import { secretEncodings, secretFragments, secretValues } from '../../src/integration/secret-needles.ts';
import { grantKey, grantKeys } from '../../src/engine/grants.ts';
import { TEST_SECRET, withGrant } from '../helpers/grants.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const secret = 'the vault combination is kept in the blue binder behind reception';

function program() {
  let files = edit(
    validProgram(),
    'content/controls/BASE-01.mdx',
    'The security lead runs',
    `Note: ${secret}. The security lead runs`,
  );
  files = edit(files, 'content/people.yaml', '{ id: ada, role: ceo,', '{ id: ada, name: Ada Quillfeather, role: ceo,');
  files = edit(
    files,
    'policies/acceptable-use.mdx',
    'kind: acceptable-use',
    'kind: acceptable-use\naudience: [public, employees, auditors]',
  );
  return check(files);
}

describe('leak scan', () => {
  it('finds auditor-only narrative text on the public and employee sites, and allows it for auditors', () => {
    const result = program();
    const page = `<main><p>Note: The Vault   combination is <em>kept</em> in the blue binder behind reception.</p></main>`;
    expect(findLeak(readableText(page), needlesFor(result, 'public'))).toMatchObject({
      source: 'content/controls/BASE-01.mdx',
    });
    expect(findLeak(readableText(page), needlesFor(result, 'employees'))).toBeDefined();
    expect(findLeak(readableText(page), needlesFor(result, 'auditors'))).toBeUndefined();
  });

  it('finds staff names outside the auditor site', () => {
    const result = program();
    expect(findLeak('Owner: Ada Quillfeather', needlesFor(result, 'employees'))).toMatchObject({
      text: 'ada quillfeather',
    });
    expect(findLeak('Owner: Ada Quillfeather', needlesFor(result, 'auditors'))).toBeUndefined();
  });

  it('finds each of two forbidden names whose runs of words hash alike', () => {
    // These two names were searched for: their two-word runs have the same 32-bit rolling hash.
    const files = edit(
      validProgram(),
      'content/people.yaml',
      '{ id: ada, role: ceo,',
      '{ id: ada, name: Ada Belpelholkin, role: ceo, hired: 2024-01-10 }\n  - { id: bo, name: Ada Garzandantor, role: ceo,',
    );
    const needles = needlesFor(check(files), 'employees');
    expect(findLeak('Owner: Ada Belpelholkin', needles)).toMatchObject({ text: 'ada belpelholkin' });
    expect(findLeak('Owner: Ada Garzandantor', needles)).toMatchObject({ text: 'ada garzandantor' });
    expect(findLeak('Owner: Ada Garzandantorx', needles)).toBeUndefined();
  });

  it('hashes the very words it would quote, in any script, without cutting them into strings', () => {
    const fnv = (word: string) => {
      let hash = 0x811c9dc5;
      for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
      return hash >>> 0;
    };
    const texts = [
      'Owner: Ada Quillfeather <ada@example.com>, 2026-07-15; v1.2',
      'Ärztliche Schweigepflicht — Datenschutz-Grundverordnung (DSGVO) §32',
      'Σύστημα ΑΣΦΑΛΕΙΑΣ · 情報セキュリティ方針 · 𝒜𝓁𝑔𝑜 ٣٤ 12345',
      'İstanbul office, cafés and naïve ﬁles: ÅNGSTRÖM',
      '',
      '  ...  ',
    ];
    for (const written of texts) {
      // Both sides are normalised before they are cut (the ligature in "ﬁles" becomes "fi").
      const text = normalise(written);
      const bounds: number[] = [];
      expect([...hashWords(text, bounds)]).toEqual(words(written).map(fnv));
      // A quote is cut from the text itself, unless lower-casing changes its length (İ becomes i and a mark).
      if (text.toLowerCase().length !== text.length) continue;
      const quoted = words(text).map((_, i) => text.slice(bounds[2 * i], bounds[2 * i + 1]).toLowerCase());
      expect(quoted).toEqual(words(text));
    }
    expect(findLeak('Owner: ÄDA Quillfeather', needlesFor(program(), 'employees'))).toBeUndefined();
  });

  it('does not count text that a site may show anyway, such as a public policy', () => {
    const result = program();
    const publicPolicyText = 'The acceptable-use policy of the test company.';
    expect(findLeak(publicPolicyText, needlesFor(result, 'public'))).toBeUndefined();
    const employeeOnly = 'The incident-response policy of the test company.';
    expect(findLeak(employeeOnly, needlesFor(result, 'public'))).toMatchObject({
      source: 'policies/incident-response.mdx',
    });
    expect(findLeak(employeeOnly, needlesFor(result, 'employees'))).toBeUndefined();
  });

  it('reads text hidden in attributes and entities', () => {
    const result = program();
    const attribute = `<a title="the vault combination is kept in the blue binder behind reception">x</a>`;
    expect(findLeak(readableText(attribute), needlesFor(result, 'public'))).toBeDefined();
    const encoded = 'the&#32;vault combination is kept in the blue binder behind&nbsp;reception';
    expect(findLeak(readableText(encoded), needlesFor(result, 'public'))).toBeDefined();
  });
});

/** A program with a private one-word vendor, a private two-word vendor, and staff with short names. */
function namesProgram(allowExtra = '') {
  let files = validProgram();
  files = {
    ...files,
    'content/vendors/zorbex.yaml':
      'id: zorbex\nname: Zorbex\npurpose: Internal build cache.\ndata: []\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
    'content/vendors/kip-io.yaml':
      'id: kip-io\nname: Kip IO\npurpose: Internal chat bridge.\ndata: []\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
    'content/vendors/notion.yaml':
      'id: notion\nname: Notion\npurpose: Internal wiki.\ndata: []\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
  };
  files = edit(
    files,
    'content/people.yaml',
    '{ id: ada, role: ceo,',
    `{ id: bo, name: Bo Li, role: ceo, hired: 2024-01-10 }\n  - { id: cy, name: Cyrenne, role: ceo, hired: 2024-01-10 }\n  - { id: ada, role: ceo,${allowExtra}`,
  );
  return check(files);
}

describe('names of every length', () => {
  it('finds a one-word private vendor, a short two-word name and a one-word staff name as whole words', () => {
    const needles = needlesFor(namesProgram(), 'public');
    expect(findLeak('Built with Zorbex.', needles)).toMatchObject({
      text: 'zorbex',
      source: 'content/vendors/zorbex.yaml name',
    });
    expect(findLeak('Chat: Kip IO', needles)).toMatchObject({ text: 'kip io' });
    expect(findLeak('Owner: Bo Li', needles)).toMatchObject({ text: 'bo li', source: 'content/people.yaml bo' });
    expect(findLeak('Ask Cyrenne', needles)).toMatchObject({ text: 'cyrenne' });
    // Whole words only: a longer word that holds a name is another word.
    expect(findLeak('Zorbexes and Cyrennean skip bowling', needles)).toBeUndefined();
    expect(findLeak('Owner: Bo', needles)).toBeUndefined();
  });

  it('does not look for a one-word name that is a common word, and takes more such words from the program', () => {
    const result = namesProgram();
    expect(findLeak('Take notion of this', needlesFor(result, 'public'))).toBeUndefined();
    expect(findLeak('Ask Cyrenne', needlesFor(result, 'public', { allow: ['Cyrenne'] }))).toBeUndefined();
    expect(findLeak('Built with Zorbex.', needlesFor(result, 'public', { allow: ['Cyrenne'] }))).toBeDefined();
  });

  it('looks for short one-word names in text files only: random bytes of a binary file spell short words', () => {
    const needles = needlesFor(namesProgram(), 'public');
    expect(findLeak('\u0001IHDR kip io Cyrenne\u0002', needles, 'binary')).toMatchObject({ text: 'kip io' });
    expect(findLeak('\u0001IHDR Cyrenne\u0002', needles, 'binary')).toMatchObject({ text: 'cyrenne' });
    expect(findLeak('\u0001zorbe Bo\u0002', needles, 'binary')).toBeUndefined();
  });
});

describe('template defaults', () => {
  it('are placeholders where a reader sees them, and ordinary code in a script or a binary file', () => {
    const files = edit(
      validProgram(),
      'content/program.yaml',
      'contact: security@test.example',
      'contact: security@example.com',
    );
    const needles = needlesFor(check(files), 'public');
    expect(findLeak('<p>Write to security@example.com</p>', needles)).toMatchObject({
      text: 'security example com',
      source: 'content/program.yaml:4 (placeholder)',
    });
    expect(findLeak('new URL(path, "https://security@example.com")', needles, 'script')).toBeUndefined();
    expect(findLeak('\u0001security@example.com\u0002', needles, 'binary')).toBeUndefined();
  });
});

describe('text variants', () => {
  it('normalises to NFKC and drops invisible characters', () => {
    expect(normalise('Ｑｕｉｌｌｆｅａｔｈｅｒ')).toBe('Quillfeather');
    expect(normalise('Quill\u200bfeather')).toBe('Quillfeather');
    expect(normalise('Quill\u00adfeather')).toBe('Quillfeather');
    expect(normalise('\u202eQuill\u200efeather\u2066')).toBe('Quillfeather');
    expect(normalise('ﬁle')).toBe('file');
    expect(normalise('plain ascii')).toBe('plain ascii');
  });

  it('finds a staff name written full-width, with zero-width spaces or soft hyphens', () => {
    const needles = needlesFor(program(), 'public');
    for (const text of [
      'Ａｄａ Ｑｕｉｌｌｆｅａｔｈｅｒ',
      'Ada Quill\u200bfeather',
      'Ada Quill&shy;feather',
      'Ada\u200e Quillfeather',
    ])
      expect(findLeak(readableText(`<p>${text}</p>`), needles), text).toMatchObject({ text: 'ada quillfeather' });
  });

  it('joins inline elements as a browser renders them, and keeps blocks apart', () => {
    expect(words(readableText('<p>Ada Quill<b>feat</b><em>her</em></p>'))).toEqual(['ada', 'quillfeather']);
    expect(words(readableText('<p>Quill</p><p>feather</p>'))).toEqual(['quill', 'feather']);
    expect(words(readableText('<li>Quill<li>feather'))).toEqual(['quill', 'feather']);
    expect(words(readableText('Quill<br>feather'))).toEqual(['quill', 'feather']);
  });

  it('decodes every named entity, and reads comments and attributes', () => {
    expect(readableText('<p>Caf&eacute; &Scaron;ef &ZeroWidthSpace;x</p>')).toContain('Café Šef \u200bx');
    const text = readableText(
      '<!-- Ada Quillfeather --><img alt="alt words" title="title words" aria-label="aria words"><meta content="meta words"><div data-owner="data words"></div>',
    );
    for (const expected of ['Ada Quillfeather', 'alt words', 'title words', 'aria words', 'meta words', 'data words'])
      expect(text).toContain(expected);
  });

  it('reads markup inside XML text (an Atom html title, a CDATA section) as HTML', () => {
    const atom = `<feed><title type="html">Ada Quill&lt;b&gt;feather&lt;/b&gt;</title><summary><![CDATA[<p>Bo <i>L</i>i</p>]]></summary></feed>`;
    const read = words(readableText(atom, true)).join(' ');
    expect(read).toContain('ada quillfeather');
    expect(read).toContain('bo li');
  });

  it('reads the strings of JSON decoded, and unfolds calendar lines', () => {
    expect(words(jsonText('{"owner":"Ada Quill\\u0066eather"}')!)).toEqual(
      expect.arrayContaining(['ada', 'quillfeather']),
    );
    expect(jsonText('not json')).toBeUndefined();
    expect(words(jsonText('pagefind_dcd{"content":"Caf\\u00e9"}')!)).toContain('café');
    const ics = 'BEGIN:VEVENT\r\nSUMMARY:Review with Ada Quill\r\n feather\\, Security Lead\r\nEND:VEVENT\r\n';
    expect(unfoldCalendar(ics)).toContain('Ada Quillfeather, Security Lead');
  });
});

describe('what the trust center may show', () => {
  it('reads a body as it renders: text, code, alt texts and titles, string attributes, never imports or expressions', () => {
    const body = [
      "import Mark from '../../public/zorbex-cache.svg';",
      'export const owner = "Bo Li";',
      '',
      '# Heading words',
      '',
      'Para **bold** words {owner} and `code words`.',
      '',
      '![Alt words](logo.png "Title words")',
      '',
      '<Figure caption="Caption words" size={2} />',
    ].join('\n');
    const text = renderedText({ body, bodyLine: 1, file: 'content/trust/overview.mdx' });
    for (const shown of ['Heading words', 'Para bold words', 'code words', 'Alt words', 'Title words', 'Caption words'])
      expect(text).toContain(shown);
    for (const hidden of ['zorbex', 'Bo Li', 'owner', 'import']) expect(text).not.toContain(hidden);
  });

  it('allows only the text a public body renders: an import path does not allow a private vendor', () => {
    const files = {
      ...validProgram(),
      'content/vendors/zorbex.yaml':
        'id: zorbex\nname: Zorbex Cache\npurpose: Internal build cache.\ndata: []\ncriticality: low\nadded: 2026-01-01\nreviewed: 2026-01-01\n',
      'content/trust/overview.mdx': `---\ntitle: Security overview\n---\nimport Logo from '../../public/zorbex-cache.svg';\n\nWe keep customer data safe.\n`,
    };
    const needles = needlesFor(check(files), 'public');
    expect(findLeak('<p>Zorbex Cache</p>', needles)).toMatchObject({ text: 'zorbex cache' });
    expect(findLeak('We keep customer data safe.', needles)).toBeUndefined();
  });

  it('forbids the title and body of a document withheld for a placeholder, not only the placeholder', () => {
    let files = edit(
      validProgram(),
      'policies/acceptable-use.mdx',
      'kind: acceptable-use',
      'kind: acceptable-use\naudience: [public, employees, auditors]',
    );
    files = edit(files, 'policies/acceptable-use.mdx', /title: .*/, 'title: Zephyrine Device Rules');
    files = edit(
      files,
      'policies/acceptable-use.mdx',
      'The acceptable-use policy',
      '<Todo>List the approved devices.</Todo>\n\nThe acceptable-use policy',
    );
    const needles = needlesFor(check(files), 'public');
    expect(findLeak('Zephyrine Device Rules', needles)).toMatchObject({ source: 'policies/acceptable-use.mdx title' });
  });

  it('leaves Trustbook’s own template text in a held-back document unforbidden, and forbids what the company wrote', () => {
    let files = edit(
      validProgram(),
      'policies/acceptable-use.mdx',
      'kind: acceptable-use',
      'kind: acceptable-use\naudience: [public, employees, auditors]',
    );
    files = edit(
      files,
      'policies/acceptable-use.mdx',
      'The acceptable-use policy',
      '<Todo>List the devices.</Todo>\n\nStaff may use only the laptops the company issues and keeps patched. Our launch of Project Falcon waits for the audit.\n\nThe acceptable-use policy',
    );
    const templates = ['Staff may use only the laptops the company issues and keeps patched, and nothing else at all.'];
    const needles = needlesFor(check(files), 'public', { templates });
    expect(findLeak('Staff may use only the laptops the company issues and keeps patched.', needles)).toBeUndefined();
    expect(findLeak('Our launch of Project Falcon waits for the audit.', needles)).toMatchObject({
      source: 'policies/acceptable-use.mdx',
    });
    // Template text is subtracted from held-back documents only: a private document's copy stays forbidden.
    const narrative = 'The security lead runs the baseline program every quarter.';
    const private_ = needlesFor(check(validProgram()), 'public', { templates: [narrative] });
    expect(findLeak(`Note: ${narrative}`, private_)).toMatchObject({ source: 'content/controls/BASE-01.mdx' });
  });

  it('forbids the past titles the trust center never showed, and every name of a document not public today', () => {
    const result = check(validProgram());
    const fragments = historicalFragments(result, [
      { subject: 'Project Falcon Launch', published: false, name: false, current: undefined, shownAtEnd: false },
      { subject: 'Brief Analytics', published: true, name: true, current: undefined, shownAtEnd: false },
      { subject: 'Gone Mail', published: true, name: true, current: undefined, shownAtEnd: true },
      {
        subject: 'Incident Response Policy',
        published: true,
        name: false,
        current: 'policies/incident-response.mdx',
        shownAtEnd: true,
      },
    ]);
    expect(fragments.map((fragment) => fragment.text)).toEqual([
      'Project Falcon Launch',
      'Brief Analytics',
      'Incident Response Policy',
    ]);
    const needles = needlesFor(result, 'public', { publicForbidden: fragments });
    expect(findLeak('Coming soon: Project Falcon Launch', needles)).toMatchObject({
      source: 'the trust history (a deleted document)',
    });
    expect(findLeak('Gone Mail was a subprocessor', needles)).toBeUndefined();
  });

  it('subtracts template text from the past title of a page held back today, and from nothing else in the history', () => {
    // A fresh program's overview, committed while it still holds a <Todo>: its title is the template's, with the
    // organization put in, and the home page's own heading says the same words.
    const result = check({
      ...validProgram(),
      'content/trust/overview.mdx':
        '---\ntitle: "Security at Test Co"\n---\n\n<Todo>Say how we keep data safe.</Todo>\n',
    });
    const templates = ['title: "Security at  Test Co "'];
    const title = { subject: 'Security at Test Co', published: false, name: false, shownAtEnd: false };
    const heldBack = historicalFragments(result, [{ ...title, current: 'content/trust/overview.mdx' }]);
    expect(heldBack).toMatchObject([{ withheld: true }]);
    expect(
      findLeak('<h1>Security at Test Co</h1>', needlesFor(result, 'public', { publicForbidden: heldBack, templates })),
    ).toBeUndefined();
    const deleted = historicalFragments(result, [{ ...title, current: undefined }]);
    expect(
      findLeak('Security at Test Co', needlesFor(result, 'public', { publicForbidden: deleted, templates })),
    ).toMatchObject({ source: 'the trust history (a deleted document)' });
  });
});

describe('the grant secret', () => {
  const secret = 'sK9-2vQ8+f/LmXw7RtY4pZ0aBcDeFgHiJkLmNoPq';
  it('is forbidden on every site in every encoding, and a hit never quotes it', () => {
    const result = check(validProgram());
    const values = secretValues(result, secret);
    for (const site of ['public', 'employees', 'auditors'] as const) {
      const needles = needlesFor(result, site, { forbidden: secretFragments(values) });
      for (const text of [secret, Buffer.from(secret).toString('hex'), Buffer.from(secret).toString('base64url')]) {
        const leak = findLeak(readableText(`<p>${text}</p>`), needles);
        expect(leak, `${site}: ${text}`).toMatchObject({ source: 'the grant secret', text: '(a secret, not quoted)' });
      }
      expect(findLeak(readableText('<p>sK9-2vQ8+f/Lm<b>Xw7RtY4pZ0aBcDeFgHiJkLmNoPq</b></p>'), needles)).toBeDefined();
    }
  });

  it('looks for each grant’s key and the encryption and nonce keys derived from it, never its public file name', () => {
    const result = check(withGrant());
    const grant = result.model.grants[0]!;
    const key = grantKey(TEST_SECRET, grant);
    const derived = grantKeys(key);
    const values = secretValues(result, TEST_SECRET);
    expect(values.map((value) => value.label)).toEqual([
      'the grant secret',
      `the key of grant ${grant.id}`,
      `the encryption key of grant ${grant.id}`,
      `the nonce key of grant ${grant.id}`,
    ]);
    expect(values.slice(1).map((value) => value.bytes)).toEqual([key, derived.encryption, derived.nonce]);
    expect(values.some((value) => value.bytes.toString('base64url').startsWith(derived.token))).toBe(false);
  });

  it('gives the word scan a key in its encodings only: its raw bytes are no words', () => {
    const key = { bytes: Buffer.from([0x6b, 0xff, 0x00, 0x41]), label: 'the key of grant x', text: false };
    expect(secretFragments([key]).map((fragment) => fragment.text)).toEqual(['6bff0041', 'a/8AQQ==', 'a_8AQQ']);
  });

  it('gives the byte scan each encoding, base64 at every alignment', () => {
    const [value] = secretValues(check(validProgram()), secret);
    const encodings = secretEncodings(value!).map((encoding) => encoding.bytes.toString('latin1'));
    const inside = (prefix: string) =>
      Buffer.concat([Buffer.from(prefix), value!.bytes, Buffer.from('!')]).toString('base64');
    for (const prefix of ['', 'a', 'ab'])
      expect(encodings.some((encoding) => inside(prefix).includes(encoding))).toBe(true);
    expect(encodings).toContain(secret);
    expect(encodings).toContain(Buffer.from(secret).toString('hex').toUpperCase());
  });
});

describe('archives', () => {
  const names = (entries: ReturnType<typeof openFile>) =>
    [...entries].map((entry) => ('refused' in entry ? `${entry.file}: refused` : entry.file));

  it('opens nested archives and names each file inside', () => {
    const inner = zipSync({ 'a.txt': new TextEncoder().encode('hello') });
    expect(
      names(openFile('bundle.zip.gz', gzipSync(zipSync({ 'inner.zip': inner, 'b.txt': new Uint8Array([1]) })))),
    ).toEqual(['bundle.zip/inner.zip/a.txt', 'bundle.zip/b.txt']);
  });

  it('refuses an archive that opens to more than the scan reads, rather than expanding it', () => {
    const bomb = gzipSync(Buffer.alloc(100_000));
    expect(names(openFile('big.bin.gz', bomb, 10_000))).toEqual(['big.bin.gz: refused']);
    expect(names(openFile('big.zip', zipSync({ 'zeros.bin': new Uint8Array(100_000) }), 10_000))).toEqual([
      'big.zip: refused',
    ]);
    expect(names(openFile('big.bin.gz', bomb, 200_000))).toEqual(['big.bin']);
  });

  it('refuses an archive it cannot open, by its signature or its extension', () => {
    expect(names(openFile('a.tar.xz', Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 9])))).toEqual([
      'a.tar.xz: refused',
    ]);
    expect(names(openFile('page.html.br', Buffer.from('anything')))).toEqual(['page.html.br: refused']);
    expect(names(openFile('broken.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3])))).toEqual(['broken.gz: refused']);
  });
});
