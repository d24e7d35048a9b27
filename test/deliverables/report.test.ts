import { describe, expect, it } from 'vitest';
import { readinessReport } from '../../src/report/readiness.ts';
import { renderReport } from '../../src/report/render.ts';
import { check, edit, validProgram, without } from '../helpers/program.ts';

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
});
