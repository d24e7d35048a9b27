/** Names a body uses that the build cannot resolve: what passes the check must render (TB013, TB014). */
import { describe, expect, it } from 'vitest';
import { freeNames, unresolvedNames } from '../../src/engine/body-names.ts';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const names = (body: string) => unresolvedNames(body, 1).map(({ name, use }) => `${use} ${name}`);

describe('names in a body that nothing defines', () => {
  it('reports a variable an expression reads, on its line in the file', () => {
    expect(unresolvedNames('Intro.\n\nCopyright {year}.\n', 20)).toEqual([
      { line: 22, name: 'year', where: '{year}', use: 'expression' },
    ]);
  });

  it('accepts what the build gives every body: frontmatter, props, JavaScript globals, and typeof of anything', () => {
    expect(
      names('{frontmatter.title} {props.x} {Math.max(1, 2)} {new Date(0).getFullYear()} {typeof later}\n'),
    ).toEqual([]);
  });

  it('accepts what the body itself imports or exports', () => {
    const body =
      "import Chart from './chart.js'\nexport const year = 2026\nexport function f() {}\n\n{year} {f()} <Chart />\n";
    expect(names(body)).toEqual([]);
  });

  it('counts parameters and variables as defined, and property names and keys as no reads', () => {
    expect(freeNames('[1, 2].map((n, { i = fallback }) => n + i + other)')).toEqual(['fallback', 'other']);
    expect(freeNames('({ key: value, short }).key.deeper[index]')).toEqual(['value', 'short', 'index']);
    expect(freeNames('/* only a comment */')).toEqual([]);
    // Not JavaScript the check can read (JSX inside braces): left to the build rather than guessed at.
    expect(freeNames('<b>bold</b>')).toEqual([]);
  });

  it('reads attribute expressions and spreads, and components the body is not given', () => {
    expect(
      names('<Check control={id} />\n\n<Todo {...rest}>x</Todo>\n\n<Chart />\n\n<ui.Box />\n\n<div>html</div>\n'),
    ).toEqual(['expression id', 'expression rest', 'component Chart', 'component ui']);
  });

  it('is raised by the check with file and line, except in a content-only program (TB009 says it there)', () => {
    const files = edit(validProgram(), 'policies/acceptable-use.mdx', 'test company.', 'test company, {year}.');
    const [found] = findings(check(files), 'TB013');
    expect(found).toMatchObject({ severity: 'error', file: 'policies/acceptable-use.mdx', line: 14 });
    expect(found!.message).toBe(
      '`{year}` reads `year`, which nothing defines when the page is built: the build would stop on this page with "year is not defined"',
    );
    const contentOnly = edit(
      files,
      'content/program.yaml',
      'warn_within_days: 30',
      'warn_within_days: 30\ncontent_only: true',
    );
    expect(findings(check(contentOnly), 'TB013')).toEqual([]);
    expect(findings(check(contentOnly), 'TB009')).toHaveLength(1);
  });
});
