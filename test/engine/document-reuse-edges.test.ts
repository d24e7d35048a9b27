/**
 * The document-reuse rule at edges document-reuse.test.ts leaves open, calling the rule on a small program: how a
 * document is known (a file with or without `./`, a location that is no valid URL, with spaces around it, a
 * SHA-256 in either case, one key shared through a third use), when one document counts twice (two periods of a
 * series, two series of one control, however many uses come between) or evidences unrelated controls, and the
 * finding's wording, line and list of uses.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { documentReuseRule } from '../../src/engine/rules/document-reuse.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const HASH = 'ab'.repeat(32);

/** A series `id` of `controls` at `frequency`, each artifact written as a flow mapping's inside. */
const series = (id: string, controls: string, frequency: string, artifacts: string[]) => `---
id: ${id}
title: ${id} record
controls: [${controls}]
owner: engineer
frequency: ${frequency}
artifacts:
${artifacts.map((artifact) => `  - { ${artifact} }\n`).join('')}---

Kept.
`;

const at = (location: string, collected = '2026-04-05', period?: string) =>
  `collected: ${collected}${period ? `, period: ${period}` : ''}, location: "${location}"`;

function run(evidence: Record<string, string>): Diagnostic[] {
  const files = Object.fromEntries(Object.entries(evidence).map(([id, text]) => [`evidence-index/${id}.mdx`, text]));
  return documentReuseRule(smallModel(files), ruleContext('2026-07-15'));
}

const codes = (found: Diagnostic[]) => found.map((d) => `${d.code} ${d.subject?.id} ${d.line}`);

describe('how a document is known', () => {
  it('knows a file by its path, with or without a leading ./', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        `collected: 2026-04-05, file: ./files/q1.pdf, sha256: ${HASH}`,
        `collected: 2026-07-03, file: files/q1.pdf, sha256: ${'cd'.repeat(32)}`,
      ]),
    });
    expect(codes(found)).toEqual(['TB622 EV-01 9']);
    expect(found[0]!.message).toBe(
      'one document (evidence-index/files/q1.pdf) is counted for several occurrences: EV-01 2026-Q2, EV-01 2026-Q3',
    );
  });

  it('takes only a leading ./ off a path: one inside it, or another first folder, makes another file', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        `collected: 2026-04-05, file: a/./q.pdf, sha256: ${HASH}`,
        `collected: 2026-07-03, file: a/q.pdf, sha256: ${'cd'.repeat(32)}`,
        `collected: 2026-07-04, file: q.pdf, sha256: ${'ef'.repeat(32)}`,
      ]),
    });
    expect(found).toEqual([]);
  });

  it('knows a SHA-256 written in capitals as the same, and two different ones as two documents', () => {
    const same = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        `collected: 2026-04-05, file: files/q1.pdf, sha256: ${HASH}`,
        `collected: 2026-07-03, file: files/copy.pdf, sha256: ${HASH.toUpperCase()}`,
      ]),
    });
    expect(codes(same)).toEqual(['TB622 EV-01 9']);
    expect(same[0]!.message).toContain('(evidence-index/files/copy.pdf)');
  });

  it('knows a location that is no valid URL by its text, without the spaces around it', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        at('https://docs.test example/q1.pdf ', '2026-04-05', '2026-Q1'),
        at('https://docs.test example/q1.pdf', '2026-07-03', '2026-Q2'),
        at('https://docs.test example/other.pdf', '2026-07-04', '2026-Q2'),
      ]),
    });
    expect(codes(found)).toEqual(['TB622 EV-01 9']);
    expect(found[0]!.message).toBe(
      'one document (https://docs.test example/q1.pdf) is counted for several occurrences: EV-01 2026-Q1, EV-01 2026-Q2',
    );
  });

  it('tells apart two locations that are no valid URL', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        at('https://docs.test example/q1.pdf', '2026-04-05', '2026-Q1'),
        at('https://docs.test example/q2.pdf', '2026-07-03', '2026-Q2'),
      ]),
    });
    expect(found).toEqual([]);
  });

  it('knows a location copied with a no-break space after it', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        at('https://docs.test.example/q1.pdf', '2026-04-05', '2026-Q1'),
        at('https://docs.test.example/q1.pdf\\u00a0', '2026-07-03', '2026-Q2'),
      ]),
    });
    expect(codes(found)).toEqual(['TB622 EV-01 9']);
  });

  it('joins uses through a key they share with a third: a location, then a file of the same content', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        at('https://docs.test.example/q1.pdf', '2026-04-05', '2026-Q1'),
        `collected: 2026-05-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf", file: files/q1.pdf, sha256: ${HASH}`,
        `collected: 2026-07-03, period: 2026-Q2, file: files/renamed.pdf, sha256: ${HASH}`,
      ]),
    });
    expect(codes(found)).toEqual(['TB622 EV-01 10']);
    expect(found[0]!.message).toBe(
      'one document (evidence-index/files/renamed.pdf) is counted for several occurrences: EV-01 2026-Q1, EV-01 2026-Q2',
    );
  });
});

