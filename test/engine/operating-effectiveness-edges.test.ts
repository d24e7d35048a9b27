/**
 * The operating-effectiveness rule at edges operating-effectiveness-rule.test.ts leaves open: TB612 when every
 * exception names an event, on the line of a `sample` written in block style; nothing at all (not merely no
 * TB611 or TB612) for an exception of a period that does not exist or a population kept outside the repository;
 * and no TB609 for a control that was not in operation over the window.
 */
import { describe, expect, it } from 'vitest';
import { buildModel, type ProgramModel } from '../../src/engine/index.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';
import { operatingEffectivenessRule } from '../../src/engine/rules/operating-effectiveness.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

const CONTROL = 'content/controls/BASE-01.mdx';
const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

function modelOf(files: Files): ProgramModel {
  return buildModel(Object.entries(files).map(([path, text]) => ({ path, text }))).model;
}

/** Each finding as code and line; anything that is not a finding shows as itself. */
const run = (model: ProgramModel) =>
  operatingEffectivenessRule(model, { asOf: '2026-07-15' } as RuleContext).map((d) =>
    typeof d === 'object' ? `${d.code} ${d.line}` : d,
  );

/** EV-BASE-01 as a per-event series with its population's export, listing `ids`, and `exceptions` as written. */
function perEvent(exceptions: string, ids: string[] | undefined): ProgramModel {
  const located = ids
    ? `file: files/changes.csv, sha256: ${'a'.repeat(64)}`
    : 'location: "https://docs.test.example/c.csv"';
  const files = edit(
    validProgram(),
    EVIDENCE,
    /frequency: quarterly\nartifacts:\n(.*\n){2}/,
    `frequency: per-event\nartifacts: []\npopulation:\n  - { source: Tickets, exported: 2026-07-01, rows: 2, ${located} }\nexceptions:\n${exceptions}`,
  );
  const model = modelOf(files);
  if (ids) model.artifactFiles.set('files/changes.csv', { status: 'present', sha256: 'a'.repeat(64), csvIds: ids });
  return model;
}

const blockException = (sample: string) =>
  `  - period: 2026-03\n    description: "The change went out unreviewed."\n    disclosed: 2026-04-02\n    response: "Reviewed it now."\n    sample: ${sample}\n`;

describe('TB612 when every exception names an event', () => {
  it('is reported for the event the export does not list, on its `sample` line', () => {
    const found = run(perEvent(blockException('CHG-9'), ['CHG-1', 'CHG-2'])).filter((d) => d.startsWith('TB612'));
    // Lines: 1 ---, ..., `exceptions:` then the entry's period, description, disclosed, response, sample.
    expect(found).toEqual(['TB612 15']);
    expect(run(perEvent(blockException('CHG-1'), ['CHG-1', 'CHG-2'])).filter((d) => d.startsWith('TB612'))).toEqual([]);
  });
});

describe('nothing to report', () => {
  it('gives no finding of any kind for a population kept outside the repository', () => {
    expect(run(perEvent(blockException('CHG-9'), undefined)).filter((d) => !d.startsWith('TB609'))).toEqual([]);
  });

  it('gives no finding of any kind for an event the export lists', () => {
    expect(run(perEvent(blockException('CHG-1'), ['CHG-1'])).filter((d) => !d.startsWith('TB609'))).toEqual([]);
  });

  it('gives no finding of any kind for an exception of a period that does not exist', () => {
    const files = edit(
      validProgram(),
      EVIDENCE,
      '---\n\nExported',
      'exceptions:\n  - { period: 2025-W53, description: "x", disclosed: 2020-01-01, response: "y" }\n---\n\nExported',
    );
    expect(run(modelOf(files))).toEqual([]);
  });
});

describe('TB609 and the controls in operation', () => {
  it('is not raised for a control retired before the window, whatever its evidence disclosed', () => {
    const deviated = edit(
      validProgram(),
      EVIDENCE,
      '---\n\nExported',
      'exceptions:\n  - { period: 2026-Q1, description: "x", disclosed: 2026-07-05, response: "y" }\n---\n\nExported',
    );
    expect(run(modelOf(deviated))).toEqual([`TB609 8`]);
    const retired = edit(deviated, CONTROL, 'frequency: quarterly', 'frequency: quarterly\nretired: 2025-12-31');
    expect(run(modelOf(retired))).toEqual([]);
  });
});
