import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject, type Diagnostic } from '../../src/engine/index.ts';
import { bodyTree } from '../../src/engine/body-tree.ts';
import { planComplyImport } from '../../src/import/comply.ts';
import { readComplySources } from '../../src/import/import-fs.ts';
import type { Decision } from '../../src/import/plan.ts';
import { validProgram, without, writeProgram, type Files } from '../helpers/program.ts';
import { runCli } from '../cli/run.ts';
import { complyProgram, TICKET_TOKEN, tempFolder, writeFolder } from './fixtures.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function setUp(program: Files = validProgram(), comply: Files = complyProgram()) {
  const source = writeFolder(comply, 'comply');
  const root = tempFolder('program');
  writeProgram(root, program);
  folders.push(source, root);
  return { source, root };
}

/** The body of a written MDX file: what follows the frontmatter. */
function bodyOf(text: string): string {
  return text.slice(text.indexOf('\n---\n', 4) + 5);
}

function errorsOf(root: string): Diagnostic[] {
  return checkProject(root).diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
}

/** A missing-field finding as `file field`, to compare with the report's field decisions. */
function missingField(diagnostic: Diagnostic): string {
  const field = /required field `([\w.]+)`/.exec(diagnostic.message)?.[1];
  return `${diagnostic.file} ${field}`;
}

/** The approval a policy awaits: not a missing field but a draft, which the check reports once the policy reads. */
const isApproval = (key: string) => / approved(_by)?$/.test(key);

const fieldKeys = (decisions: Decision[]) =>
  decisions.filter((decision) => decision.topic === 'field').map((decision) => `${decision.file} ${decision.field}`);

