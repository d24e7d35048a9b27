import { describe, expect, it } from 'vitest';
import { findLeak, hashWords, needlesFor, readableText, words } from '../../src/integration/leak-scan.ts';
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
    for (const text of texts) {
      const bounds: number[] = [];
      expect([...hashWords(text, bounds)]).toEqual(words(text).map(fnv));
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
