/**
 * The audit firm's request list, from its table (CSV or the first worksheet of an XLSX, as rows of text) to
 * the requests `content/requests/*.yaml` records: the firm's ids, order and wording, with the controls and
 * evidence series that answer each request, either as the firm mapped them or as suggestions to confirm.
 *
 * Suggestions are scored, and the three best of each kind with a score of 2 or more are kept:
 * - 3 points for each criterion the request names (in its criteria column or its text, `CC6.1`) that the
 *   control maps to (for an evidence series: that one of its controls maps to);
 * - 1 point for each significant word the request text shares with the control's or series' title (words of
 *   four letters or more, less common words of request lists such as "provide" or "sample", with plural and
 *   -ed/-ing endings removed);
 * - for a series, 2 more points when it evidences a control already suggested.
 * Ties go to the lower id, so an import is the same every time.
 */
import { findCriterion } from '../catalog/index.ts';
import { listShort, quoteShort, UsageError } from '../engine/errors.ts';
import type { Document, ProgramModel } from '../engine/model.ts';
import type { AuditRequest, ControlData, EvidenceData } from '../schema/index.ts';

export type RequestColumn = 'id' | 'request' | 'criteria' | 'controls' | 'evidence';

/** Which header each field is read from, when the firm's names differ from the defaults (`--map`). */
export type ColumnMap = Partial<Record<RequestColumn, string>>;

/** The default header patterns, tried in this order; a column is taken once. */
const defaultColumns: [RequestColumn, RegExp][] = [
  ['id', /^(id|request id|ref|#)$/i],
  ['request', /request|description/i],
  ['criteria', /criteri|tsc/i],
  ['controls', /control/i],
  ['evidence', /evidence/i],
];

const normalizeHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/\s+/g, ' ');

/** Parses `id=Ref,request=Request text` into a column map, refusing unknown fields. */
export function parseColumnMap(text: string): ColumnMap {
  const map: ColumnMap = {};
  for (const pair of text.split(',')) {
    const [field, ...rest] = pair.split('=');
    const name = field?.trim() as RequestColumn;
    const column = rest.join('=').trim();
    if (!defaultColumns.some(([known]) => known === name) || column === '') {
      throw new UsageError(
        `--map "${quoteShort(pair.trim())}" is not field=column`,
        'Write --map id=<column>,request=<column>[,criteria=<column>][,controls=<column>][,evidence=<column>], naming the headers of the file.',
      );
    }
    map[name] = column;
  }
  return map;
}

/** Which column index holds each field. */
function locateColumns(headers: string[], map: ColumnMap | undefined): Partial<Record<RequestColumn, number>> {
  const normalized = headers.map((header) => normalizeHeader(header).toLowerCase());
  const found: Partial<Record<RequestColumn, number>> = {};
  const taken = new Set<number>();
  for (const [field, pattern] of defaultColumns) {
    const wanted = map?.[field];
    const index =
      wanted !== undefined
        ? normalized.indexOf(normalizeHeader(wanted).toLowerCase())
        : map === undefined
          ? normalized.findIndex((header, at) => !taken.has(at) && pattern.test(header))
          : -1;
    if (wanted !== undefined && index < 0) {
      throw new UsageError(
        `the file has no column "${quoteShort(wanted)}" (for ${field})`,
        `Its headers are: ${listShort(headers.map(normalizeHeader))}.`,
      );
    }
    if (index >= 0) {
      found[field] = index;
      taken.add(index);
    }
  }
  if (found.id === undefined || found.request === undefined) {
    throw new UsageError(
      `the file has no ${found.id === undefined ? 'request id' : 'request text'} column`,
      `Its headers are: ${listShort(headers.map(normalizeHeader)) || '(none)'}. Name the columns with --map id=<column>,request=<column>.`,
    );
  }
  return found;
}

/** A request as read from the firm's table, before any mapping. */
export interface TableRequest {
  id: string;
  request: string;
  criteria: string[];
  /** Ids from an explicit controls column, when the row has any. */
  controls?: string[];
  /** Ids from an explicit evidence column, when the row has any. */
  evidence?: string[];
}

/** Ids in a cell, separated by commas, semicolons or white space. */
export function splitIds(cell: string | undefined): string[] {
  return (cell ?? '').split(/[\s,;]+/).filter((id) => id !== '');
}

/** The criteria ids in a text, in order of appearance, once each: only ids the framework has. */
export function criteriaIn(text: string): string[] {
  const found = [...text.matchAll(/\b(CC|PI|A|C|P)(\d+\.\d+)\b/gi)].map((match) => match[1]!.toUpperCase() + match[2]);
  return [...new Set(found.filter((id) => findCriterion(id) !== undefined))];
}

/** Reads the firm's table: the first row is the header; blank rows are skipped; the firm's order is kept. */
export function requestsFromTable(rows: string[][], map?: ColumnMap): TableRequest[] {
  const [headers, ...body] = rows;
  if (!headers) throw new UsageError('the file is empty', 'Export the request list with its header row.');
  const columns = locateColumns(headers, map);
  const cell = (row: string[], field: RequestColumn) => {
    const index = columns[field];
    return index === undefined ? '' : (row[index] ?? '').trim();
  };
  const requests: TableRequest[] = [];
  body.forEach((row, index) => {
    if (row.every((value) => value.trim() === '')) return;
    const id = cell(row, 'id');
    const text = cell(row, 'request').replace(/\s+/g, ' ');
    if (id === '' || text === '') {
      throw new UsageError(
        `row ${index + 2} has no ${id === '' ? 'request id' : 'request text'}`,
        'Give every request its id and its text, or remove the row.',
      );
    }
    const controls = splitIds(cell(row, 'controls'));
    const evidence = splitIds(cell(row, 'evidence'));
    requests.push({
      id,
      request: text,
      criteria: criteriaIn(`${cell(row, 'criteria')} ${text}`),
      ...(controls.length > 0 ? { controls } : {}),
      ...(evidence.length > 0 ? { evidence } : {}),
    });
  });
  return requests;
}

/** Words that every request list uses, and that say nothing about which control answers a request. */
const commonWords = new Set(
  `about also been each evidence example examination exam from have including into list listing made more
  most other over period population populations provide provided relevant request sample samples selected
  selection show showing such supporting than that their them then there these this those through under
  upon used were what when where which while with within would documentation copy copies company entity
  auditor date dates`.split(/\s+/),
);

function stem(word: string): string {
  for (const ending of ['ing', 'ies', 'ed', 'es', 's']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4 && !word.endsWith('ss')) {
      return ending === 'ies' ? `${word.slice(0, -3)}y` : word.slice(0, -ending.length);
    }
  }
  return word;
}

