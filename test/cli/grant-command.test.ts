import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { grantKey } from '../../src/engine/grants.ts';
import { checkProject } from '../../src/engine/index.ts';
import { ndaVersion, withGrant, TEST_SECRET } from '../helpers/grants.ts';
import { writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

const SECRET = TEST_SECRET;
const env = { TRUSTBOOK_AS_OF: '2026-07-15', TRUSTBOOK_GRANT_SECRET: SECRET };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-grant-'));
  writeProgram(root, { ...withGrant(), 'content/trust/files/report.pdf': '%PDF-1.7\n' });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const add = (...args: string[]) =>
  runCli(
    root,
    ['grant', 'add', '--name', 'Dana Ito', '--email', 'dana@harbor.example', '--nda-version', ndaVersion, ...args],
    env,
  );

describe('trustbook grant add', () => {
  it('writes a grant of every document under NDA for 90 days, with the NDA in effect, and prints its link', async () => {
    const { code, stdout, stderr } = await add('--organization', 'Harbor Dental, Inc.');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const file = join(root, 'content/trust/grants/harbor-dental-inc-2026-07.yaml');
    expect(parse(readFileSync(file, 'utf8'))).toEqual({
      name: 'Dana Ito',
      email: 'dana@harbor.example',
      organization: 'Harbor Dental, Inc.',
      // The document kept elsewhere (url:) cannot be encrypted, so it is not offered.
      documents: ['soc2-report'],
      nda_version: ndaVersion,
      granted: '2026-07-15',
      expires: '2026-10-13',
      salt: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
    });
    expect(stdout).toMatch(/The link is a key: whoever holds it can open the documents/);
    expect(stdout).not.toMatch(/never reaches a server/);
    const link = /https:\/\/\S+/.exec(stdout)![0];
    expect(link.startsWith('https://test.example/access/#v=2&k=')).toBe(true);
    const grant = checkProject(root, { envAsOf: env.TRUSTBOOK_AS_OF }).model.grants.find(
      (candidate) => candidate.id === 'harbor-dental-inc-2026-07',
    )!;
    expect(Buffer.from(link.split('&k=')[1]!, 'base64url').equals(grantKey(SECRET, grant))).toBe(true);
    // `grant link` prints the same link again.
    const again = await runCli(root, ['grant', 'link', 'harbor-dental-inc-2026-07'], env);
    expect(again.stdout).toBe(link);
  });

  it('never overwrites a grant: a second one for the same organization and month gets a file of its own', async () => {
    await add('--organization', 'Harbor Dental');
    const second = await add('--organization', 'Harbor Dental', '--expires', '2026-08-31');
    expect(second.code).toBe(0);
    expect(parse(readFileSync(join(root, 'content/trust/grants/harbor-dental-2026-07-2.yaml'), 'utf8'))).toMatchObject({
      expires: '2026-08-31',
    });
    expect(checkProject(root, { envAsOf: env.TRUSTBOOK_AS_OF, grantSecret: SECRET }).summary.errors).toBe(0);
  });

  it('records the NDA version the requester accepted, and refuses one that is not the text in effect', async () => {
    const prefix = await add('--organization', 'Harbor', '--nda-version', ndaVersion.slice(0, 12));
    expect(prefix.code).toBe(0);
    const other = await runCli(
      root,
      [
        'grant',
        'add',
        '--name',
        'A',
        '--email',
        'a@b.example',
        '--organization',
        'B',
        '--nda-version',
        'ab'.repeat(32),
      ],
      env,
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain(
      `the requester accepted the NDA version ${'ab'.repeat(32)}, but the text in effect on 2026-07-15 is ${ndaVersion.slice(0, 12)}… (Mutual NDA)`,
    );
    const none = await runCli(
      root,
      ['grant', 'add', '--name', 'A', '--email', 'a@b.example', '--organization', 'B'],
      env,
    );
    expect(none.stderr).toMatch(/grant add needs --nda-version/);
    const ids = checkProject(root, { envAsOf: env.TRUSTBOOK_AS_OF }).model.grants.map((grant) => grant.id);
    expect(ids.sort()).toEqual(['harbor-2026-07', 'northwind']);
  });

  it('refuses, writing nothing, without a secret, for a public document, a bad address or a term already over', async () => {
    const noSecret = await runCli(
      root,
      ['grant', 'add', '--name', 'A', '--email', 'a@b.example', '--organization', 'B', '--nda-version', ndaVersion],
      { TRUSTBOOK_AS_OF: '2026-07-15' },
    );
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/TRUSTBOOK_GRANT_SECRET is not set/);
    const publicDocument = await add('--organization', 'Harbor', '--documents', 'summary');
    expect(publicDocument.code).toBe(2);
    expect(publicDocument.stderr).toMatch(/"summary" is not a document under NDA the trust center can give/);
    const badAddress = await runCli(
      root,
      ['grant', 'add', '--name', 'A', '--email', 'not-an-address', '--organization', 'B', '--nda-version', ndaVersion],
      env,
    );
    expect(badAddress.code).toBe(2);
    expect(badAddress.stderr).toMatch(/email/);
    // Checked on 2026-07-15: a grant that ended the day before opens nothing; one ending that day still does.
    const ended = await add('--organization', 'Late', '--granted', '2026-06-01', '--expires', '2026-07-14');
    expect(ended).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/would have ended on 2026-07-14, before today/),
    });
    const pastDays = await add('--organization', 'Late', '--granted', '2026-06-01', '--days', '30');
    expect(pastDays).toMatchObject({ code: 2, stderr: expect.stringMatching(/ended on 2026-07-01/) });
    const grants = checkProject(root, { envAsOf: env.TRUSTBOOK_AS_OF }).model.grants.map((grant) => grant.id);
    expect(grants).toEqual(['northwind']);
  });
});

