import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { grantKey } from '../../src/engine/grants.ts';
import { checkProject } from '../../src/engine/index.ts';
import { ndaVersion, withGrant } from '../helpers/grants.ts';
import { writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

const SECRET = 'a-test-secret-of-more-than-thirty-two-characters';
const env = { TRUSTBOOK_AS_OF: '2026-07-15', TRUSTBOOK_GRANT_SECRET: SECRET };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-grant-'));
  writeProgram(root, { ...withGrant(), 'content/trust/files/report.pdf': '%PDF-1.7\n' });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const add = (...args: string[]) =>
  runCli(root, ['grant', 'add', '--name', 'Dana Ito', '--email', 'dana@harbor.example', ...args], env);

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
    });
    const link = /https:\/\/\S+/.exec(stdout)![0];
    expect(link.startsWith('https://test.example/access/#k=')).toBe(true);
    const grant = checkProject(root, { envAsOf: env.TRUSTBOOK_AS_OF }).model.grants.find(
      (candidate) => candidate.id === 'harbor-dental-inc-2026-07',
    )!;
    expect(Buffer.from(link.split('#k=')[1]!, 'base64url').equals(grantKey(SECRET, grant))).toBe(true);
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

  it('refuses, writing nothing, without a secret, for a public document, or with a bad address', async () => {
    const noSecret = await runCli(
      root,
      ['grant', 'add', '--name', 'A', '--email', 'a@b.example', '--organization', 'B'],
      { TRUSTBOOK_AS_OF: '2026-07-15' },
    );
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toMatch(/TRUSTBOOK_GRANT_SECRET is not set/);
    const publicDocument = await add('--organization', 'Harbor', '--documents', 'summary');
    expect(publicDocument.code).toBe(2);
    expect(publicDocument.stderr).toMatch(/"summary" is not a document under NDA the trust center can give/);
    const badAddress = await runCli(
      root,
      ['grant', 'add', '--name', 'A', '--email', 'not-an-address', '--organization', 'B'],
      env,
    );
    expect(badAddress.code).toBe(2);
    expect(badAddress.stderr).toMatch(/email/);
    const grants = checkProject(root, { envAsOf: env.TRUSTBOOK_AS_OF }).model.grants.map((grant) => grant.id);
    expect(grants).toEqual(['northwind']);
  });
});
