import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/engine/index.ts';
import { requestListCsv, requestRows } from '../../src/export/requests.ts';
import { parseCsv } from '../../src/export/csv.ts';
import { mapRequest, requestsFromTable, suggestMapping } from '../../src/fieldwork/request-list.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';

/** The valid program with a second control and series, and a request list mapping requests to them. */
function withRequests(list: string): Files {
  return {
    ...validProgram(),
    'content/controls/HR-01.mdx': `---
id: HR-01
title: Background checks before hire
criteria: [CC1.4]
policies: [information-security]
owner: security-lead
frequency: per-event
status: planned
---

People Operations will run a background check before each start date.
`,
    'content/requests/test-cpa.yaml': list,
  };
}

const confirmed = (id: string, controls: string, evidence = '[]') =>
  `  - { id: ${id}, request: "Provide the record.", controls: ${controls}, evidence: ${evidence}, confirmed: true }\n`;

describe('reading the firm’s table', () => {
  it('finds the columns by their headers, whatever their case and spacing, and keeps the firm’s order', () => {
    const requests = requestsFromTable([
      ['  Request  ID ', 'Request Description', 'TSC', 'Controls'],
      ['B-2', 'Provide the backup restore tests', 'A1.3', ''],
      ['', '', '', ''],
      ['A-1', 'Provide the access reviews, for CC6.2 and cc6.3', '', 'AC-04; AC-05  AC-06'],
    ]);
    expect(requests).toEqual([
      { id: 'B-2', request: 'Provide the backup restore tests', criteria: ['A1.3'] },
      {
        id: 'A-1',
        request: 'Provide the access reviews, for CC6.2 and cc6.3',
        criteria: ['CC6.2', 'CC6.3'],
        controls: ['AC-04', 'AC-05', 'AC-06'],
      },
    ]);
  });

  it('reads the columns --map names, and says which headers exist when one is not there', () => {
    const table = [
      ['No.', 'Item requested'],
      ['7', 'Provide the org chart'],
    ];
    expect(requestsFromTable(table, { id: 'no.', request: 'Item Requested' })).toEqual([
      { id: '7', request: 'Provide the org chart', criteria: [] },
    ]);
    expect(() => requestsFromTable(table)).toThrow(/no request id column/);
    expect(() => requestsFromTable(table, { id: 'Ref', request: 'Item requested' })).toThrow(/no column "Ref"/);
  });
});

describe('suggesting a mapping', () => {
  let model: ReturnType<typeof check>['model'];
  beforeEach(() => {
    model = check(withRequests('requests: []\n')).model;
  });

  it('suggests the controls and series of the criterion the request names', () => {
    // Both controls map to CC1.4 (the baseline control maps to every security criterion); ties go by id.
    expect(suggestMapping({ request: 'Provide the listing', criteria: ['CC1.4'] }, model)).toEqual({
      controls: ['BASE-01', 'HR-01'],
      evidence: ['EV-BASE-01'],
    });
    expect(suggestMapping({ request: 'Provide the listing', criteria: ['A1.2'] }, model)).toEqual({
      controls: [],
      evidence: [],
    });
  });

  it('suggests by the words the request shares with control and series titles', () => {
    const suggested = suggestMapping(
      { request: 'For a sample of new hires, provide the background checks completed', criteria: [] },
      model,
    );
    expect(suggested.controls).toEqual(['HR-01']);
    expect(
      suggestMapping({ request: 'Provide the baseline security program review records', criteria: [] }, model),
    ).toEqual({
      controls: ['BASE-01'],
      evidence: ['EV-BASE-01'],
    });
  });

  it('takes an explicit column as confirmed, with the series of the controls named', () => {
    expect(mapRequest({ id: 'X-1', request: 'Anything', criteria: [], controls: ['BASE-01'] }, model)).toMatchObject({
      record: { controls: ['BASE-01'], evidence: ['EV-BASE-01'], confirmed: true },
      mapping: 'explicit',
    });
    expect(mapRequest({ id: 'X-2', request: 'Nothing alike', criteria: [] }, model)).toMatchObject({
      record: { controls: [], confirmed: false },
      mapping: 'none',
    });
  });
});

