import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOptions } from '../../src/cli/check-options.ts';

const commands = join(import.meta.dirname, '../../src/cli/commands');

describe('the options every command checks a program with', () => {
  it('take the date from --as-of or TRUSTBOOK_AS_OF, and the secret and deploy flag from the environment', () => {
    const env = { TRUSTBOOK_AS_OF: '2026-07-15', TRUSTBOOK_GRANT_SECRET: 'tbs1-x', TRUSTBOOK_DEPLOY: '1' };
    expect(checkOptions({ env }, '2026-08-01')).toEqual({
      asOf: '2026-08-01',
      envAsOf: '2026-07-15',
      grantSecret: 'tbs1-x',
      deploy: true,
    });
    expect(checkOptions({ env: {} })).toEqual({
      asOf: undefined,
      envAsOf: undefined,
      grantSecret: undefined,
      deploy: false,
    });
  });

  it('are built by checkOptions in every command that checks a program, so no two commands judge it differently', () => {
    const calls = readdirSync(commands).flatMap((file) =>
      [...readFileSync(join(commands, file), 'utf8').matchAll(/checkProject\(([^;]*);/g)].map((match) => ({
        file,
        call: match[1]!,
      })),
    );
    expect(calls.length).toBeGreaterThanOrEqual(12);
    for (const { file, call } of calls) {
      expect(call, file).toContain('checkOptions(io');
      expect(call, file).not.toMatch(/envAsOf|grantSecret|deploy:/);
    }
  });
});
