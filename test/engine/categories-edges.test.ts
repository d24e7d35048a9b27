/**
 * The categories rule called directly, at its edges: the privacy notice (TB331) and processing specifications
 * (TB332) in force on the evaluation date itself and not the day before, a draft counting as in force, a policy
 * file that does not parse, and TB333 for one control claiming every criterion of one or two categories, never of
 * security, and not for a control that is planned.
 */
import { describe, expect, it } from 'vitest';
import { criteriaOf, type Category } from '../../src/catalog/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { emptyModel } from '../../src/engine/model.ts';
import { categoriesRule } from '../../src/engine/rules/categories.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const PROGRAM = 'content/program.yaml';

const inScope = (scope: string) => ({ [PROGRAM]: programYaml().replace('scope: [security]', `scope: [${scope}]`) });

const policy = (criteria: string, dates = 'approved_by: ceo\napproved: 2026-03-01\neffective: 2026-03-01\n') =>
  `---\ntitle: Notice\nversion: "1"\nowner: engineer\n${dates}criteria: [${criteria}]\n---\n\nWhat we tell people.\n`;

const control = (criteria: readonly string[], status = 'implemented') =>
  `---\nid: C-1\ntitle: Everything\ncriteria: [${criteria.join(', ')}]\nowner: engineer\nfrequency: annual\nstatus: ${status}\n---\n\nIt runs.\n`;

const ids = (category: Category) => criteriaOf(category).map((criterion) => criterion.id);

const run = (files: Record<string, string>, asOf = '2026-07-15', broken: string[] = []) =>
  categoriesRule(smallModel(files, broken), ruleContext(asOf));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('the documents a category in scope needs', () => {
  it('reports the privacy notice and the processing specifications missing, each on the `scope` line', () => {
    const found = run(inScope('security, privacy, processing-integrity'));
    expect(described(found)).toEqual([
      'error TB331 content/program.yaml:5 program/privacy: Privacy is in scope, but no policy in force addresses P1.1: the privacy notice and commitments are missing',
      'error TB332 content/program.yaml:5 program/processing-integrity: Processing integrity is in scope, but no policy in force addresses PI1.1: the processing specifications are missing',
    ]);
    expect(found.map((d) => d.hint)).toEqual([
      'Write the privacy notice and commitments as a policy with `criteria: [P1.1]` (and publish what customers and data subjects must read), or take privacy out of scope.',
      'Write the processing specifications as a policy with `criteria: [PI1.1]` (and publish what customers and data subjects must read), or take processing-integrity out of scope.',
    ]);
  });

  it('counts a policy from the day it takes effect: on the evaluation date itself, not the day after', () => {
    const files = { ...inScope('security, privacy'), 'policies/notice.mdx': policy('P1.1') };
    expect(run(files, '2026-03-01')).toEqual([]);
    expect(described(run(files, '2026-02-28')).map((line) => line.slice(0, 11))).toEqual(['error TB331']);
  });

  it('counts a draft (its own finding says it awaits approval), and only a policy addressing that criterion', () => {
    expect(run({ ...inScope('security, privacy'), 'policies/notice.mdx': policy('P1.1', '') })).toEqual([]);
    const other = { ...inScope('security, privacy'), 'policies/notice.mdx': policy('P2.1') };
    expect(run(other).map((d) => d.code)).toEqual(['TB331']);
    const both = { ...inScope('security, privacy, processing-integrity'), 'policies/notice.mdx': policy('PI1.1') };
    expect(run(both).map((d) => d.code)).toEqual(['TB331']);
  });

  it('asks nothing of a category out of scope', () => {
    expect(run(inScope('security'))).toEqual([]);
  });

  it('asks nothing while a policy file does not parse: it might be the one', () => {
    const files = { ...inScope('security, privacy'), 'policies/notice.mdx': '---\ntitle: [\n---\n' };
    expect(run(files, '2026-07-15', ['policies/notice.mdx'])).toEqual([]);
  });

  it('asks nothing without a program', () => {
    expect(categoriesRule(emptyModel(), ruleContext('2026-07-15'))).toEqual([]);
  });
});

describe('one control claiming a whole category (TB333)', () => {
  it('warns on the `criteria` line of a control claiming every availability criterion, not all but one', () => {
    const files = { ...inScope('security, availability'), 'content/controls/C-1.mdx': control(ids('availability')) };
    expect(described(run(files))).toEqual([
      'warning TB333 content/controls/C-1.mdx:4 control/C-1: C-1 claims every criterion of Availability: an auditor will not accept one control as addressing all of them',
    ]);
    const allButOne = { ...files, 'content/controls/C-1.mdx': control(ids('availability').slice(1)) };
    expect(run(allButOne)).toEqual([]);
  });

  it('names both categories a control claims whole, in the order of the scope', () => {
    const files = {
      ...inScope('security, confidentiality, availability'),
      'content/controls/C-1.mdx': control([...ids('availability'), ...ids('confidentiality')]),
    };
    expect(run(files).map((d) => d.message)).toEqual([
      'C-1 claims every criterion of Confidentiality and Availability: an auditor will not accept one control as addressing all of them',
    ]);
  });

  it('does not judge security, a category out of scope, or a control that is planned', () => {
    expect(run({ 'content/controls/C-1.mdx': control(ids('security')) })).toEqual([]);
    expect(run({ 'content/controls/C-1.mdx': control(ids('availability')) })).toEqual([]);
    const planned = {
      ...inScope('security, availability'),
      'content/controls/C-1.mdx': control(ids('availability'), 'planned'),
    };
    expect(run(planned)).toEqual([]);
  });
});
