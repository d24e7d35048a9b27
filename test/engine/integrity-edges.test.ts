/**
 * The integrity rule (TB701, TB702, TB703, TB405) on a model built from memory, the files' states set as the
 * loader would find them: each kind of named file (artifact, population export, bridge letter) with its own
 * words, line and subject; a hash recorded in capitals; a file with no hash recorded; and a population export
 * holding more or fewer rows than `rows` says, or exactly as many. integrity-rules.test.ts holds the disk.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/engine/index.ts';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import type { ArtifactFileState } from '../../src/engine/model.ts';
import { integrityRule, namedFiles } from '../../src/engine/rules/integrity.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';
const VENDOR = 'content/vendors/cloudco.yaml';
const SHA = 'ab'.repeat(32);
const OTHER = 'cd'.repeat(32);

/** The test program with its Q1 artifact kept as a file (`artifact` replaces its location: line 8). */
const withArtifact = (artifact: string): Files =>
  edit(validProgram(), EVIDENCE, 'location: "https://docs.test.example/q1.pdf"', artifact);

/** The test program with a population export written in block style (its `file` on line 12) after the artifacts. */
const withPopulation = (fields: string): Files =>
  edit(
    validProgram(),
    EVIDENCE,
    /---\n\nExported/,
    `population:\n  - source: Tickets\n    exported: 2026-07-01\n    ${fields}\n---\n\nExported`,
  );

/** A vendor whose bridge letter is kept as a file (`file` on line 11 of its record). */
const withLetter = (): Files => ({
  ...validProgram(),
  [VENDOR]: `id: cloudco\nname: CloudCo\npurpose: Hosting\ncriticality: high\nsubprocessor: true\nadded: 2025-01-01\nreviewed: 2026-05-01\nassurance:\n  type: soc2-type2\n  period_end: 2026-03-31\n  bridge_letter:\n    covers_until: 2026-06-30\n    file: letters/cloudco.pdf\n`,
});

function run(files: Files, states: Record<string, ArtifactFileState>): Diagnostic[] {
  const { model } = buildModel(Object.entries(files).map(([path, text]) => ({ path, text })));
  for (const [path, state] of Object.entries(states)) model.artifactFiles.set(path, state);
  return integrityRule(model, undefined as never);
}

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.code} ${d.file}:${d.line} ${JSON.stringify(d.subject)}: ${d.message}`);

describe('an artifact file', () => {
  const files = () => withArtifact(`file: files/q1.pdf, sha256: ${SHA}`);

  it('that matches its hash is accepted, also a hash recorded in capitals', () => {
    expect(run(files(), { 'files/q1.pdf': { status: 'present', sha256: SHA } })).toEqual([]);
    const capitals = withArtifact(`file: files/q1.pdf, sha256: ${SHA.toUpperCase()}`);
    expect(run(capitals, { 'files/q1.pdf': { status: 'present', sha256: SHA } })).toEqual([]);
  });

  it('that changed is reported at its line, for its artifact, with the hash it has', () => {
    expect(described(run(files(), { 'files/q1.pdf': { status: 'present', sha256: OTHER } }))).toEqual([
      `TB702 ${EVIDENCE}:8 {"kind":"evidence","id":"EV-BASE-01","artifact":0}: artifact file \`evidence-index/files/q1.pdf\` does not match its sha256 (it is ${OTHER})`,
    ]);
  });

  it('with no hash recorded is not compared', () => {
    const unhashed = withArtifact('file: files/q1.pdf');
    expect(run(unhashed, { 'files/q1.pdf': { status: 'present', sha256: OTHER } })).toEqual([]);
  });

  it('that is missing, or outside evidence-index/, is reported as such', () => {
    expect(described(run(files(), { 'files/q1.pdf': { status: 'missing' } }))).toEqual([
      `TB701 ${EVIDENCE}:8 {"kind":"evidence","id":"EV-BASE-01","artifact":0}: artifact file \`evidence-index/files/q1.pdf\` does not exist`,
    ]);
    expect(described(run(files(), { 'files/q1.pdf': { status: 'outside', reason: 'a link out' } }))).toEqual([
      `TB703 ${EVIDENCE}:8 {"kind":"evidence","id":"EV-BASE-01","artifact":0}: artifact file \`files/q1.pdf\` is a link out`,
    ]);
  });

  it('written in block style is reported at its `file` line', () => {
    const block = edit(
      validProgram(),
      EVIDENCE,
      / {2}- \{ collected: 2026-04-05, period: 2026-Q1, location: "[^"]*" \}/,
      `  - collected: 2026-04-05\n    period: 2026-Q1\n    file: files/q1.pdf\n    sha256: ${SHA}`,
    );
    expect(run(block, { 'files/q1.pdf': { status: 'missing' } }).map((d) => d.line)).toEqual([10]);
  });

  it('kept as a CSV is not held to a row count (only a population says how many rows it has)', () => {
    expect(run(files(), { 'files/q1.pdf': { status: 'present', sha256: SHA, csvRecords: 3 } })).toEqual([]);
  });

  it('not looked up (no state) is not judged', () => {
    expect(run(files(), {})).toEqual([]);
  });

  it('is named once per artifact with a file, and an artifact kept at a URL is not', () => {
    const { model } = buildModel(Object.entries(files()).map(([path, text]) => ({ path, text })));
    expect(namedFiles(model).map((named) => [named.path, named.what, named.sha256])).toEqual([
      ['files/q1.pdf', 'artifact file', SHA],
    ]);
  });
});