/** A per-event series `id` of `controls` recording `location` for each of `events`. */
const perEvent = (id: string, controls: string, location: string, events = ['CHG-1']) =>
  series(
    id,
    controls,
    'per-event',
    events.map((event) => `collected: 2026-03-02, sample: ${event}, location: "${location}"`),
  );

const DOC = 'https://docs.test.example/report.pdf';

describe('one document counted twice (TB622)', () => {
  it('is one occurrence when listed twice for the same period, and two for two periods', () => {
    const quarters = (second: string) =>
      run({
        'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
          at(DOC, '2026-04-05', '2026-Q1'),
          at(DOC, '2026-04-06', second),
        ]),
      });
    expect(quarters('2026-Q1')).toEqual([]);
    expect(codes(quarters('2026-Q2'))).toEqual(['TB622 EV-01 9']);
  });

  it('is reported for two series of one control, even when a use of another control comes between', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [at(DOC, '2026-04-05', '2026-Q1')]),
      'EV-02': series('EV-02', 'CTL-02', 'quarterly', [at(DOC, '2026-04-05', '2026-Q1')]),
      'EV-03': series('EV-03', 'CTL-03, CTL-01', 'quarterly', [at(DOC, '2026-04-05', '2026-Q1')]),
    });
    expect(found).toEqual([
      {
        code: 'TB622',
        severity: 'error',
        file: 'evidence-index/EV-03.mdx',
        line: 8,
        subject: { kind: 'evidence', id: 'EV-03', artifact: 0 },
        message: `one document (${DOC}) is counted for several occurrences: EV-01 2026-Q1, EV-02 2026-Q1, EV-03 2026-Q1`,
        hint: expect.stringContaining('Each occurrence needs its own record'),
      },
    ]);
  });

  it('counts no occurrence for an artifact claiming a period that does not exist (2025 has no week 53)', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01', 'quarterly', [
        at(DOC, '2026-04-05', '2026-Q1'),
        at(DOC, '2026-04-06', '2025-W53'),
      ]),
    });
    expect(found).toEqual([]);
  });

  it('is not reported for per-event records of one control, in one series or two', () => {
    const found = run({
      'EV-01': perEvent('EV-01', 'CTL-01', DOC, ['CHG-1', 'CHG-2']),
      'EV-02': perEvent('EV-02', 'CTL-01', DOC),
    });
    expect(found).toEqual([]);
  });

  it('is not reported for a series naming its control twice, beside a per-event record of that control', () => {
    const found = run({
      'EV-01': series('EV-01', 'CTL-01, CTL-01', 'quarterly', [at(DOC, '2026-04-05', '2026-Q1')]),
      'EV-02': perEvent('EV-02', 'CTL-01', DOC),
    });
    expect(found).toEqual([]);
  });

  it('lists six uses whole and says how many more there are after six', () => {
    const months = (count: number) =>
      Array.from({ length: count }, (_, i) => at(DOC, '2026-07-03', `2026-${String(i + 1).padStart(2, '0')}`));
    const six = run({ 'EV-01': series('EV-01', 'CTL-01', 'monthly', months(6)) });
    expect(six[0]!.message).toMatch(
      /: EV-01 2026-01, EV-01 2026-02, EV-01 2026-03, EV-01 2026-04, EV-01 2026-05, EV-01 2026-06$/,
    );
    const seven = run({ 'EV-01': series('EV-01', 'CTL-01', 'monthly', months(7)) });
    expect(seven[0]!.message).toMatch(/: EV-01 2026-01, .*, EV-01 2026-06 and 1 more$/);
  });

  it('points at the `file` line of a record written in block style, and at `location` when it has one', () => {
    const block = (second: string) => `---
id: EV-01
title: Review record
controls: [CTL-01]
owner: engineer
frequency: quarterly
artifacts:
  - collected: 2026-04-05
    period: 2026-Q1
    file: files/q1.pdf
    sha256: ${HASH}
  - collected: 2026-07-03
    period: 2026-Q2
${second}---

Kept.
`;
    const byFile = run({ 'EV-01': block(`    sha256: ${HASH}\n    file: files/copy.pdf\n`) });
    expect(codes(byFile)).toEqual(['TB622 EV-01 15']);
    const byLocation = run({
      'EV-01': block(`    file: files/copy.pdf\n    sha256: ${HASH}\n    location: "${DOC}"\n`),
    });
    expect(codes(byLocation)).toEqual(['TB622 EV-01 16']);
    expect(byLocation[0]!.message).toContain(`(${DOC})`);
  });
});

