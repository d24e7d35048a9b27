import { describe, expect, it } from 'vitest';
import { evidenceTimeline } from '../../src/engine/evidence-timeline.ts';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const q1 = '  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }\n';

describe('Type II periods', () => {
  it('reports each quarter of the window without an artifact, naming the quarter', () => {
    const result = check(edit(validProgram(), EVIDENCE, q1, ''), { asOf: '2026-08-15' });
    expect(findings(result, 'TB601')).toEqual([
      expect.objectContaining({ file: EVIDENCE, line: 7, message: expect.stringContaining('2026-Q1') }),
    ]);
  });

  it('does not ask for a period that is not over, plus its grace days', () => {
    const files = edit(validProgram(), EVIDENCE, / {2}- \{ collected: 2026-07-03.*\n/, '');
    expect(findings(check(files, { asOf: '2026-07-20' }), 'TB601')).toEqual([]);
    expect(findings(check(files, { asOf: '2026-08-01' }), 'TB601')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('2026-Q2') }),
    ]);
  });

  it('counts an artifact without a period for the period holding its collection date', () => {
    const files = edit(validProgram(), EVIDENCE, 'collected: 2026-04-05, period: 2026-Q1,', 'collected: 2026-03-28,');
    expect(findings(check(files, { asOf: '2026-08-15' }), 'TB601')).toEqual([]);
  });

  it('asks an annual series for one artifact inside the window', () => {
    let files = edit(validProgram(), EVIDENCE, 'frequency: quarterly', 'frequency: annual');
    expect(findings(check(files, { asOf: '2026-08-15' }), 'TB601')).toEqual([]);
    files = edit(
      files,
      EVIDENCE,
      /artifacts:\n(.*\n){2}/,
      'artifacts:\n  - { collected: 2025-11-01, location: "https://x.example/a" }\n',
    );
    expect(findings(check(files, { asOf: '2026-08-15' }), 'TB601')).toHaveLength(1);
  });

  it('skips the period check for a Type I audit', () => {
    let files = edit(
      validProgram(),
      'content/program.yaml',
      /type: II\n {2}period: .*\n/,
      'type: I\n  date: 2026-06-30\n',
    );
    files = edit(files, EVIDENCE, q1, '');
    expect(findings(check(files, { asOf: '2026-08-15' }), 'TB601')).toEqual([]);
  });

  it('refuses an artifact collected after the evaluation date', () => {
    const result = check(validProgram(), { asOf: '2026-07-01' });
    expect(findings(result, 'TB602')).toEqual([expect.objectContaining({ line: 9 })]);
  });

  it('draws one timeline cell per period: present, missing or not yet due', () => {
    const cells = evidenceTimeline(
      {
        id: 'EV',
        title: 'x',
        controls: ['C'],
        owner: 'o',
        frequency: 'monthly',
        audience: ['auditors'],
        exceptions: [],
        population: [],
        artifacts: [{ collected: '2026-02-03', period: '2026-01', location: 'https://x.example' }],
      },
      { start: '2026-01-01', end: '2026-04-30' },
      '2026-04-05',
    );
    expect(cells.map((cell) => `${cell.period.label}:${cell.state}`)).toEqual([
      '2026-01:present',
      '2026-02:missing',
      '2026-03:not-yet-due',
      '2026-04:not-yet-due',
    ]);
  });
});