/** The significant words of a text, stemmed. */
export function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length >= 4 && !commonWords.has(word))
      .map(stem),
  );
}

const overlap = (a: Set<string>, b: Set<string>) => [...a].filter((word) => b.has(word)).length;

function best(scores: Map<string, number>, count = 3): string[] {
  return [...scores]
    .filter(([, score]) => score >= 2)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'en', { numeric: true }))
    .slice(0, count)
    .map(([id]) => id);
}

/** Controls and evidence series that likely answer a request, best first (see the scoring above). */
export function suggestMapping(
  request: Pick<TableRequest, 'request' | 'criteria'>,
  model: Pick<ProgramModel, 'controls' | 'evidence'>,
): { controls: string[]; evidence: string[] } {
  const words = significantWords(request.request);
  const criteria = new Set(request.criteria);
  const controlScore = (control: Document<ControlData>) =>
    3 * control.data.criteria.filter((id) => criteria.has(id)).length +
    overlap(words, significantWords(control.data.title));
  const controls = best(new Map(model.controls.map((control) => [control.id, controlScore(control)])));
  const controlCriteria = new Map(model.controls.map((control) => [control.id, control.data.criteria]));
  const seriesScore = (series: Document<EvidenceData>) => {
    const seriesCriteria = new Set(series.data.controls.flatMap((id) => controlCriteria.get(id) ?? []));
    return (
      3 * [...criteria].filter((id) => seriesCriteria.has(id)).length +
      overlap(words, significantWords(series.data.title)) +
      (series.data.controls.some((id) => controls.includes(id)) ? 2 : 0)
    );
  };
  const evidence = best(new Map(model.evidence.map((series) => [series.id, seriesScore(series)])));
  return { controls, evidence };
}

/**
 * The request as the file records it. Ids from an explicit column are the firm's mapping and confirmed (a
 * controls column alone brings the series that evidence those controls); otherwise suggestions, unconfirmed.
 */
export function mapRequest(
  request: TableRequest,
  model: Pick<ProgramModel, 'controls' | 'evidence'>,
): { record: AuditRequest; mapping: 'explicit' | 'suggested' | 'none' } {
  const base = { id: request.id, request: request.request, criteria: request.criteria };
  if (request.controls || request.evidence) {
    const controls = request.controls ?? [];
    const evidence =
      request.evidence ??
      model.evidence.filter((series) => series.data.controls.some((id) => controls.includes(id))).map((s) => s.id);
    return { record: { ...base, controls, evidence, confirmed: true }, mapping: 'explicit' };
  }
  const suggested = suggestMapping(request, model);
  const found = suggested.controls.length + suggested.evidence.length > 0;
  return {
    record: { ...base, controls: [], evidence: [], ...(found ? { suggested } : {}), confirmed: false },
    mapping: found ? 'suggested' : 'none',
  };
}
