/**
 * The answers rule (TB212, TB213) called on a model built from memory: each citation at its own line (block
 * style, the second of its kind), a policy or control whose file failed its schema not reported missing again,
 * an answer citing one thing of any kind not "citing nothing", a control cited on the day it was retired and the
 * day after, or before it was implemented, and what a public answer may cite against an internal one.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { answersRule } from '../../src/engine/rules/answers.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const ANSWER = 'content/answers/mfa.yaml';
const AS_OF = '2026-07-15';

const policy = (id: string, audience: string) => `---
title: ${id} policy
version: "1.0"
owner: security-lead
approved_by: ceo
approved: 2026-03-01
audience: ${audience}
---

## Purpose

Kept.

## Scope

Everyone.
`;

const control = (id: string, extra = '') => `---
id: ${id}
title: ${id} control
criteria: [CC1.1]
owner: security-lead
frequency: quarterly
${extra}---

Runs.
`;

/** An answer with the `cites:` lines given (block style: `cites:` on line 5) and the audience given. */
const answer = (cites: string, audience = '[public, employees, auditors]') =>
  `question: "Do you require MFA?"\nanswer: "Yes."\nshort: "yes"\ncategory: Access control\n${cites ? `cites:\n${cites}` : ''}audience: ${audience}\n`;

/** A program with a public and an internal policy, a control described publicly and one not, and a trust document. */
function run(text: string, extra: Record<string, string> = {}, asOf = AS_OF): Diagnostic[] {
  const model = smallModel(
    {
      'policies/open.mdx': policy('open', '[public, employees, auditors]'),
      'policies/inside.mdx': policy('inside', '[employees, auditors]'),
      'content/controls/PUB-01.mdx': control('PUB-01', 'public_summary: "Described."\n'),
      'content/controls/INT-01.mdx': control('INT-01'),
      [ANSWER]: text,
      ...extra,
    },
    Object.keys(extra),
  );
  model.knownIds['trust-document'].add('soc2-report');
  return answersRule(model, ruleContext(asOf));
}

const described = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.severity} ${d.line}: ${d.message}`);

describe('an answer’s citations', () => {
  it('that exist and suit a public answer raise nothing', () => {
    const text = answer(
      '  policies:\n    - open\n    - open#scope\n  controls: [PUB-01]\n  documents: [soc2-report]\n',
    );
    expect(run(text)).toEqual([]);
  });

  it('that do not exist are errors, each at its own line', () => {
    const text = answer(
      '  policies:\n    - open\n    - gone\n    - open#nowhere\n  controls:\n    - PUB-01\n    - XX-01\n  documents:\n    - soc2-report\n    - ghost\n',
    );
    expect(described(run(text))).toEqual([
      'TB212 error 8: cites the policy "gone", which does not exist',
      'TB212 error 9: cites the section "nowhere" of open, which has no such heading',
      'TB212 error 12: cites the control "XX-01", which does not exist',
      'TB212 error 15: cites the trust document "ghost", which does not exist',
    ]);
    const [, section] = run(text);
    expect(section?.hint).toBe('Use the anchor of one of its headings (purpose, scope).');
    expect(section?.subject).toEqual({ kind: 'answer', id: 'mfa' });
  });

  it('naming a policy or control whose file failed its schema are not reported again', () => {
    const broken = {
      'policies/broken.mdx': '---\ntitle: Broken\nid: broken\n---\n\nNo owner.\n',
      'content/controls/BRK-01.mdx': '---\nid: BRK-01\ntitle: Broken\n---\n\nNo owner.\n',
    };
    expect(run(answer('  policies: [broken]\n  controls: [BRK-01]\n', '[auditors]'), broken)).toEqual([]);
  });
});

describe('an answer citing nothing', () => {
  it('is a warning at its answer; citing one thing of any kind is not citing nothing', () => {
    expect(described(run(answer('')))).toEqual([
      'TB212 warning 2: cites nothing: a reviewer cannot see what the answer rests on',
    ]);
    expect(run(answer('  policies: [open]\n'))).toEqual([]);
    expect(run(answer('  controls: [PUB-01]\n'))).toEqual([]);
    expect(run(answer('  documents: [soc2-report]\n'))).toEqual([]);
    expect(run(answer('  policies: [open]\n  controls: [PUB-01]\n'))).toEqual([]);
    expect(run(answer('  controls: [PUB-01]\n  documents: [soc2-report]\n'))).toEqual([]);
  });
});

describe('a cited control', () => {
  const retiring = (retired: string) => ({ 'content/controls/OLD-01.mdx': control('OLD-01', `retired: ${retired}\n`) });

  it('is in operation on the day it was retired, and not the day after', () => {
    const text = answer('  controls: [OLD-01]\n', '[auditors]');
    expect(run(text, retiring(AS_OF))).toEqual([]);
    expect(described(run(text, retiring('2026-07-14')))).toEqual([
      'TB213 error 6: cites OLD-01, which is not in operation (implemented, retired 2026-07-14): an answer cannot rest on it',
    ]);
  });

  it('implemented after the evaluation date is not in operation yet', () => {
    const later = { 'content/controls/NEW-01.mdx': control('NEW-01', 'implemented: 2026-07-16\n') };
    expect(run(answer('  controls: [NEW-01]\n', '[auditors]'), later).map((d) => d.message)).toEqual([
      'cites NEW-01, which is not in operation (implemented): an answer cannot rest on it',
    ]);
  });

  it('not in operation is reported as such to a public answer, not also as undescribed', () => {
    const planned = { 'content/controls/PLN-01.mdx': control('PLN-01', 'status: planned\n') };
    expect(run(answer('  controls: [PLN-01]\n'), planned).map((d) => d.message)).toEqual([
      'cites PLN-01, which is not in operation (planned): an answer cannot rest on it',
    ]);
  });
});

describe('what a public answer may cite', () => {
  it('is a public policy and a described control; an internal answer may cite the others', () => {
    const cites = '  policies:\n    - open\n    - inside\n  controls:\n    - PUB-01\n    - INT-01\n';
    expect(described(run(answer(cites)))).toEqual([
      'TB213 error 8: is public but cites inside, a policy the trust center does not publish',
      'TB213 error 11: is public but cites INT-01, a control the trust center does not describe (it has no `public_summary`)',
    ]);
    expect(run(answer(cites, '[employees, auditors]'))).toEqual([]);
  });
});