describe('trustbook import comply', () => {
  it('gives a program whose check reports exactly the fields the report leaves to a person', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'comply', source]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const plan = planComplyImport(source, readComplySources(source), { hasSystemDescription: true });
    const errors = errorsOf(root);
    // Nothing but missing fields: no parse error, no unknown criterion, no cascade from a half-read document.
    expect(errors.map((error) => error.code)).toEqual(errors.map(() => 'TB101'));
    const decided = fieldKeys(plan.decisions);
    expect(errors.map(missingField).sort()).toEqual(decided.filter((key) => !isApproval(key)).sort());
    // Once its owner is written, the policy reads, and the check says that nobody has approved it yet.
    const access = join(root, 'policies/access.mdx');
    writeFileSync(access, readFileSync(access, 'utf8').replace(/^version:/m, 'owner: security-lead\nversion:'));
    const afterOwner = errorsOf(root).filter((error) => error.file === 'policies/access.mdx');
    expect(afterOwner.filter((error) => error.code === 'TB214')).toHaveLength(1);
    expect(fieldKeys(plan.decisions).sort()).toEqual(
      [
        'content/controls/CEN.mdx frequency',
        'content/controls/CEN.mdx owner',
        'content/procedures/badge.mdx frequency',
        'content/procedures/badge.mdx owner',
        'content/procedures/offboard.mdx owner',
        'policies/access.mdx approved',
        'policies/access.mdx approved_by',
        'policies/access.mdx owner',
      ].sort(),
    );
    // The report printed is the one written beside the documents.
    expect(result.stdout).toContain(readFileSync(join(root, 'import-report.md'), 'utf8').trim());
  });

  it('writes known criteria normalised and reports the unknown one with the ids it may have meant', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'comply', source]);
    const policy = readFileSync(join(root, 'policies/access.mdx'), 'utf8');
    expect(policy).toMatch(/criteria:\n {2}- CC6\.1\n {2}- CC6\.2\n---/);
    expect(policy).not.toContain('CC9.9');
    expect(result.stdout).toMatch(
      /`CC9\.9` \(`satisfies\.TSC` in policies\/access\.md\) is not a 2017 Trust Services Criterion; not written: did you mean `CC9\.1` or `CC9\.2`\?/,
    );
  });

  it('never writes an approval, owner or date that comply does not record, and says so', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'comply', source]);
    const policy = readFileSync(join(root, 'policies/access.mdx'), 'utf8');
    expect(policy).not.toMatch(/^(owner|approved_by|approved|effective):/m);
    // The revision count is the version; its date is not taken for an approval.
    expect(policy).toContain('version: "1.0"');
    expect(policy).not.toContain('2025');
    expect(result.stdout).toContain('Nothing was made up');
    expect(result.stdout).toContain('- `policies/access.mdx`: `owner`, `approved_by`, `approved`');
  });

  it('substitutes comply.yml’s name and reports the variables it cannot fill', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'comply', source]);
    const policy = readFileSync(join(root, 'policies/access.mdx'), 'utf8');
    expect(policy).toContain('everyone at Harbor Lane Analytics who holds');
    expect(policy).toContain('set by Harbor Lane Analytics Compliance Program');
    expect(result.stdout).toContain('`{{.Stats.ProcedureOpen}}` was not substituted');
    for (const file of ['policies/access.mdx', 'content/controls/CEN.mdx']) {
      expect(readFileSync(join(root, file), 'utf8')).not.toContain('{{.Name}}');
    }
  });

  it('escapes what MDX cannot hold, so every written body parses with the build’s parser', async () => {
    const { source, root } = setUp(without(validProgram(), 'content/system-description.mdx'));
    await runCli(root, ['import', 'comply', source]);
    const written = [
      'policies/access.mdx',
      'content/procedures/offboard.mdx',
      'content/procedures/badge.mdx',
      'content/controls/CEN.mdx',
      'content/system-description.mdx',
    ];
    for (const file of written) {
      expect(bodyTree(bodyOf(readFileSync(join(root, file), 'utf8')), 1), file).toBeDefined();
    }
    const policy = readFileSync(join(root, 'policies/access.mdx'), 'utf8');
    expect(policy).toContain('x \\< y');
    expect(policy).toContain('\\{quarterly}');
    expect(policy).toContain('{/* Legal asked for the scope to stay short. */}');
    // Pandoc's lettered lists, nested four spaces deep, stay lists rather than turning into code.
    expect(policy).not.toContain('```');
    expect(policy).toMatch(/^1\. Access is granted/m);
    expect(policy).toMatch(/^ {3}1\. The reviewer signs the record\./m);
  });

  it('maps a plain cron schedule to a frequency and leaves an unscheduled procedure’s to a person', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'comply', source]);
    expect(readFileSync(join(root, 'content/procedures/offboard.mdx'), 'utf8')).toContain('frequency: monthly');
    expect(readFileSync(join(root, 'content/procedures/badge.mdx'), 'utf8')).not.toContain('frequency');
    expect(result.stdout).toContain('comply lets a procedure cite CC6.2; a Trustbook procedure cites none');
  });

  it('makes a narrative that cites criteria a control, and the others the system description when there is none', async () => {
    const { source, root } = setUp(without(validProgram(), 'content/system-description.mdx'));
    const result = await runCli(root, ['import', 'comply', source]);
    const control = readFileSync(join(root, 'content/controls/CEN.mdx'), 'utf8');
    expect(control).toMatch(
      /^id: CEN\ntitle: Control Environment Narrative\ncriteria:\n {2}- CC2\.1\n {2}- CC5\.3\n---/m,
    );
    // The narrative's own first heading repeats the title; the page shows the title already.
    expect(bodyOf(control).trim()).toBe('Harbor Lane Analytics runs its controls through a weekly operations review.');
    const description = readFileSync(join(root, 'content/system-description.mdx'), 'utf8');
    expect(description).toContain('## System Architecture Narrative\n\nHarbor Lane Analytics hosts');
    const errors = errorsOf(root).map(missingField);
    expect(errors).toEqual(
      expect.arrayContaining(['content/system-description.mdx owner', 'content/system-description.mdx reviewed']),
    );
    expect(result.stdout).toContain('write one `## DCn` section per description criterion');
  });

  it('skips a system narrative when the program has a description, and says why', async () => {
    const { source, root } = setUp();
    const result = await runCli(root, ['import', 'comply', source]);
    expect(result.stdout).toMatch(/`narratives\/system\.md`: skipped: it describes the system and cites no criteria/);
    expect(readFileSync(join(root, 'content/system-description.mdx'), 'utf8')).toBe(
      validProgram()['content/system-description.mdx'],
    );
  });

  it('copies nothing from comply.yml but its name', async () => {
    const { source, root } = setUp();
    await runCli(root, ['import', 'comply', source]);
    const written = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((path) => /\.(mdx|md)$/.test(path))
      .map((path) => readFileSync(join(root, path), 'utf8'));
    expect(written.some((text) => text.includes(TICKET_TOKEN))).toBe(false);
  });

  it('once the fields are filled in, what remains is what the report said would follow', async () => {
    // In content-only mode too (what `trustbook init` writes): the converted comments and escapes are not code.
    const program = validProgram();
    const { source, root } = setUp({
      ...program,
      'content/program.yaml': `${program['content/program.yaml']}content_only: true\n`,
    });
    await runCli(root, ['import', 'comply', source]);
    const fill = (file: string, fields: string) => {
      const path = join(root, file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\n---\n/, `\n${fields}\n---\n`));
    };
    fill(
      'policies/access.mdx',
      'owner: security-lead\napproved_by: ceo\napproved: 2026-03-01\neffective: 2026-03-01\nin_force_since: 2025-01-01',
    );
    fill('content/procedures/offboard.mdx', 'owner: security-lead');
    fill('content/procedures/badge.mdx', 'owner: security-lead\nfrequency: per-event');
    fill('content/controls/CEN.mdx', 'owner: security-lead\nfrequency: quarterly');
    const errors = errorsOf(root);
    // The report's "other decisions": the control's evidence series, and the template default left in the text.
    expect(errors.map((error) => `${error.code} ${error.file}`).sort()).toEqual([
      'TB321 policies/access.mdx',
      'TB401 content/controls/CEN.mdx',
    ]);
    const report = readFileSync(join(root, 'import-report.md'), 'utf8');
    expect(report).toContain('`policies/access.mdx`: `access@example.com` in the text is a template default');
    expect(report).toContain('`content/controls/CEN.mdx`: an implemented control needs an evidence series');
  });
});

