/**
 * Grants of documents under NDA (src/engine/grants.ts) on their own: the day a grant opens and the day it ends,
 * revocation, the secret that protects them, the keys and link the browser must agree with, and the NDA text in
 * effect on a day.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { addDays, fromDayNumber, toDayNumber } from '../../src/engine/dates.ts';
import {
  DEPLOY_ENV,
  GENERATED_SECRET_PREFIX,
  generateSalt,
  generateSecret,
  GRANT_SECRET_ENV,
  grantKey,
  grantKeys,
  grantLink,
  grantState,
  grantToken,
  isDeployBuild,
  ndaBlocks,
  ndaInEffect,
  SECRET_BYTES,
  secretState,
  sha256Hex,
} from '../../src/engine/grants.ts';
import type { Document } from '../../src/engine/model.ts';
import type { NdaData } from '../../src/schema/index.ts';
import { TEST_SALT, TEST_SECRET } from '../helpers/grants.ts';

/** Random draws a test forces, one per call of randomBytes; real random bytes once none is left. */
const forced = vi.hoisted(() => ({ draws: [] as Buffer[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, randomBytes: (size: number) => forced.draws.shift() ?? original.randomBytes(size) };
});

const GRANT = { id: 'northwind', data: { email: 'priya@northwind.example', granted: '2026-07-01', salt: TEST_SALT } };

/** `n` bytes that look random enough, the same every run. */
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, index) => (index * 73 + 41) % 256));

const anyDay = fc
  .integer({ min: toDayNumber('2026-01-01'), max: toDayNumber('2029-12-31') })
  .map((day) => fromDayNumber(day));

describe('the deployed build', () => {
  it('is marked by TRUSTBOOK_DEPLOY set to anything but empty, 0 or false, in any case and spacing', () => {
    expect(DEPLOY_ENV).toBe('TRUSTBOOK_DEPLOY');
    expect(GRANT_SECRET_ENV).toBe('TRUSTBOOK_GRANT_SECRET');
    for (const value of ['1', 'true', 'yes', ' production '])
      expect(isDeployBuild({ TRUSTBOOK_DEPLOY: value }), value).toBe(true);
    for (const value of [undefined, '', '  ', '0', ' 0 ', 'false', 'FALSE', ' False ']) {
      expect(isDeployBuild({ TRUSTBOOK_DEPLOY: value }), String(value)).toBe(false);
    }
    expect(isDeployBuild({})).toBe(false);
    expect(isDeployBuild({ OTHER: '1' })).toBe(false);
  });
});

describe('a generated grant secret', () => {
  const body = TEST_SECRET.slice(GENERATED_SECRET_PREFIX.length);

  it('is missing when unset or blank', () => {
    expect(secretState(undefined)).toBe('missing');
    expect(secretState('')).toBe('missing');
    expect(secretState(' \n\t')).toBe('missing');
    expect(secretState('x')).toBe('weak');
  });

  it('is the prefix and at least 43 base64url characters, trimmed', () => {
    expect(GENERATED_SECRET_PREFIX).toBe('tbgs1_');
    expect(body).toHaveLength(43);
    expect(secretState(TEST_SECRET)).toBe('set');
    expect(secretState(` ${TEST_SECRET}\n`)).toBe('set');
    expect(secretState(`${TEST_SECRET}Q`)).toBe('set');
    expect(secretState(TEST_SECRET.slice(0, -1))).toBe('weak');
    expect(secretState(`tbgs1_.${body}`)).toBe('weak');
    expect(secretState(`${TEST_SECRET}.`)).toBe('weak');
    expect(secretState(`tbgs2_${body}`)).toBe('weak');
  });

  it('has upper and lower case letters and digits, without a run of twelve letters of one case', () => {
    const filler = (text: string) => `${text}3`.padEnd(43, 'aB3');
    expect(secretState(`tbgs1_${filler('')}`)).toBe('set');
    expect(secretState(`tbgs1_${'aB'.repeat(22)}`)).toBe('weak');
    expect(secretState(`tbgs1_${'a3'.repeat(22)}`)).toBe('weak');
    expect(secretState(`tbgs1_${'B3'.repeat(22)}`)).toBe('weak');
    expect(secretState(`tbgs1_${filler('Q7abcdefghijk')}`)).toBe('set');
    expect(secretState(`tbgs1_${filler('Q7abcdefghijkl')}`)).toBe('weak');
    expect(secretState(`tbgs1_${filler('q7ABCDEFGHIJK')}`)).toBe('set');
    expect(secretState(`tbgs1_${filler('q7ABCDEFGHIJKL')}`)).toBe('weak');
  });
});