describe('the request rules', () => {
  it('reports an unknown control or evidence id in a request (TB910) and a duplicate id (TB912)', () => {
    const result = check(
      withRequests(`requests:\n${confirmed('R-1', '[NOPE-01]', '[EV-NOPE]')}${confirmed('R-1', '[BASE-01]')}`),
    );
    expect(findings(result, 'TB910').map((d) => d.message)).toEqual([
      'request R-1 names control NOPE-01, which does not exist',
      'request R-1 names evidence series EV-NOPE, which does not exist',
    ]);
    expect(findings(result, 'TB910')[0]).toMatchObject({
      severity: 'error',
      file: 'content/requests/test-cpa.yaml',
      line: 2,
      subject: { kind: 'program', id: 'R-1' },
    });
    expect(findings(result, 'TB912')).toMatchObject([{ severity: 'error', line: 3 }]);
  });

  it('warns about a request whose suggested mapping is not yet confirmed (TB911)', () => {
    const result = check(
      withRequests(`requests:
  - id: R-1
    request: Provide the record.
    suggested: { controls: [BASE-01] }
`),
    );
    expect(findings(result, 'TB911')).toMatchObject([
      { severity: 'warning', message: 'request R-1: suggested mapping not yet confirmed' },
    ]);
    expect(result.summary.errors).toBe(0);
  });
});

describe('the status of each request', () => {
  const list = `requests:\n${confirmed('R-2', '[BASE-01]', '[EV-BASE-01]')}${confirmed('R-1', '[HR-01]')}  - { id: R-3, request: "Provide it.", suggested: { controls: [BASE-01] } }\n`;

  it('comes from the check’s findings, in the firm’s order', () => {
    const rows = requestRows(check(withRequests(list)));
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ['R-2', 'provided'],
      ['R-1', 'open'], // a control not yet in operation
      ['R-3', 'not mapped'],
    ]);
    expect(rows[0]!.links).toEqual(['https://docs.test.example/q2.pdf']);
  });

  it('is open when a mapped control misses an evidence period', () => {
    const files = edit(withRequests(list), 'evidence-index/EV-BASE-01.mdx', / {2}- \{ collected: 2026-04-05.*\n/, '');
    const result = check(files);
    expect(findings(result, 'TB601').length).toBeGreaterThan(0);
    expect(requestRows(result)[0]).toMatchObject({ id: 'R-2', status: 'open' });
  });

  it('is an exception when a mapped series discloses one', () => {
    const files = edit(
      withRequests(list),
      'evidence-index/EV-BASE-01.mdx',
      'artifacts:',
      'exceptions:\n  - { period: 2026-Q1, description: "The review was two days late.", disclosed: 2026-04-20, response: "A calendar reminder was added." }\nartifacts:',
    );
    const result = check(files);
    expect(findings(result, 'TB606').length).toBe(1);
    expect(requestRows(result)[0]).toMatchObject({ id: 'R-2', status: 'exception' });
  });

  it('goes into the firm’s CSV with the firm’s ids and our status', () => {
    const [header, first] = parseCsv(requestListCsv(check(withRequests(list))));
    expect(header).toEqual(['request id', 'request', 'criteria', 'controls', 'evidence', 'status', 'evidence link']);
    expect(first).toEqual([
      'R-2',
      'Provide the record.',
      '',
      'BASE-01',
      'EV-BASE-01',
      'provided',
      'https://docs.test.example/q2.pdf',
    ]);
  });
});

describe('the sample program’s request list', () => {
  it('holds the audit firm’s 30 or more requests, every one confirmed and mapped, without findings', () => {
    const result = checkProject(join(import.meta.dirname, '../..'));
    const lists = result.model.requests;
    expect(lists.map((list) => list.file)).toEqual(['content/requests/halden-pryce.yaml']);
    const requests = lists[0]!.data.requests;
    expect(requests.length).toBeGreaterThanOrEqual(30);
    expect(requests.every((request) => request.confirmed && request.controls.length > 0)).toBe(true);
    expect(result.diagnostics.filter((d) => d.code.startsWith('TB91'))).toEqual([]);
    expect(requestRows(result).map((row) => row.status)).not.toContain('not mapped');
  });
});
