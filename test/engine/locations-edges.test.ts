/**
 * The evidence-locations rule (TB704) called directly: each place an address is read (an artifact, a population
 * export, a vendor's bridge letter), the line and subject of each finding, a record kept as a file or at a real
 * address, a vendor without assurance or without a bridge letter, and readiness mode deferring the error.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { locationsRule } from '../../src/engine/rules/locations.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const SERIES = 'evidence-index/EV-1.mdx';
const VENDOR = 'content/vendors/cloudco.yaml';
const SHA = 'a'.repeat(64);

/** A series whose `artifacts` and `population` are the lines given (YAML flow mappings). */
const series = (artifacts: readonly string[], population: readonly string[] = []) => `---
id: EV-1
title: Record
controls: [C-1]
owner: engineer
frequency: quarterly
artifacts:
${artifacts.map((artifact) => `  - ${artifact}\n`).join('')}${population.length > 0 ? `population:\n${population.map((row) => `  - ${row}\n`).join('')}` : ''}---

Kept.
`;

const vendor = (assurance?: string) => `id: cloudco
name: CloudCo
purpose: Hosting
criticality: medium
added: 2025-11-01
reviewed: 2025-11-01
${assurance ? `assurance: ${assurance}\n` : ''}`;

const run = (files: Record<string, string>, readiness = false) =>
  locationsRule(smallModel(files), ruleContext('2026-07-15', { readiness }));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.file}:${d.line} ${JSON.stringify(d.subject)}: ${d.message}`);

describe('TB704 for each place an address is kept', () => {
  it('reports an artifact at a placeholder address on its `location` line, with the artifact in its subject', () => {
    const found = run({
      [SERIES]: series([
        '{ collected: 2026-04-05, period: 2026-Q1, location: "https://docs.acme-corp.io/q1.pdf" }',
        '{ collected: 2026-07-03, period: 2026-Q2, location: "https://tbd/q2.pdf" }',
      ]),
    });
    expect(described(found)).toEqual([
      `error ${SERIES}:9 {"kind":"evidence","id":"EV-1","artifact":1}: the artifact is kept at https://tbd/q2.pdf, and its host \`tbd\` is a placeholder`,
    ]);
    expect(found[0]!.code).toBe('TB704');
  });

  it('reports a population export at a placeholder address on its `location` line', () => {
    const found = run({
      [SERIES]: series(
        ['{ collected: 2026-04-05, period: 2026-Q1, location: "https://docs.acme-corp.io/q1.pdf" }'],
        [
          `{ source: Tickets, exported: 2026-07-01, rows: 2, file: files/changes.csv, sha256: ${SHA} }`,
          '{ source: Tickets, exported: 2026-07-01, rows: 2, location: "https://localhost/export.csv" }',
        ],
      ),
    });
    expect(described(found)).toEqual([
      `error ${SERIES}:11 {"kind":"evidence","id":"EV-1"}: the population export is kept at https://localhost/export.csv, and \`localhost\` is the machine it is opened on, not a place the auditor can reach`,
    ]);
  });

  it('reports a vendor’s bridge letter at a placeholder address on its `location` line', () => {
    const letter =
      '\n  type: soc2-type2\n  period_end: 2026-03-31\n  bridge_letter:\n    covers_until: 2026-06-30\n    location: "https://vendor.test/letter.pdf"';
    expect(described(run({ [VENDOR]: vendor(letter) }))).toEqual([
      `error ${VENDOR}:12 {"kind":"vendor","id":"cloudco"}: the bridge letter is kept at https://vendor.test/letter.pdf, and \`vendor.test\` is under \`.test\`, a name reserved never to resolve`,
    ]);
  });
});

describe('TB704 in block style', () => {
  it('points at the `location` line of an artifact and of a population export, not at the entry’s first line', () => {
    const found = run({
      [SERIES]: series(
        ['collected: 2026-04-05\n    period: 2026-Q1\n    location: "https://docs.acme-corp.io/todo/q1.pdf"'],
        ['source: Tickets\n    exported: 2026-07-01\n    rows: 2\n    location: "https://intranet/c.csv"'],
      ),
    });
    // Lines: 7 `artifacts:`, 8 collected, 9 period, 10 location, 11 `population:`, 12 source ... 15 location.
    expect(found.map((d) => `${d.line} ${d.message}`)).toEqual([
      '10 the artifact is kept at https://docs.acme-corp.io/todo/q1.pdf, and its path holds the placeholder `todo`',
      '15 the population export is kept at https://intranet/c.csv, and `intranet` is a name of one label, not a site',
    ]);
  });
});

describe('nothing to report', () => {
  it('for a record kept as a file, at a real address, or at a template default (TB321 says that)', () => {
    const found = run({
      [SERIES]: series([
        `{ collected: 2026-04-05, period: 2026-Q1, file: files/q1.pdf, sha256: ${SHA} }`,
        '{ collected: 2026-07-03, period: 2026-Q2, location: "https://docs.example.com/q2.pdf" }',
      ]),
      [VENDOR]: vendor(
        '{ type: soc2-type2, period_end: 2026-03-31, bridge_letter: { covers_until: 2026-06-30, file: letters/cloudco.pdf } }',
      ),
    });
    expect(found).toEqual([]);
  });

  it('for a vendor without assurance, or with assurance and no bridge letter', () => {
    expect(run({ [VENDOR]: vendor() })).toEqual([]);
    expect(run({ [VENDOR]: vendor('{ type: iso27001, expires: 2027-01-01 }') })).toEqual([]);
  });
});

describe('readiness mode', () => {
  it('defers the error to a marked warning', () => {
    const files = { [SERIES]: series(['{ collected: 2026-04-05, period: 2026-Q1, location: "https://todo/q1.pdf" }']) };
    expect(run(files, true)).toEqual([expect.objectContaining({ code: 'TB704', severity: 'warning', deferred: true })]);
    expect(run(files)[0]).not.toHaveProperty('deferred');
  });
});
