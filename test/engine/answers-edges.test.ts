/**
 * The answers rule at its edges: each kind of citation that does not exist (TB212), each on its own line, and
 * one whose file fails its schema (its own finding is enough); a section of a policy; a public answer citing a
 * policy or a control the trust center does not show, and the same cited by an answer that is not public
 * (TB213); a control not in operation, planned or retired the day before; and an answer that cites nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { answersRule } from '../../src/engine/rules/answers.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const ANSWER = 'content/answers/mfa.yaml';
const AS_OF = '2026-07-15';

const policy = (id: string, audience = '[employees, auditors]') =>
  `---\ntitle: ${id} policy\nversion: "1.0"\nowner: engineer\napproved_by: ceo\napproved: 2026-03-01\naudience: ${audience}\n---\n\n## Purpose\n\nWhy.\n\n## Scope\n\nWhat.\n`;

const control = (id: string, extra = '') =>
  `---\nid: ${id}\ntitle: ${id} control\ncriteria: [CC6.1]\nowner: engineer\nfrequency: quarterly\n${extra}---\n\nRuns.\n`;

/** The program's policies, controls and a trust document, beside the answer. */
const library = (): Record<string, string> => ({
  'policies/public-policy.mdx': policy('public-policy', '[public, employees, auditors]'),
  'policies/internal-policy.mdx': policy('internal-policy'),
  'content/controls/AC-01.mdx': control('AC-01', 'public_summary: Access is reviewed every quarter.\n'),
  'content/controls/AC-02.mdx': control('AC-02'),
  'content/controls/AC-03.mdx': control('AC-03', 'status: planned\npublic_summary: Planned.\n'),
  'content/controls/AC-04.mdx': control(
    'AC-04',
    'retired: 2026-07-14\nimplemented: 2025-01-01\npublic_summary: Gone.\n',
  ),
  'content/controls/AC-05.mdx': control('AC-05', 'retired: 2026-07-15\nimplemented: 2025-01-01\n'),
  'content/trust/documents/report.yaml': 'title: Report\nurl: https://example.com/report\naccess: public\n',
});

/** An answer citing what `cites` says (YAML lines under `cites:`), for the audience given. */
const answer = (cites: string, audience = '[public, employees, auditors]') =>
  `question: "Do you require MFA?"\nanswer: "Yes, for every account."\ncites:\n${cites}audience: ${audience}\n`;

function run(text: string, files: Record<string, string> = {}, broken: string[] = []): Diagnostic[] {
  return answersRule(smallModel({ ...library(), ...files, [ANSWER]: text }, broken), ruleContext(AS_OF));
}

const brief = (found: Diagnostic[]) => found.map((d) => [d.code, d.severity, d.line, d.message]);

describe('an answer citing what exists and its audience may see', () => {
  it('is quiet, public, with a section of a public policy, a described control and a trust document', () => {
    const cites = '  policies: [public-policy#scope, public-policy]\n  controls: [AC-01]\n  documents: [report]\n';
    expect(run(answer(cites))).toEqual([]);
  });

  it('is quiet citing an unpublished policy and an undescribed control when it is not public', () => {
    expect(run(answer('  policies: [internal-policy]\n  controls: [AC-02]\n', '[employees, auditors]'))).toEqual([]);
  });

  it('is quiet citing a control retired on the evaluation date itself', () => {
    expect(run(answer('  controls: [AC-05]\n', '[auditors]'))).toEqual([]);
  });
});

describe('an answer citing what does not exist', () => {
  it('is an error on the line of each citation, whatever its place in the list (TB212)', () => {
    const cites =
      '  policies:\n    - public-policy\n    - nope\n    - public-policy#no-such-heading\n  controls:\n    - AC-01\n    - XX-01\n  documents:\n    - report\n    - ghost\n';
    const found = run(answer(cites));
    expect(brief(found)).toEqual([
      ['TB212', 'error', 6, 'cites the policy "nope", which does not exist'],
      ['TB212', 'error', 7, 'cites the section "no-such-heading" of public-policy, which has no such heading'],
      ['TB212', 'error', 10, 'cites the control "XX-01", which does not exist'],
      ['TB212', 'error', 13, 'cites the trust document "ghost", which does not exist'],
    ]);
    expect(found.every((d) => d.file === ANSWER && d.subject?.kind === 'answer' && d.subject.id === 'mfa')).toBe(true);
    expect(found[1]!.hint).toBe('Use the anchor of one of its headings (purpose, scope).');
  });

  it('is left to the finding of a policy or control whose file fails its schema', () => {
    const files = {
      'policies/broken.mdx': policy('broken').replace('title: broken policy\n', ''),
      'content/controls/XX-09.mdx': control('XX-09').replace('title: XX-09 control\n', ''),
    };
    const broken = Object.keys(files);
    expect(run(answer('  policies: [broken]\n  controls: [XX-09]\n', '[auditors]'), files, broken)).toEqual([]);
  });
});

describe('a public answer citing what the trust center does not show', () => {
  it('is refused an unpublished policy and an undescribed control (TB213)', () => {
    const found = run(answer('  policies: [internal-policy]\n  controls: [AC-02]\n'));
    expect(brief(found)).toEqual([
      ['TB213', 'error', 4, 'is public but cites internal-policy, a policy the trust center does not publish'],
      [
        'TB213',
        'error',
        5,
        'is public but cites AC-02, a control the trust center does not describe (it has no `public_summary`)',
      ],
    ]);
  });

  it('is told both that a section is missing and that the policy is unpublished', () => {
    const found = run(answer('  policies: [internal-policy#nowhere]\n'));
    expect(found.map((d) => d.code)).toEqual(['TB212', 'TB213']);
  });
});

describe('an answer resting on a control not in operation', () => {
  it('is refused, whoever reads it, and only for that (TB213)', () => {
    const found = run(answer('  controls: [AC-03, AC-04]\n'));
    expect(brief(found)).toEqual([
      ['TB213', 'error', 4, 'cites AC-03, which is not in operation (planned): an answer cannot rest on it'],
      [
        'TB213',
        'error',
        4,
        'cites AC-04, which is not in operation (implemented, retired 2026-07-14): an answer cannot rest on it',
      ],
    ]);
    expect(run(answer('  controls: [AC-03]\n', '[auditors]')).map((d) => d.code)).toEqual(['TB213']);
  });
});

describe('an answer that cites nothing', () => {
  it('is a warning on its `answer` line (TB212)', () => {
    const found = run(answer('  policies: []\n'));
    expect(brief(found)).toEqual([
      ['TB212', 'warning', 2, 'cites nothing: a reviewer cannot see what the answer rests on'],
    ]);
    expect(found[0]!.subject).toEqual({ kind: 'answer', id: 'mfa' });
  });

  it('is not said of one citing only a policy, only a control, only a trust document, or one of each of two', () => {
    expect(run(answer('  policies: [public-policy]\n'))).toEqual([]);
    expect(run(answer('  controls: [AC-01]\n'))).toEqual([]);
    expect(run(answer('  documents: [report]\n'))).toEqual([]);
    expect(run(answer('  controls: [AC-01]\n  documents: [report]\n'))).toEqual([]);
    expect(run(answer('  policies: [public-policy]\n  controls: [AC-01]\n'))).toEqual([]);
  });
});
