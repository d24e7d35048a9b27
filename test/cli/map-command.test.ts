import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findFrameworkRequirement } from '../../src/catalog/index.ts';
import { edit, validProgram, writeProgram } from '../helpers/program.ts';
import { runCli } from './run.ts';

const repository = resolve(import.meta.dirname, '../..');

interface SuggestOutput {
  to: string;
  note: string;
  controls: {
    id: string;
    criteria: string[];
    cited: string[];
    suggestions: { target: string; relationship: string; paths: { criterion: string; source: string }[] }[];
  }[];
}

/** Every file of a folder with its text (the parse cache aside), to show a command left them as they were. */
function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.parentPath.includes('.trustbook/cache'))
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [path, readFileSync(path, 'utf8')];
      }),
  );
}

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

describe('trustbook map suggest on the sample program', () => {
  it.each(['iso27001', 'csf'] as const)(
    'proposes %s citations for every control, each a requirement of the catalog reached from its criteria',
    async (to) => {
      const { code, stdout } = await runCli(repository, ['map', 'suggest', '--to', to, '--format', 'json']);
      expect(code).toBe(0);
      const output = JSON.parse(stdout) as SuggestOutput;
      const files = readdirSync(join(repository, 'content/controls')).filter((name) => name.endsWith('.mdx'));
      expect(output.controls).toHaveLength(files.length);
      const suggestions = output.controls.flatMap((control) => control.suggestions.map((s) => ({ control, s })));
      expect(suggestions.length).toBeGreaterThan(files.length);
      expect(suggestions.filter(({ s }) => !findFrameworkRequirement(to, s.target))).toEqual([]);
      expect(
        suggestions.filter(({ control, s }) => !s.paths.every((path) => control.criteria.includes(path.criterion))),
      ).toEqual([]);
      expect(output.note).toMatch(/never from a mapping/);
    },
  );

  it('prints a plain-text proposal that says it is one and that coverage never comes from it', async () => {
    const { stdout } = await runCli(repository, ['map', 'suggest', '--to', 'iso27001']);
    expect(stdout).toMatch(/^ISO\/IEC 27001:2022 citations \(`iso:`\)/);
    expect(stdout).toContain('A proposal for a person to confirm: nothing was written.');
    expect(stdout).toMatch(
      /\nAC-01 {2}.*\(content\/controls\/AC-01\.mdx\)\n {2}criteria: CC6\.1; already cites: A\.5\.16, A\.5\.17, A\.8\.5\n/,
    );
    // What the sample's AC-01 cites is not proposed again.
    const ac01 = stdout.split('\n\n').find((block) => block.startsWith('AC-01 '))!;
    expect(ac01).not.toMatch(/\n {2}A\.5\.16 /);
    expect(stdout).toMatch(
      / {2}A\.5\.15 {2}Rules for access to information and assets\n {6}intersects-with from CC6\.1: /,
    );
  });
});

describe('trustbook map suggest', () => {
  it('writes nothing to the program', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-map-'));
    writeProgram(root, validProgram());
    const before = snapshot(root);
    expect((await runCli(root, ['map', 'suggest', '--to', 'iso27001'])).code).toBe(0);
    expect(snapshot(root)).toEqual(before);
  });

  it("leaves out what a control already cites under the framework's key, whether or not the schema knows the key", async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-map-'));
    writeProgram(
      root,
      edit(
        validProgram(),
        'content/controls/BASE-01.mdx',
        'owner: security-lead\n',
        'owner: security-lead\niso: [A.5.25, 9.3.1]\n',
      ),
    );
    const { stdout } = await runCli(root, ['map', 'suggest', '--to', 'iso27001', '--format', 'json']);
    const base = (JSON.parse(stdout) as SuggestOutput).controls.find((control) => control.id === 'BASE-01')!;
    expect(base.cited).toEqual(['A.5.25', '9.3.1']);
    const targets = base.suggestions.map((s) => s.target);
    expect(targets).not.toContain('A.5.25');
    expect(targets).not.toContain('9.3.1');
    expect(targets).toContain('A.6.8');
  });

  it('refuses an unknown target, and a missing one, as a usage error', async () => {
    expect((await runCli(repository, ['map', 'suggest', '--to', 'hipaa'])).code).toBe(2);
    const missing = await runCli(repository, ['map', 'suggest']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--to iso27001 or --to csf');
    expect((await runCli(repository, ['map'])).code).toBe(2);
  });

  it('refuses a folder without a program', async () => {
    root = mkdtempSync(join(tmpdir(), 'trustbook-map-'));
    const { code, stderr } = await runCli(root, ['map', 'suggest', '--to', 'csf']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/holds no Trustbook program/);
  });
});
