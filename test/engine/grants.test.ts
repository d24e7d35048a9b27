/** Grants of documents under NDA: their state on a day, their keys, and what the check says of them. */
import { describe, expect, it } from 'vitest';
import { grantKey, grantLink, grantState, grantToken, secretState } from '../../src/engine/grants.ts';
import { ndaVersion, withGrant } from '../helpers/grants.ts';
import { check, edit, findings, without, type Files } from '../helpers/program.ts';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';

const run = (files: Files, ...secret: [string?]) => check(files, { grantSecret: secret.length ? secret[0] : SECRET });

describe('the state of a grant', () => {
  it('opens from the day it is given to its last day, and not a day outside', () => {
    const grant = { granted: '2026-07-01', expires: '2026-09-30' };
    expect(grantState(grant, '2026-06-30')).toEqual({ state: 'not-yet', from: '2026-07-01' });
    expect(grantState(grant, '2026-07-01')).toMatchObject({ state: 'current', days: 91 });
    expect(grantState(grant, '2026-09-30')).toMatchObject({ state: 'current', days: 0 });
    expect(grantState(grant, '2026-10-01')).toEqual({ state: 'expired', on: '2026-09-30' });
  });

  it('is valid through a leap day it ends on', () => {
    expect(grantState({ granted: '2028-01-01', expires: '2028-02-29' }, '2028-02-29').state).toBe('current');
    expect(grantState({ granted: '2028-01-01', expires: '2028-02-29' }, '2028-03-01').state).toBe('expired');
  });
});

describe('a grant’s key and link', () => {
  const grant = { id: 'northwind', data: { email: 'priya@northwind.example', granted: '2026-07-01' } };

  it('is the same for the same secret and grant, and another for another secret, id, e-mail or day', () => {
    const key = grantKey(SECRET, grant);
    expect(key).toHaveLength(32);
    expect(grantKey(SECRET, grant).equals(key)).toBe(true);
    expect(grantKey(`${SECRET}!`, grant).equals(key)).toBe(false);
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

  it('carries the key in the fragment only, and names the files by a hash that does not contain it', () => {
    const key = grantKey(SECRET, grant);
    const link = new URL(grantLink('https://trust.example.org', key));
    expect(link.origin + link.pathname).toBe('https://trust.example.org/access/');
    expect(link.search).toBe('');
    expect(Buffer.from(new URLSearchParams(link.hash.slice(1)).get('k')!, 'base64url').equals(key)).toBe(true);
    const token = grantToken(key);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(token, 'base64url').toString('hex')).not.toContain(key.toString('hex').slice(0, 16));
  });

  it('needs a secret of at least 32 characters', () => {
    expect(secretState(undefined)).toBe('missing');
    expect(secretState('   ')).toBe('missing');
    expect(secretState('x'.repeat(31))).toBe('weak');
    expect(secretState('x'.repeat(32))).toBe('set');
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

  it('says that nothing is published without a secret, and refuses a secret too short to protect it', () => {
    const missing = findings(run(withGrant(), undefined), 'TB536');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning' });
    expect(missing[0]!.message).toMatch(/TRUSTBOOK_GRANT_SECRET is not set, so the 1 current grant publish nothing/);
    expect(findings(run(withGrant(), 'short'), 'TB537')[0]).toMatchObject({ severity: 'error' });
    // Only a current grant needs the secret: an expired one publishes nothing anyway.
    const expired = withGrant({ granted: '2026-01-01', expires: '2026-03-01' });
    expect(findings(run(expired, undefined), 'TB536')).toEqual([]);
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
