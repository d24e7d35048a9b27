/** Grants of documents under NDA: their state on a day, their keys, and what the check says of them. */
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { paddedLength, unpad } from '../../src/engine/grant-protocol.ts';
import {
  generateSalt,
  generateSecret,
  grantKey,
  grantKeys,
  grantLink,
  grantState,
  grantToken,
  secretState,
} from '../../src/engine/grants.ts';
import { ndaVersion, TEST_SALT, TEST_SECRET, withGrant } from '../helpers/grants.ts';
import { check, edit, findings, without, type Files } from '../helpers/program.ts';

const SECRET = TEST_SECRET;

const run = (files: Files, ...secret: [string?]) => check(files, { grantSecret: secret.length ? secret[0] : SECRET });

describe('the state of a grant', () => {
  it('opens from the day it is given to its last day, and not a day outside', () => {
    const grant = { granted: '2026-07-01', expires: '2026-09-30' };
    expect(grantState(grant, '2026-06-30')).toEqual({ state: 'not-yet', from: '2026-07-01' });
    expect(grantState(grant, '2026-07-01')).toMatchObject({ state: 'current', days: 91 });
    expect(grantState(grant, '2026-09-30')).toMatchObject({ state: 'current', days: 0 });
    expect(grantState(grant, '2026-10-01')).toEqual({ state: 'expired', on: '2026-09-30' });
  });

  it('opens nothing once revoked, whatever the day', () => {
    const grant = { granted: '2026-07-01', expires: '2026-09-30', revoked: '2026-07-20' };
    expect(grantState(grant, '2026-07-10')).toEqual({ state: 'revoked', on: '2026-07-20' });
    expect(grantState(grant, '2026-07-21')).toEqual({ state: 'revoked', on: '2026-07-20' });
  });

  it('is valid through a leap day it ends on', () => {
    expect(grantState({ granted: '2028-01-01', expires: '2028-02-29' }, '2028-02-29').state).toBe('current');
    expect(grantState({ granted: '2028-01-01', expires: '2028-02-29' }, '2028-03-01').state).toBe('expired');
  });
});