describe('one document for unrelated controls (TB623)', () => {
  it('warns at the first use in the later series, naming each control once and each use', () => {
    const found = run({
      'EV-01': perEvent('EV-01', 'CTL-01', DOC),
      'EV-02': perEvent('EV-02', 'CTL-02', DOC, ['CHG-1', 'CHG-2']),
      'EV-03': perEvent('EV-03', 'CTL-01', DOC),
    });
    expect(found).toEqual([
      {
        code: 'TB623',
        severity: 'warning',
        file: 'evidence-index/EV-02.mdx',
        line: 8,
        subject: { kind: 'evidence', id: 'EV-02', artifact: 0 },
        message: `one document (${DOC}) is recorded as evidence of unrelated controls (CTL-01, CTL-02): EV-01 artifact 1, EV-02 artifact 1, EV-02 artifact 2, EV-03 artifact 1`,
        hint: expect.stringContaining('Confirm the document really shows each of these controls operating'),
      },
    ]);
  });

  it('finds the unrelated pair among later series, after related ones', () => {
    const found = run({
      'EV-01': perEvent('EV-01', 'CTL-01, CTL-02', DOC),
      'EV-02': perEvent('EV-02', 'CTL-02', DOC),
      'EV-03': perEvent('EV-03', 'CTL-02, CTL-03', DOC),
      'EV-04': perEvent('EV-04', 'CTL-04', DOC),
    });
    expect(codes(found)).toEqual(['TB623 EV-04 8']);
    expect(found[0]!.message).toContain('unrelated controls (CTL-01, CTL-02, CTL-03, CTL-04)');
  });

  it('is not given for series that share one of their controls', () => {
    const found = run({
      'EV-01': perEvent('EV-01', 'CTL-01, CTL-02', DOC),
      'EV-02': perEvent('EV-02', 'CTL-02', DOC),
    });
    expect(found).toEqual([]);
  });

  it('is not given for a document used once', () => {
    expect(run({ 'EV-01': perEvent('EV-01', 'CTL-01', DOC) })).toEqual([]);
  });
});