describe('a population export', () => {
  const files = (rows: number) => withPopulation(`rows: ${rows}\n    file: files/tickets.csv\n    sha256: ${SHA}`);
  const state = (records?: number): ArtifactFileState => ({
    status: 'present',
    sha256: SHA,
    ...(records === undefined ? {} : { csvRecords: records }),
  });

  it('holding as many rows as `rows` says is accepted, and one more or one fewer is not (TB405)', () => {
    expect(run(files(3), { 'files/tickets.csv': state(3) })).toEqual([]);
    expect(described(run(files(3), { 'files/tickets.csv': state(4) }))).toEqual([
      `TB405 ${EVIDENCE}:14 {"kind":"evidence","id":"EV-BASE-01"}: the population \`evidence-index/files/tickets.csv\` lists 4 events, but \`rows\` says 3`,
    ]);
    expect(described(run(files(3), { 'files/tickets.csv': state(2) }))).toEqual([
      `TB405 ${EVIDENCE}:14 {"kind":"evidence","id":"EV-BASE-01"}: the population \`evidence-index/files/tickets.csv\` lists 2 events, but \`rows\` says 3`,
    ]);
  });

  it('whose records were not counted (not a CSV) is not compared with `rows`', () => {
    expect(run(files(3), { 'files/tickets.csv': state() })).toEqual([]);
  });

  it('that changed is reported as a population file, at its `file` line', () => {
    expect(
      described(run(files(3), { 'files/tickets.csv': { status: 'present', sha256: OTHER, csvRecords: 3 } })),
    ).toEqual([
      `TB702 ${EVIDENCE}:14 {"kind":"evidence","id":"EV-BASE-01"}: population file \`evidence-index/files/tickets.csv\` does not match its sha256 (it is ${OTHER})`,
    ]);
  });

  it('whose file differs in rows and in hash is reported for its hash alone', () => {
    expect(run(files(3), { 'files/tickets.csv': { status: 'present', sha256: OTHER, csvRecords: 4 } })).toEqual([
      expect.objectContaining({ code: 'TB702' }),
    ]);
  });
});

describe('the files a program names', () => {
  it('leave out a population, a bridge letter and an artifact kept at a URL, and a vendor with no report or no letter', () => {
    const files = {
      ...withPopulation('rows: 3\n    location: "https://docs.test.example/tickets.csv"'),
      [VENDOR]: withLetter()[VENDOR]!.replace(
        'file: letters/cloudco.pdf',
        'location: "https://cloudco.example/bridge.pdf"',
      ),
      'content/vendors/plain.yaml':
        'id: plain\nname: Plain\npurpose: Mail\ncriticality: low\nadded: 2025-01-01\nreviewed: 2026-05-01\n',
      'content/vendors/reported.yaml':
        'id: reported\nname: Reported\npurpose: Mail\ncriticality: low\nadded: 2025-01-01\nreviewed: 2026-05-01\nassurance: { type: soc2-type2, period_end: 2026-03-31 }\n',
    };
    const { model } = buildModel(Object.entries(files).map(([path, text]) => ({ path, text })));
    expect(namedFiles(model)).toEqual([]);
  });
});

describe('a bridge letter', () => {
  it('kept as a file that is missing is reported at its `file` line, for its vendor', () => {
    expect(described(run(withLetter(), { 'letters/cloudco.pdf': { status: 'missing' } }))).toEqual([
      `TB701 ${VENDOR}:13 {"kind":"vendor","id":"cloudco"}: bridge letter \`evidence-index/letters/cloudco.pdf\` does not exist`,
    ]);
  });

  it('kept as a file that is present is accepted, whatever its hash (none is recorded)', () => {
    expect(run(withLetter(), { 'letters/cloudco.pdf': { status: 'present', sha256: OTHER } })).toEqual([]);
  });
});
