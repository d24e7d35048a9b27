import { describe, expect, it } from 'vitest';
import { bodyTree, textOf } from '../../src/engine/body-tree.ts';
import { mapCriteria, normaliseCriterionId } from '../../src/import/criteria-map.ts';
import { frequencyFromCron } from '../../src/import/cron-frequency.ts';
import { markdownToMdx } from '../../src/import/markdown-to-mdx.ts';
import { pandocListsToCommonMark } from '../../src/import/pandoc-lists.ts';
import { complyVariables, substituteVariables } from '../../src/import/template-variables.ts';
import { splitComplyFile } from '../../src/import/comply.ts';

describe('criteria from other tools', () => {
  it('normalises case, spacing, prefixes and leading zeros', () => {
    expect(['cc6.1', ' CC 6.1 ', 'TSC-CC6.1', 'CC6.01'].map(normaliseCriterionId)).toEqual([
      'CC6.1',
      'CC6.1',
      'CC6.1',
      'CC6.1',
    ]);
  });

  it('keeps known ids once and offers the series for an unknown one', () => {
    expect(mapCriteria(['CC6.1', 'cc6.1', 'A1.4'])).toEqual({
      known: ['CC6.1'],
      unknown: [{ written: 'A1.4', suggestions: ['A1.1', 'A1.2', 'A1.3'] }],
    });
  });
});

describe('comply schedules as frequencies', () => {
  it.each([
    ['0 0 9 * * *', 'daily'],
    ['0 9 * * 1', 'weekly'],
    ['0 0 0 15 * *', 'monthly'],
    ['0 0 1 1,4,7,10 *', 'quarterly'],
    ['0 0 1 */3 *', 'quarterly'],
    ['0 0 1 1,7 *', 'semiannual'],
    ['0 0 0 15 4 *', 'annual'],
    ['@yearly', 'annual'],
  ])('%s is %s', (cron, frequency) => {
    expect(frequencyFromCron(cron)).toBe(frequency);
  });

  it.each([['*/15 * * * *'], ['0 * * * *'], ['0 0 1 1,2,3 *'], ['0 0 1-7 * 1'], ['not a schedule']])(
    '%s names no single frequency',
    (cron) => {
      expect(frequencyFromCron(cron)).toBeUndefined();
    },
  );
});

describe('comply files and templates', () => {
  it('splits the YAML header from the text with or without a leading ---', () => {
    expect(splitComplyFile('name: A\n---\n# Body\n--- not a split\n')).toEqual({
      yaml: 'name: A',
      body: '# Body\n--- not a split\n',
    });
    expect(splitComplyFile('---\nname: A\n---\nBody')).toEqual({ yaml: 'name: A', body: 'Body' });
    expect(splitComplyFile('no header at all')).toBeUndefined();
  });

  it('fills what comply.yml gives and leaves the rest as written', () => {
    const values = complyVariables('Acme');
    expect(
      substituteVariables('{{.Name}} / {{ .Project.Name }} / {{- .Name -}} / {{range .Policies}}', values),
    ).toEqual({
      text: 'Acme / Acme Compliance Program / Acme / {{range .Policies}}',
      unresolved: ['{{range .Policies}}'],
    });
    expect(substituteVariables('{{.Name}}', complyVariables(undefined)).unresolved).toEqual(['{{.Name}}']);
  });

  it('turns pandoc lettered lists into numbered ones only where a list can start', () => {
    const text =
      'Intro line\na. not a list: it continues the paragraph\n\na. first\n\n    i. nested\nb. second\n\n```\na. in code\n```\n';
    const { text: converted, converted: count } = pandocListsToCommonMark(text);
    expect(count).toBe(3);
    expect(converted).toContain('Intro line\na. not a list');
    expect(converted).toContain('\n1. first\n\n    1. nested\n1. second\n');
    expect(converted).toContain('```\na. in code\n```');
  });
});

describe('Markdown to MDX', () => {
  it.each([
    ['a bare <', 'a < b'],
    ['a bare {', 'a {b} c'],
    ['a placeholder in angle brackets', 'mail <insert address here> now'],
    ['an HTML comment', '<!-- note --> text\n\n<!--\nblock\n-->'],
    ['a comment closing early', '<!-- a */ b -->'],
    ['raw HTML blocks', '<div class="x">\n\n*hi*\n\n</div>\n\n<table><tr><td>1</td></tr></table>'],
    ['a line break', 'one<br>two<br/>three'],
    ['a template variable', 'Hello {{.Name}} and {{range .X}}{{end}}'],
    ['an unclosed tag', 'text <span>'],
  ])('%s comes out parseable by the build', (_, markdown) => {
    const { body } = markdownToMdx(markdown);
    expect(bodyTree(body, 1)).toBeDefined();
  });

  it('keeps prose that starts with import or export as prose, never as code', () => {
    const { body } = markdownToMdx('export the CSV weekly\n\n- import logs from the vault\n\nexport const x = 1');
    const tree = bodyTree(body, 1);
    expect(tree?.children?.map((node) => node.type)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(tree && textOf(tree)).toContain('export the CSV weekly');
  });

  it('moves headings so the shallowest is a section of the page', () => {
    expect(markdownToMdx('# A\n\n### B\n').body).toBe('## A\n\n#### B\n');
    expect(markdownToMdx('## A\n', { topDepth: 3 }).body).toBe('### A\n');
  });
});
