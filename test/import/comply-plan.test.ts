/** The comply mapping on files held in memory: what is written, skipped or left to a person. */
import { describe, expect, it } from 'vitest';
import { planComplyImport, type SourceText } from '../../src/import/comply.ts';

const sources = (files: Record<string, string>): SourceText[] =>
  Object.entries(files).map(([path, text]) => ({ path, text }));

const plan = (files: Record<string, string>, hasSystemDescription = true) =>
  planComplyImport('comply', sources(files), { hasSystemDescription });

describe('the comply mapping', () => {
  it('does not write ids of another standard as criteria, and says so', () => {
    const result = plan({
      'policies/keys.md': 'name: Keys\nsatisfies:\n  ISO27001:\n    - A.8.24\n  TSC:\n    - CC6.1\n---\nText.\n',
    });
    expect(result.files[0]!.text).toMatch(/criteria:\n {2}- CC6\.1\n---/);
    expect(result.decisions).toContainEqual(
      expect.objectContaining({
        topic: 'standard',
        file: 'policies/keys.mdx',
        message: expect.stringMatching(/`satisfies\.ISO27001` \(A\.8\.24\) is not the 2017 Trust Services Criteria/),
      }),
    );
  });

  it('leaves a narrative’s criteria to a person when none of its ids exists', () => {
    const result = plan({ 'narratives/x.md': 'name: X\nacronym: XN\nsatisfies:\n  TSC: [CC9.9]\n---\nText.\n' });
    expect(result.files[0]!.text).not.toContain('criteria');
    expect(result.decisions.filter((decision) => decision.topic === 'field').map((decision) => decision.field)).toEqual(
      ['criteria', 'owner', 'frequency'],
    );
  });

  it('skips a file whose header does not parse or is missing, naming why', () => {
    const result = plan({
      'policies/broken.md': 'name: [unclosed\n---\nText.\n',
      'policies/headless.md': '# Just text\n',
      'policies/fine.md': 'name: Fine\n---\nText.\n',
    });
    expect(result.files.map((file) => file.path)).toEqual(['policies/fine.mdx']);
    expect(result.decisions.filter((decision) => decision.topic === 'skipped')).toEqual([
      expect.objectContaining({ file: 'policies/broken.md', message: expect.stringContaining('does not parse') }),
      expect.objectContaining({ file: 'policies/headless.md', message: expect.stringContaining('no `---` line') }),
    ]);
  });

  it('reports every variable when comply.yml gives no name', () => {
    const result = plan({ 'policies/a.md': 'name: A\n---\nAt {{.Name}}.\n' });
    expect(result.files[0]!.text).toContain('At \\{\\{.Name}}.');
    expect(result.decisions).toContainEqual(
      expect.objectContaining({
        topic: 'variable',
        message: expect.stringContaining('`{{.Name}}` was not substituted'),
      }),
    );
  });

  it('writes one file per path and reports the second source that maps to it', () => {
    const result = plan({
      'procedures/a.md': 'id: same\nname: A\n---\nText.\n',
      'procedures/b.md': 'id: same\nname: B\n---\nText.\n',
    });
    expect(result.files.map((file) => file.path)).toEqual(['content/procedures/same.mdx']);
    expect(result.decisions).toContainEqual(expect.objectContaining({ topic: 'skipped', file: 'procedures/b.md' }));
  });

  it('hints at a required kind from the title, without writing it', () => {
    const result = plan({ 'policies/ir.md': 'name: Security Incident Response Policy\n---\nText.\n' });
    expect(result.files[0]!.text).not.toContain('kind');
    expect(result.notes).toContainEqual({
      file: 'policies/ir.mdx',
      message: expect.stringContaining('may be the required `incident-response` policy'),
    });
  });
});
