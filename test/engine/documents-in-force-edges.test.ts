/**
 * Required documents in force from the first day the report speaks for (TB316), at the edges window-rules.test.ts
 * leaves open: the window's first day and the day after it, a Type I report date, a policy taking effect on the
 * evaluation date itself, two versions of a kind, `in_force_since` against `effective`, and the line a finding
 * points at. The dates are held by property tests over the whole window.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { emptyModel } from '../../src/engine/model.ts';
import { policyApproval } from '../../src/engine/policy-approval.ts';
import { documentsInForceRule, inForceSince, reportStart } from '../../src/engine/rules/documents-in-force.ts';
import { programYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const TYPE_I = 'type: I\n  date: 2026-03-31';

/** A policy file: `fields` are its dates (approved, effective, in_force_since), one `key: value` a line. */
const policy = (kind: string, fields: string) => `---
title: ${kind} policy
kind: ${kind}
version: "1.0"
owner: engineer
approved_by: ceo
${fields}
---

## Purpose

The ${kind} policy.
`;

const run = (policies: Record<string, string>, asOf = '2026-07-15', audit?: string) =>
  documentsInForceRule(
    smallModel({ ...(audit ? { 'content/program.yaml': programYaml('', audit) } : {}), ...policies }),
    ruleContext(asOf),
  );