describe('writing the import', () => {
  it('refuses to replace an existing file, names it, and writes nothing at all', async () => {
    const { source, root } = setUp({ ...validProgram(), 'policies/access.mdx': 'ours\n' });
    const result = await runCli(root, ['import', 'comply', source]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would replace 1 existing file(s): policies/access.mdx; nothing was written');
    expect(readFileSync(join(root, 'policies/access.mdx'), 'utf8')).toBe('ours\n');
    expect(existsSync(join(root, 'import-report.md'))).toBe(false);
    expect(existsSync(join(root, 'content/controls/CEN.mdx'))).toBe(false);
  });

  it('refuses a document whose id the program already uses under another file name', async () => {
    const program = validProgram();
    const { source, root } = setUp({
      ...program,
      'content/procedures/leavers.mdx': program['content/procedures/access-review.mdx']!.replace(
        'id: access-review',
        'id: offboard',
      ),
    });
    const result = await runCli(root, ['import', 'comply', source]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'the program already has a procedure with id `offboard` (imported as content/procedures/offboard.mdx)',
    );
    expect(existsSync(join(root, 'import-report.md'))).toBe(false);
  });

  it('counts a dangling symbolic link as an existing file', async () => {
    const { source, root } = setUp();
    const elsewhere = tempFolder('elsewhere');
    folders.push(elsewhere);
    symlinkSync(join(elsewhere, 'not-yet.mdx'), join(root, 'policies/access.mdx'));
    const result = await runCli(root, ['import', 'comply', source]);
    expect(result.code).toBe(2);
    expect(existsSync(join(elsewhere, 'not-yet.mdx'))).toBe(false);
  });

  it('refuses a folder that links out of the output folder', async () => {
    const { source } = setUp();
    const out = tempFolder('out');
    const elsewhere = tempFolder('elsewhere');
    folders.push(out, elsewhere);
    symlinkSync(elsewhere, join(out, 'policies'));
    const result = await runCli(out, ['import', 'comply', source, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would write outside');
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('writes into --out and still refuses a file the program at --root holds', async () => {
    const { source, root } = setUp();
    const out = join(tempFolder('out'), 'staging');
    folders.push(out);
    const staged = await runCli(root, ['import', 'comply', source, '--out', out]);
    expect(staged.code).toBe(0);
    expect(existsSync(join(out, 'policies/access.mdx'))).toBe(true);
    expect(existsSync(join(root, 'policies/access.mdx'))).toBe(false);

    mkdirSync(join(root, 'content/controls'), { recursive: true });
    writeFileSync(join(root, 'content/controls/CEN.mdx'), 'ours\n');
    const again = await runCli(root, ['import', 'comply', source, '--out', tempFolder('out2')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('content/controls/CEN.mdx (in the program)');
  });

  it('says plainly when the folder is no comply program', async () => {
    const empty = tempFolder('empty');
    folders.push(empty);
    const result = await runCli(empty, ['import', 'comply', empty]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds no comply program');
  });
});
