/**
 * The request-list rule called directly: a request naming a control or series that does not exist (TB910, with
 * the folder to look in), a mapping not yet confirmed (TB911), and an id used twice in one list but not across
 * two lists (TB912), each on the line of its field, written in block style.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { requestsRule } from '../../src/engine/rules/requests.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

const LIST = 'content/requests/firm.yaml';

const control = `---\nid: C-1\ntitle: A control\ncriteria: [CC6.1]\nowner: engineer\nfrequency: quarterly\n---\n\nIt runs.\n`;
const series = `---\nid: EV-1\ntitle: Record\ncontrols: [C-1]\nowner: engineer\nfrequency: quarterly\nartifacts: []\n---\n\nKept.\n`;

/** A request in block style: lines id, request, controls, evidence, confirmed (in that order). */
const request = (id: string, controls: string, evidence: string, confirmed = true) =>
  `  - id: ${id}\n    request: Provide the list.\n    controls: [${controls}]\n    evidence: [${evidence}]\n    confirmed: ${confirmed}\n`;

const run = (lists: Record<string, string>) =>
  requestsRule(
    smallModel({ 'content/controls/C-1.mdx': control, 'evidence-index/EV-1.mdx': series, ...lists }),
    ruleContext('2026-07-15'),
  );

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

describe('a request that names something that does not exist (TB910)', () => {
  it('is reported for a control on the `controls` line and a series on the `evidence` line', () => {
    const found = run({ [LIST]: `firm: Test CPA\nrequests:\n${request('HP-1', 'C-1, C-9', 'EV-1, EV-9')}` });
    expect(described(found)).toEqual([
      `error TB910 ${LIST}:5 program/HP-1: request HP-1 names control C-9, which does not exist`,
      `error TB910 ${LIST}:6 program/HP-1: request HP-1 names evidence series EV-9, which does not exist`,
    ]);
    expect(found.map((d) => d.hint)).toEqual([
      'Name a control of the program (content/controls/), or remove the id.',
      'Name an evidence series of the program (evidence-index/), or remove the id.',
    ]);
  });

  it('is not reported for ids that exist', () => {
    expect(run({ [LIST]: `requests:\n${request('HP-1', 'C-1', 'EV-1')}` })).toEqual([]);
  });
});

describe('a mapping not yet confirmed (TB911)', () => {
  it('is a warning on the `confirmed` line', () => {
    expect(described(run({ [LIST]: `requests:\n${request('HP-1', 'C-1', 'EV-1', false)}` }))).toEqual([
      `warning TB911 ${LIST}:6 program/HP-1: request HP-1: suggested mapping not yet confirmed`,
    ]);
  });
});

describe('a request id used twice (TB912)', () => {
  it('is reported once, on the second request’s `id` line', () => {
    const list = `requests:\n${request('HP-1', 'C-1', 'EV-1')}${request('HP-2', 'C-1', 'EV-1')}${request('HP-1', 'C-1', 'EV-1')}`;
    expect(described(run({ [LIST]: list }))).toEqual([
      `error TB912 ${LIST}:12 program/HP-1: request id HP-1 appears more than once in the list`,
    ]);
  });

  it('points at the `id` line when it is not the request’s first', () => {
    const later = '  - request: Provide it again.\n    id: HP-1\n    confirmed: true\n';
    const list = `requests:\n${request('HP-1', 'C-1', 'EV-1')}${later}`;
    expect(run({ [LIST]: list }).map((d) => `${d.code} ${d.line}`)).toEqual(['TB912 8']);
  });

  it('is not reported for the same id in two lists', () => {
    const list = `requests:\n${request('HP-1', 'C-1', 'EV-1')}`;
    expect(run({ [LIST]: list, 'content/requests/other.yaml': list })).toEqual([]);
  });
});
