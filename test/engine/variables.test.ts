import { describe, expect, it } from 'vitest';
import { siteBrand } from '../../src/site/brand.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

const POLICY = 'policies/information-security.mdx';
const PROGRAM = 'content/program.yaml';
const RECORD = '.trustbook-sync/sync.yaml';

/** The test program as a workspace client whose sync record holds these answers (and, when given, a partner). */
function client(answers: Record<string, string>, partner = ''): Files {
  const lines = Object.entries(answers).map(([name, value]) => `  ${name}: ${JSON.stringify(value)}\n`);
  return {
    ...validProgram(),
    [RECORD]: `layers:\n  - { name: Baseline, version: '1' }\nsynced: '2026-07-01'\n${
      lines.length > 0 ? `answers:\n${lines.join('')}` : ''
    }${partner}`,
  };
}

const withBody = (files: Files, text: string): Files =>
  edit(files, POLICY, 'The information-security policy of the test company.', text);

describe('variables bound at build time (<Var name="…" />)', () => {
  it('accepts a variable the sync record answers, in a program that allows code and in a content-only one', () => {
    const files = withBody(client({ ticketing: 'Linear' }), 'Tickets live in <Var name="ticketing" />.');
    expect(check(files).diagnostics.filter((found) => found.severity === 'error')).toEqual([]);
    const contentOnly = edit(files, PROGRAM, 'warn_within_days: 30', 'warn_within_days: 30\ncontent_only: true');
    expect(check(contentOnly).diagnostics.filter((found) => found.severity === 'error')).toEqual([]);
  });

  it('names a variable the record does not answer (TB030) at its line, listing the ones it has', () => {
    const files = withBody(client({ organization: 'Acme' }), 'Tickets live in\n<Var name="ticketing" />.');
    const [found] = findings(check(files), 'TB030');
    expect(found).toMatchObject({ file: POLICY, line: 15, severity: 'error' });
    expect(found!.message).toContain(
      'reads the variable ticketing, which has no value in this program (it has organization)',
    );
  });

  it("leaves the <Var> of a program whose sync record does not read to that record's own finding", () => {
    const files = withBody(client({ ticketing: 'Linear' }), 'Tickets live in <Var name="ticketing" />.');
    files[RECORD] = files[RECORD]!.replace("synced: '2026-07-01'", "synced: 'someday'");
    const result = check(files);
    expect(result.diagnostics.filter((found) => found.file === RECORD)).toHaveLength(1);
    expect(findings(result, 'TB030')).toEqual([]);
  });

  it('reports every <Var> of a program outside a workspace, which has no values at all', () => {
    const files = withBody(validProgram(), 'At <Var name="organization" />.');
    expect(findings(check(files), 'TB030').map((found) => found.message)).toEqual([
      expect.stringContaining('(it has none)'),
    ]);
  });

  it.each([
    ['<Var />', 'has no `name`'],
    ['<Var name="ticketing" fallback="Jira" />', 'takes only `name`, and has `fallback`'],
    ['<Var name="Ticketing" />', 'is not a variable name'],
    ['<Var name="ticketing">Jira</Var>', 'has content'],
    ['<Var name={"ticketing"} />', 'computes an attribute with `{…}`'],
  ])('refuses %s as a form the build does not render (TB031)', (written, problem) => {
    const files = withBody(client({ ticketing: 'Linear' }), `Tickets live in ${written}.`);
    const found = findings(check(files), 'TB031');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: POLICY, line: 14 });
    expect(found[0]!.message).toContain(problem);
    expect(findings(check(files), 'TB014')).toEqual([]);
  });

  it('leaves a computed name in a content-only body to the content-only rule: one finding', () => {
    const files = edit(
      withBody(client({ ticketing: 'Linear' }), 'Tickets live in <Var name={"ticketing"} />.'),
      PROGRAM,
      'warn_within_days: 30',
      'warn_within_days: 30\ncontent_only: true',
    );
    const codes = check(files)
      .diagnostics.filter((found) => found.line === 14)
      .map((found) => found.code);
    expect(codes).toEqual(['TB009']);
  });

  it('refuses <Var> in a Markdown body (.md), which the build renders as HTML and never resolves (TB031)', () => {
    const files = client({});
    files['policies/notes.md'] = files[POLICY]!.replace('id: information-security', 'id: notes')
      .replace('kind: information-security\n', '')
      .replace('The information-security policy of the test company.', 'Written <Var name="nothing" /> here.');
    const result = check(files);
    expect(findings(result, 'TB030')).toEqual([]);
    expect(findings(result, 'TB031')).toMatchObject([{ file: 'policies/notes.md', line: 13 }]);
    expect(findings(result, 'TB031')[0]!.message).toContain('is in a Markdown (.md) body');
  });
});

describe('the partner\'s "managed by" line (brand.managed_by)', () => {
  const partner = 'partner:\n  name: Northwind Partners\n  url: https://northwind.example\n';
  const managed = (files: Files, value: string) =>
    edit(files, PROGRAM, 'warn_within_days: 30', `warn_within_days: 30\nbrand:\n  managed_by: ${value}`);

  it('shows the partner the sync record names, linked to its https address', () => {
    const result = check(managed(client({}, partner), 'true'));
    expect(findings(result, 'TB033')).toEqual([]);
    expect(siteBrand(result).managedBy).toEqual({ name: 'Northwind Partners', url: 'https://northwind.example' });
  });

  it('shows nothing when the client opts out, though its record names the partner', () => {
    expect(siteBrand(check(managed(client({}, partner), 'false'))).managedBy).toBeUndefined();
    expect(siteBrand(check(client({}, partner))).managedBy).toBeUndefined();
  });

  it('refuses the line in a program with no partner to name (TB033), at the field', () => {
    const result = check(managed(client({}), 'true'));
    expect(findings(result, 'TB033')).toMatchObject([{ file: PROGRAM, line: 13, severity: 'error' }]);
    expect(siteBrand(result).managedBy).toBeUndefined();
  });

  it('refuses a record whose partner link is not https, at its line', () => {
    const result = check(managed(client({}, partner.replace('https:', 'http:')), 'true'));
    const found = result.diagnostics.filter((diagnostic) => diagnostic.file === RECORD);
    expect(found).toMatchObject([{ line: 6, severity: 'error' }]);
    expect(found[0]!.message).toMatch(/https/);
    // One broken thing, one finding: not also "no partner" for the line that asks for one.
    expect(findings(result, 'TB033')).toEqual([]);
  });
});
