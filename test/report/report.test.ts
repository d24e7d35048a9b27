import { describe, expect, it } from 'vitest';
import { pointsOfFocusOf } from '../../src/catalog/index.ts';
import { readinessReport, type ReadinessReport } from '../../src/report/readiness.ts';
import { renderReport } from '../../src/report/render.ts';
import { check, edit, validProgram, without } from '../helpers/program.ts';

/** The valid program, with its one control citing these points of focus. */
const citing = (points: string[]) =>
  edit(
    validProgram(),
    'content/controls/BASE-01.mdx',
    /^criteria: .*$/m,
    `$&\npoints_of_focus: [${points.join(', ')}]`,
  );

const criterionReview = (report: ReadinessReport, id: string) =>
  report.categories.flatMap((c) => c.pointsOfFocus.criteria).find((k) => k.id === id)!;

describe('readiness report', () => {
  it('scores a complete program 100 and explains how', () => {
    const report = readinessReport(check(validProgram()));
    expect(report.categories).toEqual([
      expect.objectContaining({ category: 'security', score: 100, covered: 33, total: 33, controls: 1, operating: 1 }),
    ]);
    expect(report.scoreMethod).toContain('half for coverage');
  });

  it('halves the operation share when evidence is missing, and lists the gap', () => {
    const report = readinessReport(check(without(validProgram(), 'evidence-index/EV-BASE-01.mdx')));
    expect(report.categories[0]).toMatchObject({ score: 50, operating: 0 });
    expect(report.errors.map((d) => d.code)).toContain('TB401');
  });

  it('says a criterion was not met for part of the period, and why, when its only control started late', () => {
    const files = edit(
      validProgram(),
      'content/controls/BASE-01.mdx',
      'frequency: quarterly',
      'frequency: quarterly\nimplemented: 2026-04-01',
    );
    const report = readinessReport(check(files));
    const cc61 = report.categories[0]!.criteria.find((criterion) => criterion.id === 'CC6.1')!;
    expect(cc61).toMatchObject({
      status: 'not met for part of the period',
      shortfall: 'no control in operation from 2026-01-01 to 2026-03-31',
    });
    expect(report.categories[0]!.covered).toBe(0);
    expect(renderReport(report, 'md')).toContain(
      '| not met for part of the period: no control in operation from 2026-01-01 to 2026-03-31 |',
    );
  });

  it('lists what falls due next, soonest first', () => {
    const files = edit(validProgram(), 'policies/acceptable-use.mdx', 'approved: 2026-03-01', 'approved: 2025-08-20');
    const report = readinessReport(check(files));
    expect(report.upcoming[0]).toMatchObject({ due: '2026-08-20', file: 'policies/acceptable-use.mdx', code: 'TB501' });
    expect([...report.upcoming].map((u) => u.due)).toEqual([...report.upcoming].map((u) => u.due).sort());
  });

  it('renders as Markdown, JSON and HTML with the same figures', () => {
    const report = readinessReport(check(validProgram()));
    expect(renderReport(report, 'md')).toContain('| Security (common criteria) | 100 | 33/33 | 1/1 |');
    expect(JSON.parse(renderReport(report, 'json')).categories[0].score).toBe(100);
    expect(renderReport(report, 'html')).toContain('<td>Security (common criteria)</td><td>100</td>');
  });

  describe('points of focus', () => {
    it('lists the points a control in operation cites as addressed by it, and the others as open', () => {
      const planned = `---
id: PLAN-01
title: Network segmentation
criteria: [CC6.1]
points_of_focus: [CC6.1.5]
owner: security-lead
frequency: annual
status: planned
---

Not built yet.
`;
      const files = { ...citing(['CC6.1.3', 'CC6.1.4']), 'content/controls/PLAN-01.mdx': planned };
      const review = criterionReview(readinessReport(check(files)), 'CC6.1');
      expect(review.addressed).toEqual([
        { id: 'CC6.1.3', label: 'Software controls limit who reaches data', controls: ['BASE-01'] },
        { id: 'CC6.1.4', label: 'Users prove who they are before access', controls: ['BASE-01'] },
      ]);
      // A planned control's citation does not make a point addressed.
      expect(review.open.map((point) => point.id)).toContain('CC6.1.5');
      expect(review.open.map((point) => point.id)).not.toContain('CC6.1.3');
      expect(review.addressed.length + review.open.length).toBe(review.applicable);
    });

    it('counts only the points that apply to the scope', () => {
      const securityOnly = readinessReport(check(validProgram()));
      // CC8.1.15 is for availability, CC8.1.16 for confidentiality, CC8.1.17-18 for privacy.
      expect(criterionReview(securityOnly, 'CC8.1')).toMatchObject({ applicable: 14 });
      expect(criterionReview(securityOnly, 'CC8.1').open.map((point) => point.id)).not.toContain('CC8.1.15');
      // System-level points apply: SOC 2 examines a system.
      expect(criterionReview(securityOnly, 'CC2.2').open.map((point) => point.id)).toContain('CC2.2.11');
      expect(securityOnly.categories.map((c) => c.category)).toEqual(['security']);

      const wider = edit(
        validProgram(),
        'content/program.yaml',
        'scope: [security]',
        'scope: [security, availability, processing-integrity]',
      );
      const report = readinessReport(check(wider));
      expect(criterionReview(report, 'CC8.1').open.map((point) => point.id)).toContain('CC8.1.15');
      expect(criterionReview(report, 'CC8.1').applicable).toBe(15);
      // The point for systems that produce goods follows processing integrity.
      expect(criterionReview(report, 'PI1.1').applicable).toBe(pointsOfFocusOf('PI1.1').length);
      expect(report.categories.find((c) => c.category === 'availability')!.pointsOfFocus).toMatchObject({
        applicable: 16,
        addressed: 0,
      });
    });

    it('leaves out the points of an excluded criterion', () => {
      const files = edit(
        edit(validProgram(), 'content/program.yaml', 'scope: [security]', 'scope: [security, availability]'),
        'content/program.yaml',
        'audit:',
        'excluded_criteria:\n  - { id: A1.2, reason: "The service keeps no data of its own to back up or recover." }\naudit:',
      );
      const availability = readinessReport(check(files)).categories.find((c) => c.category === 'availability')!;
      expect(availability.pointsOfFocus.criteria.map((k) => k.id)).toEqual(['A1.1', 'A1.3']);
      expect(availability.pointsOfFocus.applicable).toBe(5);
    });

    it('shows the same counts in Markdown, JSON and HTML, as guidance', () => {
      const report = readinessReport(check(citing(['CC6.1.3', 'CC6.2.1'])));
      const json = JSON.parse(renderReport(report, 'json')) as ReadinessReport;
      const { addressed, applicable } = json.categories[0]!.pointsOfFocus;
      expect(addressed).toBe(2);
      const md = renderReport(report, 'md');
      const html = renderReport(report, 'html');
      expect(md).toContain(`| Security (common criteria) | ${addressed}/${applicable} |`);
      expect(md).toContain(
        '| CC6.1 | 1/11 | CC6.1.3 (BASE-01) | CC6.1.1 An up-to-date register of information assets; ',
      );
      expect(html).toContain(`<th scope="row">Security (common criteria)</th><td>${addressed}/${applicable}</td>`);
      expect(html).toContain('<th scope="row">CC6.1</th><td>1/11</td>');
      for (const text of [md, html, json.pointsOfFocusMethod]) expect(text).toContain('guidance, not requirements');
    });

    it('changes neither the score nor the findings', () => {
      const plain = readinessReport(check(validProgram()));
      const cited = readinessReport(check(citing(['CC1.1.1', 'CC6.1.3', 'CC8.1.7'])));
      const scores = (report: ReadinessReport) =>
        report.categories.map(({ score, covered, total, controls, operating }) => ({
          score,
          covered,
          total,
          controls,
          operating,
        }));
      expect(scores(cited)).toEqual(scores(plain));
      expect(cited.scoreMethod).toBe(plain.scoreMethod);
      expect(cited.scoreMethod).not.toMatch(/point/i);
      expect([...cited.errors, ...cited.warnings]).toEqual([...plain.errors, ...plain.warnings]);
      expect(cited.categories[0]!.pointsOfFocus.addressed).toBe(3);
    });
  });
});