describe('the rest of a grant’s life', () => {
  it('revokes a grant: a record in its file, and no link for it any more', async () => {
    const revoked = await runCli(root, ['grant', 'revoke', 'northwind', '--reason', 'Left Northwind'], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/^Revoked northwind \(Priya Raman, Northwind Clinics\) as of 2026-07-15/);
    const file = parse(readFileSync(join(root, 'content/trust/grants/northwind.yaml'), 'utf8'));
    expect(file).toMatchObject({ revoked: '2026-07-15', revoked_reason: 'Left Northwind', name: 'Priya Raman' });
    const link = await runCli(root, ['grant', 'link', 'northwind'], env);
    expect(link.code).toBe(2);
    expect(link.stderr).toMatch(/was revoked on 2026-07-15/);
    expect((await runCli(root, ['grant', 'revoke', 'northwind'], env)).stderr).toMatch(/revoked on 2026-07-15 already/);
  });

  it('rekeys a grant: a new salt, a new link, and the old one different', async () => {
    const before = (await runCli(root, ['grant', 'link', 'northwind'], env)).stdout;
    const rekeyed = await runCli(root, ['grant', 'rekey', 'northwind'], env);
    expect(rekeyed.code).toBe(0);
    const after = /https:\/\/\S+/.exec(rekeyed.stdout)![0];
    expect(after).not.toBe(before);
    expect((await runCli(root, ['grant', 'link', 'northwind'], env)).stdout).toBe(after);
    expect(readFileSync(join(root, 'content/trust/grants/northwind.yaml'), 'utf8')).toMatch(/^name: Priya Raman$/m);
  });

  it('prints a generated secret that the check accepts, and refuses a phrase', async () => {
    const printed = await runCli(root, ['grant', 'secret'], {});
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/^tbgs1_[A-Za-z0-9_-]{43}$/);
    expect(checkProject(root, { envAsOf: env.TRUSTBOOK_AS_OF, grantSecret: printed.stdout }).summary.errors).toBe(0);
    const phrase = await runCli(root, ['grant', 'link', 'northwind'], {
      ...env,
      TRUSTBOOK_GRANT_SECRET: 'our-trust-center-secret-for-grants-2026',
    });
    expect(phrase.code).toBe(2);
    expect(phrase.stderr).toMatch(/is not a generated secret/);
  });
});