const described = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.subject?.id} ${d.line}: ${d.message}`);

const incidentResponse = (fields: string) => ({
  'policies/incident-response.mdx': policy('incident-response', fields),
});

/** A day of 2026 from its number (1 is January 1st), as `YYYY-MM-DD`. */
const day2026 = (n: number) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10);

describe('the first day the report speaks for', () => {
  it('is the Type II window start from that day on, and nothing before it', () => {
    const model = smallModel({});
    expect(reportStart(model, '2025-12-31')).toBeUndefined();
    expect(reportStart(model, '2026-01-01')).toBe('2026-01-01');
    expect(reportStart(model, '2026-01-02')).toBe('2026-01-01');
  });

  it('is the Type I report date, from that date on', () => {
    const model = smallModel({ 'content/program.yaml': programYaml('', TYPE_I) });
    expect(reportStart(model, '2026-03-30')).toBeUndefined();
    expect(reportStart(model, '2026-03-31')).toBe('2026-03-31');
  });

  it('does not exist without a program', () => {
    expect(reportStart(emptyModel(), '2026-07-15')).toBeUndefined();
  });
});

describe('since when a policy has been in force', () => {
  const since = (fields: { approved: string; effective?: string; in_force_since?: string }) => {
    const data = { approved_by: 'ceo', ...fields } as Parameters<typeof inForceSince>[0];
    return inForceSince(data, policyApproval({ data })!);
  };

  it('is the earlier of `in_force_since` and the day the approved version took effect', () => {
    expect(since({ approved: '2026-03-01', in_force_since: '2025-01-01' })).toBe('2025-01-01');
    expect(since({ approved: '2026-03-01', effective: '2026-03-05', in_force_since: '2026-04-01' })).toBe('2026-03-05');
    expect(since({ approved: '2026-03-01', effective: '2026-03-05' })).toBe('2026-03-05');
    expect(since({ approved: '2026-03-01' })).toBe('2026-03-01');
  });
});

describe('a required policy judged against the Type II window', () => {
  it('is reported when it took effect the day after the window opened, not on that day', () => {
    expect(described(run(incidentResponse('approved: 2026-01-01')))).toEqual([]);
    expect(described(run(incidentResponse('approved: 2026-01-02')))).toEqual([
      'TB316 incident-response 7: the incident response policy has been in force only since 2026-01-02, after the period began on 2026-01-01',
    ]);
  });

  it('is judged once it takes effect on the evaluation date itself, and not while it takes effect later', () => {
    expect(described(run(incidentResponse('approved: 2026-03-01'), '2026-03-01'))).toEqual([
      'TB316 incident-response 7: the incident response policy has been in force only since 2026-03-01, after the period began on 2026-01-01',
    ]);
    expect(run(incidentResponse('approved: 2026-03-01\neffective: 2026-03-02'), '2026-03-01')).toEqual([]);
  });

  it('asks nothing before the window opens, even of a policy already in force', () => {
    expect(run(incidentResponse('approved: 2025-12-01'), '2025-12-31')).toEqual([]);
  });

  it('is judged by kind: each required kind in force late is reported, with its own name', () => {
    const found = run({
      ...incidentResponse('approved: 2026-02-01'),
      'policies/data-retention.mdx': policy('data-retention', 'approved: 2026-02-10'),
      'policies/acceptable-use.mdx': policy('acceptable-use', 'approved: 2025-02-10'),
    });
    expect(found.map((d) => d.message)).toEqual([
      'the incident response policy has been in force only since 2026-02-01, after the period began on 2026-01-01',
      'the data retention and disposal policy has been in force only since 2026-02-10, after the period began on 2026-01-01',
    ]);
  });

  it('asks nothing of a draft, a kind the checklist does not require, or a kind without any policy', () => {
    expect(
      run({
        'policies/incident-response.mdx': policy('incident-response', 'approved: 2026-02-01').replace(
          'approved_by: ceo\n',
          '',
        ),
        'policies/risk.mdx': policy('risk-assessment', 'approved: 2026-02-01'),
      }),
    ).toEqual([]);
  });

  it('is not reported when one policy of the kind was in force from the first day, whichever comes first', () => {
    const late = policy('incident-response', 'approved: 2026-02-01');
    const early = policy('incident-response', 'approved: 2025-06-01');
    expect(run({ 'policies/a.mdx': late, 'policies/b.mdx': early })).toEqual([]);
    expect(run({ 'policies/a.mdx': early, 'policies/b.mdx': late })).toEqual([]);
  });

  it('names the earliest of several late versions, whatever the order of the files', () => {
    const found = run({
      'policies/a.mdx': policy('incident-response', 'approved: 2026-04-01'),
      'policies/b.mdx': policy('incident-response', 'approved: 2026-02-01'),
      'policies/c.mdx': policy('incident-response', 'approved: 2026-03-01'),
    });
    expect(found.map((d) => `${d.file} ${d.message}`)).toEqual([
      'policies/b.mdx the incident response policy has been in force only since 2026-02-01, after the period began on 2026-01-01',
    ]);
  });
});

describe('the line and the hint of TB316', () => {
  it('points at `in_force_since` when the policy gives it, and its hint asks to correct it', () => {
    const [found] = run(incidentResponse('approved: 2026-03-01\neffective: 2026-03-01\nin_force_since: 2026-02-01'));
    expect(found).toMatchObject({ line: 9, severity: 'error', file: 'policies/incident-response.mdx' });
    expect(found!.message).toContain('only since 2026-02-01');
    expect(found!.hint).toMatch(/^Correct `in_force_since` if an earlier version was in force on 2026-01-01/);
  });

  it('points at `in_force_since` written without `effective`, not at `approved`', () => {
    const [found] = run(incidentResponse('approved: 2026-03-01\nin_force_since: 2026-02-01'));
    expect(found).toMatchObject({ line: 8, message: expect.stringContaining('only since 2026-02-01') });
  });

  it('points at `effective` when it is set, at `approved` when it is not, and asks since when', () => {
    const [effective] = run(incidentResponse('effective: 2026-03-01\napproved: 2026-02-20'));
    expect(effective!.line).toBe(7);
    expect(effective!.hint).toMatch(/^If an earlier version was in force on 2026-01-01, say since when/);
    const [approved] = run(incidentResponse('approved: 2026-03-01'));
    expect(approved).toMatchObject({ line: 7, message: expect.stringContaining('only since 2026-03-01') });
    expect(approved!.hint).toMatch(/^If an earlier version was in force on 2026-01-01/);
  });

  it('points at `approved` for a Type I report dated after the policy took effect', () => {
    const found = run(incidentResponse('approved: 2026-04-01'), '2026-07-15', TYPE_I);
    expect(described(found)).toEqual([
      'TB316 incident-response 7: the incident response policy has been in force only since 2026-04-01, after the period began on 2026-03-31',
    ]);
  });
});

describe('the dates, over the whole window (property)', () => {
  it('a policy in force from day d is reported exactly when d is after the window opened and not after the evaluation date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 220 }), fc.integer({ min: -30, max: 220 }), (effective, asOf) => {
        const since = day2026(effective);
        const today = day2026(asOf);
        const found = run(incidentResponse(`approved: ${since}`), today);
        const expected = today >= '2026-01-01' && since > '2026-01-01' && since <= today ? 1 : 0;
        expect(found).toHaveLength(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('`in_force_since` on or before the first day, with a later version, is never reported', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 1 }), fc.integer({ min: 1, max: 190 }), (before, effective) => {
        const fields = `approved: ${day2026(effective)}\nin_force_since: ${day2026(before)}`;
        expect(run(incidentResponse(fields))).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('`in_force_since` a day or more after the first day is reported with that date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 150 }), fc.integer({ min: 0, max: 40 }), (since, gap) => {
        const fields = `approved: ${day2026(since + gap)}\nin_force_since: ${day2026(since)}`;
        expect(run(incidentResponse(fields)).map((d) => d.message)).toEqual([
          `the incident response policy has been in force only since ${day2026(since)}, after the period began on 2026-01-01`,
        ]);
      }),
      { numRuns: 40 },
    );
  });
});
