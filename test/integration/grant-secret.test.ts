/** The grant secret leaves the environment once read, and may not sit in a file Vite reads into import.meta.env. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { envFilesWithSecret, takeGrantSecret } from '../../src/integration/grant-secret.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-env-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the grant secret in the build’s process', () => {
  it('is taken out of the environment when read, and the value read first is kept for later calls', () => {
    const env: NodeJS.ProcessEnv = { TRUSTBOOK_GRANT_SECRET: 'tbgs1_first', PATH: '/usr/bin' };
    expect(takeGrantSecret(env)).toBe('tbgs1_first');
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(takeGrantSecret(env)).toBe('tbgs1_first');
  });

  it('is found in a .env file, quoted, exported or not, and not in a comment or another name', () => {
    writeFileSync(join(root, '.env'), '# TRUSTBOOK_GRANT_SECRET=in a comment\nOTHER_TRUSTBOOK_GRANT_SECRET=x\n');
    expect(envFilesWithSecret(root)).toEqual([]);
    writeFileSync(join(root, '.env.production'), 'export TRUSTBOOK_GRANT_SECRET="tbgs1_leaked"\n');
    writeFileSync(join(root, '.env.local'), 'A=1\n  TRUSTBOOK_GRANT_SECRET = tbgs1_leaked\n');
    expect(envFilesWithSecret(root)).toEqual(['.env.local', '.env.production']);
  });
});