describe('a new secret and salt', () => {
  it('is a secret of 32 random bytes after the prefix, drawn again when a draw does not look random', () => {
    forced.draws = [Buffer.alloc(32), bytes(32)];
    expect(generateSecret()).toBe(`tbgs1_${bytes(32).toString('base64url')}`);
    expect(forced.draws).toEqual([]);
    const secret = generateSecret();
    expect(secret).toMatch(/^tbgs1_[A-Za-z0-9_-]{43}$/);
    expect(secretState(secret)).toBe('set');
    expect(generateSecret()).not.toBe(secret);
  });

  it('is a salt of 16 random bytes in base64url', () => {
    forced.draws = [bytes(16)];
    expect(generateSalt()).toBe(bytes(16).toString('base64url'));
    expect(generateSalt()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(generateSalt()).not.toBe(generateSalt());
  });
});

describe('a grant secret of 32 random bytes', () => {
  it('is set in hex of 64 digits or more, with both digits and letters, in either case', () => {
    expect(SECRET_BYTES).toBe(32);
    const hex = bytes(32).toString('hex');
    expect(secretState(hex)).toBe('set');
    expect(secretState(hex.toUpperCase())).toBe('set');
    expect(secretState(bytes(33).toString('hex'))).toBe('set');
    expect(secretState(hex.slice(0, 63))).toBe('weak');
    expect(secretState('1234567890'.repeat(7))).toBe('weak');
    expect(secretState('abcdef'.repeat(11))).toBe('weak');
    expect(secretState(`zz${hex}`)).toBe('weak');
    expect(secretState(`${hex}zz`)).toBe('weak');
  });

  it('is set in base64 as openssl prints it, with or without padding, from 32 bytes', () => {
    expect(secretState(bytes(32).toString('base64'))).toBe('set'); // ends in one `=`
    expect(secretState(bytes(34).toString('base64'))).toBe('set'); // ends in `==`
    expect(secretState(bytes(33).toString('base64'))).toBe('set'); // no padding
    expect(secretState(bytes(48).toString('base64'))).toBe('set'); // with `+` and `/`
    expect(secretState(bytes(31).toString('base64'))).toBe('weak');
    expect(secretState(`!${bytes(33).toString('base64')}`)).toBe('weak');
    expect(secretState(`${bytes(33).toString('base64')}!`)).toBe('weak');
    expect(secretState(`${bytes(32).toString('base64')}=`)).toBe('weak');
    expect(secretState(`${bytes(33).toString('base64')}=`)).toBe('weak');
  });

  it('is weak in base64 when its text is all of one kind', () => {
    expect(secretState(Buffer.from('a'.repeat(40)).toString('base64'))).toBe('weak');
  });
});

describe('a grant’s key, keys and link', () => {
  it('are those the scheme defines, so links already sent keep opening (known-answer vectors)', () => {
    // HKDF-SHA256(secret, "trustbook grant key v2\0" + salt, "id\ne-mail\ngranted"), checked against an
    // independent implementation.
    const key = grantKey(TEST_SECRET, GRANT);
    expect(key.toString('hex')).toBe('82d5cdfba4c5fc1cb4e802565fcb35bc0b4e5b40d20bf836a31a4cd63deb8737');
    const keys = grantKeys(key);
    expect(keys.token).toBe('HGrhX3OmX2A_uXh2CkV7ok');
    expect(grantToken(key)).toBe('HGrhX3OmX2A_uXh2CkV7ok');
    expect(keys.encryption.toString('hex')).toBe('2d36586039e1e03fef389fd691c3b6b6617d80047fcfaca55dd8b381840d25e6');
    expect(keys.nonce.toString('hex')).toBe('1b8bc9ca3781822cf86420cebea70d4fc5575872e12f46ca7f26a4d75e9e139e');
  });

  it('of a grant without a salt is the scheme’s with an empty salt', () => {
    const unsalted = { id: GRANT.id, data: { email: GRANT.data.email, granted: GRANT.data.granted } };
    expect(grantKey(TEST_SECRET, unsalted).toString('hex')).toBe(
      'f4d229f79ab5ff323ef97d538e7ac711e7e36570a30be5f489175e8d6b7ae76c',
    );
  });

  it('is the same for a secret pasted with a line break or spaces around it', () => {
    const key = grantKey(TEST_SECRET, GRANT);
    expect(grantKey(`${TEST_SECRET}\n`, GRANT).equals(key)).toBe(true);
    expect(grantKey(`  ${TEST_SECRET} `, GRANT).equals(key)).toBe(true);
  });

  it('is another under a wrong secret, so a link made with it opens nothing', () => {
    const wrong = `${TEST_SECRET.slice(0, -1)}t`;
    expect(grantToken(grantKey(wrong, GRANT))).not.toBe(grantToken(grantKey(TEST_SECRET, GRANT)));
  });

  it('is linked from the access page of the trust center, with or without a closing slash', () => {
    const key = grantKey(TEST_SECRET, GRANT);
    const expected = `https://trust.example.org/access/#v=2&k=${key.toString('base64url')}`;
    expect(grantLink('https://trust.example.org', key)).toBe(expected);
    expect(grantLink('https://trust.example.org/', key)).toBe(expected);
    expect(grantLink('https://example.org/trust', key)).toBe(
      `https://example.org/trust/access/#v=2&k=${key.toString('base64url')}`,
    );
  });

  it('is logged by its SHA-256 in hexadecimal', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('whether a grant opens its documents', () => {
  it('opens on its last day, with no day left, and has expired the day after', () => {
    const grant = { granted: '2026-07-01', expires: '2026-12-31' };
    expect(grantState(grant, '2026-12-30')).toEqual({ state: 'current', expires: '2026-12-31', days: 1 });
    expect(grantState(grant, '2026-12-31')).toEqual({ state: 'current', expires: '2026-12-31', days: 0 });
    expect(grantState(grant, '2027-01-01')).toEqual({ state: 'expired', on: '2026-12-31' });
  });

  it('opens from the day it is given, not the day before', () => {
    const grant = { granted: '2026-07-01', expires: '2026-12-31' };
    expect(grantState(grant, '2026-06-30')).toEqual({ state: 'not-yet', from: '2026-07-01' });
    expect(grantState(grant, '2026-07-01')).toEqual({ state: 'current', expires: '2026-12-31', days: 183 });
  });

  it('opens for a single day when given and ending on the same day', () => {
    const grant = { granted: '2026-07-01', expires: '2026-07-01' };
    expect(grantState(grant, '2026-07-01')).toEqual({ state: 'current', expires: '2026-07-01', days: 0 });
    expect(grantState(grant, '2026-07-02').state).toBe('expired');
  });

  it('opens nothing once revoked, even before it was given', () => {
    const grant = { granted: '2026-07-01', expires: '2026-12-31', revoked: '2026-08-01' };
    expect(grantState(grant, '2026-06-01')).toEqual({ state: 'revoked', on: '2026-08-01' });
    expect(grantState(grant, '2027-06-01')).toEqual({ state: 'revoked', on: '2026-08-01' });
  });

  it('is current exactly from the day given through the last day, with the days left (property)', () => {
    fc.assert(
      fc.property(
        anyDay,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: -3, max: 403 }),
        (granted, length, offset) => {
          const expires = addDays(granted, length);
          const asOf = addDays(granted, offset);
          const state = grantState({ granted, expires }, asOf);
          if (offset < 0) expect(state).toEqual({ state: 'not-yet', from: granted });
          else if (offset > length) expect(state).toEqual({ state: 'expired', on: expires });
          else expect(state).toEqual({ state: 'current', expires, days: length - offset });
        },
      ),
    );
  });
});

function nda(id: string, effective: string, body = ''): Document<NdaData> {
  return {
    kind: 'nda',
    id,
    file: `content/trust/nda/${id}.md`,
    data: { title: id, effective } as NdaData,
    body,
    bodyLine: 5,
    keyLines: {} as never,
  };
}

describe('the NDA text new requests accept', () => {
  const versions = new Map([
    ['v-2026', nda('b-2026', '2026-03-01')],
    ['v-2025', nda('a-2025', '2025-01-01')],
    ['v-2026-bis', nda('a-2026', '2026-03-01')],
    ['v-2027', nda('c-2027', '2027-01-01')],
  ]);

  it('is the latest in effect on the day, from its effective date on', () => {
    expect(ndaInEffect({ ndaVersions: versions }, '2026-02-28')).toEqual({
      version: 'v-2025',
      nda: versions.get('v-2025'),
    });
    expect(ndaInEffect({ ndaVersions: versions }, '2026-12-31')?.version).toBe('v-2026-bis');
    expect(ndaInEffect({ ndaVersions: versions }, '2027-01-01')?.version).toBe('v-2027');
  });

  it('is the first by id among texts in effect from the same day', () => {
    expect(ndaInEffect({ ndaVersions: versions }, '2026-03-01')?.nda.id).toBe('a-2026');
    const reversed = new Map([...versions].reverse());
    expect(ndaInEffect({ ndaVersions: reversed }, '2026-03-01')?.nda.id).toBe('a-2026');
  });

  it('is none before any text takes effect', () => {
    expect(ndaInEffect({ ndaVersions: versions }, '2024-12-31')).toBeUndefined();
    expect(ndaInEffect({ ndaVersions: new Map() }, '2026-03-01')).toBeUndefined();
  });
});

describe('an NDA’s text as a page shows it', () => {
  it('is its headings, paragraphs and list items as plain text, without empty paragraphs or markup', () => {
    const body =
      '## Terms\n\nKeep **it** to yourselves.\n\n- First `item`\n- Second\n\n<!-- a note -->\n\n***\n\nSign below <br/>\n\n&nbsp;\n';
    expect(ndaBlocks(nda('mutual', '2026-01-01', body))).toEqual([
      { kind: 'heading', text: 'Terms' },
      { kind: 'paragraph', text: 'Keep it to yourselves.' },
      { kind: 'item', text: 'First item' },
      { kind: 'item', text: 'Second' },
      { kind: 'paragraph', text: 'Sign below' },
    ]);
  });

  it('is nothing for an empty text', () => {
    expect(ndaBlocks(nda('mutual', '2026-01-01', ''))).toEqual([]);
  });
});