describe('a grant’s key and link', () => {
  const grant = { id: 'northwind', data: { email: 'priya@northwind.example', granted: '2026-07-01', salt: TEST_SALT } };

  it('is the same for the same secret and grant, and another for another secret, id, e-mail, day or salt', () => {
    const key = grantKey(SECRET, grant);
    expect(key).toHaveLength(32);
    expect(grantKey(SECRET, grant).equals(key)).toBe(true);
    expect(grantKey(`${SECRET}x`, grant).equals(key)).toBe(false);
    // A secret pasted with a line break is the same secret.
    expect(grantKey(`${SECRET}\n`, grant).equals(key)).toBe(true);
    expect(grantKey(SECRET, { ...grant, id: 'northwind-2' }).equals(key)).toBe(false);
    expect(grantKey(SECRET, { ...grant, data: { ...grant.data, email: 'dana@northwind.example' } }).equals(key)).toBe(
      false,
    );
    expect(grantKey(SECRET, { ...grant, data: { ...grant.data, granted: '2026-07-02' } }).equals(key)).toBe(false);
    // The e-mail's case is not part of who the recipient is.
    expect(grantKey(SECRET, { ...grant, data: { ...grant.data, email: 'Priya@Northwind.example' } }).equals(key)).toBe(
      true,
    );
  });

  it('is new for a grant re-issued with the same fields: its new salt never revives the old link', () => {
    const reissued = { ...grant, data: { ...grant.data, salt: generateSalt() } };
    expect(grantKey(SECRET, reissued).equals(grantKey(SECRET, grant))).toBe(false);
    expect(generateSalt()).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(generateSalt()).not.toBe(generateSalt());
  });

  it('carries the scheme’s version and the key in the fragment only', () => {
    const key = grantKey(SECRET, grant);
    const link = new URL(grantLink('https://trust.example.org', key));
    expect(link.origin + link.pathname).toBe('https://trust.example.org/access/');
    expect(link.search).toBe('');
    const fragment = new URLSearchParams(link.hash.slice(1));
    expect(fragment.get('v')).toBe('2');
    expect(Buffer.from(fragment.get('k')!, 'base64url').equals(key)).toBe(true);
  });

  it('gives separate keys for the file name, the encryption and the nonces, none of them the link’s key', () => {
    const key = grantKey(SECRET, grant);
    const keys = grantKeys(key);
    expect(keys.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(grantToken(key)).toBe(keys.token);
    expect(keys.encryption).toHaveLength(32);
    expect(keys.nonce).toHaveLength(32);
    const all = [key, keys.encryption, keys.nonce, Buffer.from(keys.token, 'base64url')].map((bytes) =>
      bytes.toString('hex'),
    );
    expect(new Set(all).size).toBe(4);
    expect(all[3]).not.toContain(all[0]!.slice(0, 16));
  });
});

describe('the grant secret', () => {
  it('is set only when generated: trustbook grant secret, or 32 random bytes in hex or base64', () => {
    expect(secretState(generateSecret())).toBe('set');
    expect(generateSecret()).not.toBe(generateSecret());
    expect(secretState(randomBytes(32).toString('hex'))).toBe('set');
    expect(secretState('K1r5m2VQe8XwR3p0Lz7Tg4Yb9Nc6Hd2Jq5Sa8Uf1Wk0=')).toBe('set');
  });

  it('refuses a human phrase however long, and anything short', () => {
    expect(secretState(undefined)).toBe('missing');
    expect(secretState('   ')).toBe('missing');
    for (const phrase of [
      'a-test-secret-of-more-than-thirty-two-characters',
      'correct horse battery staple and a few more words',
      'MyCompanyTrustCenterSecret2026ForGrantsOnly',
      'x'.repeat(64),
      'tbgs1_short',
      `tbgs1_${'a'.repeat(43)}`,
      '0'.repeat(64),
      randomBytes(16).toString('hex'),
    ]) {
      expect(secretState(phrase), phrase).toBe('weak');
    }
  });
});

describe('padding', () => {
  it('pads every plaintext to at least 4 KiB, and larger ones to a bucket at most 12% bigger', () => {
    expect(paddedLength(0)).toBe(4096);
    expect(paddedLength(4095)).toBe(4096);
    expect(paddedLength(4096)).toBeGreaterThan(4096);
    for (const length of [5_000, 123_457, 1_000_000, 9_876_543]) {
      const padded = paddedLength(length);
      expect(padded).toBeGreaterThan(length);
      expect(padded / length).toBeLessThan(1.12);
    }
    // Lengths near each other share a bucket: the size says little more than the order of magnitude.
    expect(paddedLength(1_000_000)).toBe(paddedLength(1_010_000));
  });

  it('is taken off by the mark and the zeros after it, and refused without the mark', () => {
    const plain = Buffer.from('report\u0000\u0000');
    const padded = new Uint8Array(paddedLength(plain.length));
    padded.set(plain);
    padded[plain.length] = 0x80;
    expect(Buffer.from(unpad(padded)!).equals(plain)).toBe(true);
    expect(unpad(new Uint8Array(16))).toBeUndefined();
  });
});

describe('the check of grants', () => {
  it('finds nothing wrong with a current grant of a document under NDA, with its NDA text kept', () => {
    const result = run(withGrant());
    expect(result.diagnostics.filter((d) => d.file.startsWith('content/trust/'))).toEqual([]);
  });

  it('refuses a grant of a document that does not exist, is public, or is kept elsewhere', () => {
    for (const [documents, message] of [
      ['[annual-report]', /"annual-report", which does not exist/],
      ['[summary]', /"Summary", which is public/],
      ['[elsewhere]', /kept elsewhere/],
    ] as const) {
      const found = findings(run(withGrant({ documents })), 'TB533');
      expect(found, documents).toHaveLength(1);
      expect(found[0]).toMatchObject({ severity: 'error', file: 'content/trust/grants/northwind.yaml', line: 4 });
      expect(found[0]!.message).toMatch(message);
    }
  });

  it('warns that a document which is not a PDF reaches its recipient unstamped', () => {
    const files = edit(withGrant(), 'content/trust/documents/soc2-report.yaml', 'report.pdf', 'report.docx');
    const found = findings(run(files), 'TB533');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', line: 4 });
    expect(found[0]!.message).toMatch(/is not a PDF: the recipient's copy is encrypted but cannot be stamped/);
  });

  it('refuses a grant naming an NDA version no kept text has: an edited NDA is a new version', () => {
    const files = edit(withGrant(), 'content/trust/nda/mutual.md', 'Keep it to yourselves.', 'Keep it to yourself.');
    const found = findings(run(files), 'TB534');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', line: 5 });
    expect(found[0]!.message).toContain(ndaVersion.slice(0, 12));
    expect(findings(run(without(withGrant(), 'content/trust/nda/mutual.md')), 'TB534')).toHaveLength(1);
  });

  it('warns of a grant ending within warn_within_days, and says nothing of an expired one', () => {
    // The helper's check runs as of 2026-07-15; the program warns 30 days ahead.
    const soon = findings(run(withGrant({ expires: '2026-08-01' })), 'TB535');
    expect(soon).toHaveLength(1);
    expect(soon[0]!.message).toMatch(/ends on 2026-08-01, in 17 days/);
    expect(findings(run(withGrant({ granted: '2026-01-01', expires: '2026-03-01' })), 'TB535')).toEqual([]);
  });

  it('says that nothing is published without a secret, and refuses a secret that was not generated', () => {
    const missing = findings(run(withGrant(), undefined), 'TB536');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning' });
    expect(missing[0]!.message).toMatch(/TRUSTBOOK_GRANT_SECRET is not set, so the 1 current grant publish nothing/);
    expect(findings(run(withGrant(), 'short'), 'TB537')[0]).toMatchObject({ severity: 'error' });
    expect(findings(run(withGrant(), 'a-test-secret-of-more-than-thirty-two-characters'), 'TB537')[0]).toMatchObject({
      severity: 'error',
      message: expect.stringMatching(/is not a generated secret/),
    });
    // Only a current grant needs the secret: an expired one publishes nothing anyway.
    const expired = withGrant({ granted: '2026-01-01', expires: '2026-03-01' });
    expect(findings(run(expired, undefined), 'TB536')).toEqual([]);
  });

  it('makes a missing secret an error in the deployed build, when current grants would all stop opening', () => {
    const deployed = findings(check(withGrant(), { deploy: true }), 'TB536');
    expect(deployed).toHaveLength(1);
    expect(deployed[0]).toMatchObject({ severity: 'error', file: 'content/trust/grants/northwind.yaml' });
    expect(deployed[0]!.message).toMatch(/this is the deployed build: TRUSTBOOK_DEPLOY is set/);
  });

  it('refuses a grant without a salt, and leaves a revoked grant alone', () => {
    const unsalted = findings(run(withGrant({ salt: '' })), 'TB550');
    expect(unsalted).toHaveLength(1);
    expect(unsalted[0]).toMatchObject({ severity: 'error', file: 'content/trust/grants/northwind.yaml' });
    expect(unsalted[0]!.hint).toMatch(/trustbook grant rekey northwind/);
    const revoked = run(withGrant({ salt: '', documents: '[annual-report]', revoked: '2026-07-10' }));
    expect(revoked.diagnostics.filter((d) => d.file.startsWith('content/trust/grants/'))).toEqual([]);
  });

  it('says when grants are published as of a pinned date: a warning, an error in the deployed build', () => {
    // The helper program pins `as_of: 2026-07-15` (line 10 of program.yaml).
    const pinned = findings(run(withGrant()), 'TB551');
    expect(pinned).toHaveLength(1);
    expect(pinned[0]).toMatchObject({ severity: 'warning', file: 'content/program.yaml', line: 10 });
    expect(pinned[0]!.message).toMatch(/pinned to 2026-07-15 \(program as_of\) while 1 grant publish files/);
    const deployed = findings(check(withGrant(), { grantSecret: SECRET, deploy: true }), 'TB551');
    expect(deployed[0]).toMatchObject({ severity: 'error' });
    const unpinned = edit(withGrant(), 'content/program.yaml', 'as_of: 2026-07-15\n', '');
    expect(findings(check(unpinned, { grantSecret: SECRET, today: '2026-07-15' }), 'TB551')).toEqual([]);
    // Without the secret nothing is published, so nothing is published as of the wrong day either.
    expect(findings(run(withGrant(), undefined), 'TB551')).toEqual([]);
  });

  it('refuses a grant that expires before it is given, or an NDA version that is not a SHA-256', () => {
    const backwards = run(withGrant({ granted: '2026-07-01', expires: '2026-06-30' }));
    expect(backwards.diagnostics.some((d) => d.file.endsWith('northwind.yaml') && d.severity === 'error')).toBe(true);
    const short = run(withGrant({ nda_version: 'abc123' }));
    const found = short.diagnostics.find((d) => d.file.endsWith('northwind.yaml'));
    expect(found?.message).toMatch(/64 lower-case hexadecimal digits/);
    expect(found?.line).toBe(5);
  });
});
