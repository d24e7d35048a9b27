/**
 * The missing-evidence rule called directly: an implemented control without a series (TB401) and a series
 * without artifacts (TB402), each on its line; what excuses them (a planned control, a series file that fails its
 * schema but names the control, an evidence file that does not parse, a per-event population stating that no
 * event occurred); and readiness mode deferring both.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { missingEvidenceRule } from '../../src/engine/rules/missing-evidence.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const CONTROL = 'content/controls/C-1.mdx';
const SERIES = 'evidence-index/EV-1.mdx';

const control = (status = 'implemented', id = 'C-1') =>
  `---\nid: ${id}\ntitle: A control\ncriteria: [CC6.1]\nowner: engineer\nfrequency: quarterly\nstatus: ${status}\n---\n\nIt runs.\n`;

/** EV-1 for `controls`, at `frequency`, with `rest` (its artifacts, population...) as written. */
const series = (rest = 'artifacts: []\n', frequency = 'quarterly', controls = 'C-1') =>
  `---\nid: EV-1\ntitle: Record\ncontrols: [${controls}]\nowner: engineer\nfrequency: ${frequency}\n${rest}---\n\nKept.\n`;

const ARTIFACT =
  'artifacts:\n  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.acme-corp.io/q1.pdf" }\n';
const NO_EVENTS =
  'artifacts: []\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: 0, note: No change was made. }\n';
const EVENTS =
  'artifacts: []\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: 3, location: "https://docs.acme-corp.io/c.csv" }\n';

const run = (files: Record<string, string>, broken: string[] = [], readiness = false) =>
  missingEvidenceRule(smallModel(files, broken), ruleContext('2026-07-15', { readiness }));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('an implemented control without evidence (TB401)', () => {
  it('is reported on its `id` line', () => {
    const found = run({ [CONTROL]: control() });
    expect(described(found)).toEqual([
      `error TB401 ${CONTROL}:2 control/C-1: implemented control C-1 has no evidence series`,
    ]);
    expect(found[0]!.hint).toContain('evidence-index/EV-C-1.mdx with `controls: [C-1]`');
  });

  it('is not reported for a planned control, or once a series names it', () => {
    expect(run({ [CONTROL]: control('planned') })).toEqual([]);
    expect(run({ [CONTROL]: control(), [SERIES]: series(ARTIFACT) })).toEqual([]);
  });

  it('is reported only for the control no series names', () => {
    const files = {
      [CONTROL]: control(),
      'content/controls/C-2.mdx': control('implemented', 'C-2'),
      [SERIES]: series(ARTIFACT),
    };
    expect(run(files).map((d) => `${d.code} ${d.subject?.id}`)).toEqual(['TB401 C-2']);
  });

  it('is not reported when a series that fails its schema names the control', () => {
    const invalid = series(`${ARTIFACT}unknown_field: 1\n`);
    expect(run({ [CONTROL]: control(), [SERIES]: invalid }, [SERIES])).toEqual([]);
  });

  it('is not reported while an evidence file does not parse: it might be the one', () => {
    const files = { [CONTROL]: control(), 'evidence-index/EV-9.mdx': '---\nid: [\n---\n' };
    expect(run(files, ['evidence-index/EV-9.mdx'])).toEqual([]);
  });
});

describe('a series without artifacts (TB402)', () => {
  it('is reported on its `artifacts` line while one of its controls is implemented', () => {
    expect(described(run({ [CONTROL]: control(), [SERIES]: series() }))).toEqual([
      `error TB402 ${SERIES}:7 evidence/EV-1: evidence series EV-1 has no artifacts`,
    ]);
  });

  it('is not reported for the evidence of a planned control', () => {
    expect(run({ [CONTROL]: control('planned'), [SERIES]: series() })).toEqual([]);
  });

  it('is not reported for a per-event series whose population states that no event occurred', () => {
    expect(run({ [CONTROL]: control(), [SERIES]: series(NO_EVENTS, 'per-event') })).toEqual([]);
  });

  it('is reported for a per-event series whose population lists events in one period and none in another', () => {
    const twoPeriods =
      'artifacts: []\npopulation:\n  - { period: 2026-Q1, source: Tickets, exported: 2026-04-01, rows: 0, note: No change was made. }\n  - { period: 2026-Q2, source: Tickets, exported: 2026-07-01, rows: 3, location: "https://docs.acme-corp.io/c.csv" }\n';
    expect(run({ [CONTROL]: control(), [SERIES]: series(twoPeriods, 'per-event') }).map((d) => d.code)).toEqual([
      'TB402',
    ]);
    const noneInEither = twoPeriods.replace(
      'rows: 3, location: "https://docs.acme-corp.io/c.csv"',
      'rows: 0, note: None.',
    );
    expect(run({ [CONTROL]: control(), [SERIES]: series(noneInEither, 'per-event') })).toEqual([]);
  });

  it('is reported for a per-event series without any population', () => {
    expect(run({ [CONTROL]: control(), [SERIES]: series('artifacts: []\n', 'per-event') }).map((d) => d.code)).toEqual([
      'TB402',
    ]);
  });

  it('is reported for a per-event series with events, and for a periodic series whatever its population says', () => {
    expect(run({ [CONTROL]: control(), [SERIES]: series(EVENTS, 'per-event') }).map((d) => d.code)).toEqual(['TB402']);
    expect(run({ [CONTROL]: control(), [SERIES]: series(NO_EVENTS) }).map((d) => d.code)).toEqual(['TB402']);
  });
});

describe('readiness mode', () => {
  it('defers both to marked warnings', () => {
    const files = {
      [CONTROL]: control(),
      'content/controls/C-2.mdx': control('implemented', 'C-2'),
      [SERIES]: series(),
    };
    const found = run(files, [], true);
    expect(found.map((d) => `${d.code} ${d.severity} ${d.deferred}`)).toEqual([
      'TB401 warning true',
      'TB402 warning true',
    ]);
    expect(run(files).map((d) => `${d.code} ${d.severity} ${d.deferred}`)).toEqual([
      'TB401 error undefined',
      'TB402 error undefined',
    ]);
  });
});
