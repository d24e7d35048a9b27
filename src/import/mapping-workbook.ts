/**
 * Pairs of a SOC 2 criterion and another framework's requirement, read from the two workbook shapes users
 * download themselves: the Secure Controls Framework workbook (one row per SCF control, one column per framework
 * holding the ids it maps to, several per cell) and AICPA's mapping spreadsheets (one row per pair of a TSC
 * reference and the other framework's). Sheets arrive here as plain cells (src/import/workbook-cells.ts reads
 * them); headers and columns are found by name, without case or spacing, never by position, because each
 * edition moves them.
 */
import type { CrosswalkPair, CrosswalkTarget } from '../catalog/crosswalk/index.ts';
import {
  criteria,
  findCriterion,
  findFrameworkRequirement,
  frameworkNames,
  frameworkRequirementIds,
} from '../catalog/index.ts';
import type { Diagnostic } from '../engine/diagnostics.ts';
import { finding } from '../engine/findings/finding.ts';
import { closest } from '../engine/validate.ts';
import { normaliseCriterionId } from './criteria-map.ts';

/** A cell as the workbook holds it: typed text, or a formula or an error, which are never read as values. */
export type WorkbookCell = { text: string } | { formula: string } | { error: string };

export interface WorkbookSheet {
  name: string;
  /** Rows by their number less one, cells by their column number less one; a gap is an empty cell. */
  rows: readonly (readonly (WorkbookCell | undefined)[] | undefined)[];
}

export type WorkbookShape = 'scf' | 'aicpa';

/** A column the import read, as the report names it. */
export interface UsedColumn {
  /** What the column gave: the SCF control, the SOC 2 criteria, or the target framework's ids. */
  role: 'scf control' | 'soc2' | 'target' | 'relationship' | 'rationale';
  header: string;
  /** Its letter, as the spreadsheet shows it. */
  column: string;
}

export type ImportedPair = Omit<CrosswalkPair, 'reviewer' | 'reviewed'>;

export interface WorkbookMapping {
  shape: WorkbookShape;
  sheet: string;
  headerRow: number;
  columns: UsedColumn[];
  /** The edition the sheet's name gives (`SCF 2025.4` is 2025.4), if it gives one. */
  edition?: string | undefined;
  pairs: ImportedPair[];
  /** What was passed over (TB367, TB368), or, when nothing can be imported, why (TB365, TB366, TB369). */
  findings: Diagnostic[];
}

export interface WorkbookOptions {
  /** The sheet to read, by name; otherwise the first with a header row the import recognises. */
  sheet?: string | undefined;
  /** Headers that name the columns when the defaults do not find them. */
  columns?: { source?: string | undefined; target?: string | undefined };
}

/** How far down a sheet a header row is looked for: publishers put a title, a notice and a blank row above it. */
export const HEADER_SEARCH_ROWS = 30;

/** Lower case, one space for any run of whitespace (headers hold line breaks), trimmed. */
export const normaliseHeader = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The SCF workbook's key column: `SCF #` in every edition seen, `SCF ID` in some derived files. */
const scfKey = /^scf\s*(?:#|id|control\s*(?:#|id))$/;
/** `AICPA TSC 2017:2022 (used for SOC 2)`, `AICPA TSC 2017:2022 (SOC 2)`, `AICPA SOC 2 (2017)`. */
const scfSoc2 = /\baicpa\b.*\b(?:tsc|soc ?2)\b/;
/** The SCF column of each target, by edition: ISO 27001 for clauses, ISO 27002 for Annex A; CSF 2.0 only. */
const scfTargets: Record<CrosswalkTarget, { pattern: RegExp; annexA: boolean }[]> = {
  iso27001: [
    { pattern: /\biso(?:\/iec)? ?27001\b.*2022\b/, annexA: false },
    { pattern: /\biso(?:\/iec)? ?27002\b.*2022\b/, annexA: true },
  ],
  csf: [{ pattern: /\bnist\b.*\bcsf\b.*\bv? ?2(?:\.0)?\b/, annexA: false }],
};

/**
 * An AICPA sheet's column of TSC references: `TSC Ref. #`, `TSC Reference`, `Trust Services Criteria Ref #`, or a
 * bare `TSC`. A column of the criteria's text (`Trust Services Criteria`) is not it: one with a word for a
 * reference is preferred.
 */
const aicpaSoc2Ref =
  /^(?:2017 )?(?:tsc|tsp|trust services criteria|soc 2)(?: criteria)? (?:ref\.?|reference|#|id|no\.?)(?: ?#)?$/;
const aicpaSoc2Bare = /^(?:tsc|tsp|soc 2)$/;
/** Its column of the other framework's references: the framework's name and a word for a reference. */
const aicpaTargets: Record<CrosswalkTarget, RegExp> = {
  iso27001:
    /\biso(?:\/iec)? ?2700[12]\b.*\b(?:ref|reference|#|id|control|clause)\b|\b(?:ref|reference)\b.*\biso(?:\/iec)? ?2700[12]\b/,
  csf: /\b(?:csf|cybersecurity framework)\b.*\b(?:ref|reference|#|id|subcategory)\b|\b(?:ref|reference)\b.*\b(?:csf|cybersecurity framework)\b/,
};
const relationshipHeader = /^(?:relationship|relationship type|strm relationship)$/;
const rationaleHeader = /^(?:rationale|notes?|comments?)$/;

/** The spreadsheet's letter for a column number from 1. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** A cell as a person finds it: `'SCF 2025.4'!Q12`. */
export const cellName = (sheet: string, row: number, column: number): string =>
  `'${sheet.replace(/'/g, "''")}'!${columnLetter(column)}${row}`;

const textOf = (cell: WorkbookCell | undefined): string => (cell && 'text' in cell ? cell.text : '');

/** A cell holds several ids on lines of their own (SCF), or separated by commas or semicolons. */
const idsIn = (text: string): string[] =>
  text
    .split(/[\n;,]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');

/**
 * The criterion an id of a SOC 2 column stands for: a point of focus (`CC1.1-POF3`, as SCF writes them) is read
 * as its criterion, since a control cites criteria, never points of focus.
 */
export const soc2IdOf = (written: string): string => normaliseCriterionId(written.replace(/[\s-]*POF\s*\d+$/i, ''));

/**
 * The requirement an id of a target column stands for: a sub-item in brackets (`6.1.2(a)`, `5.1(b)`) is read as
 * its clause; an SCF Annex A column (ISO 27002 numbering, `5.15`) gains its `A.`.
 */
export function targetIdOf(written: string, target: CrosswalkTarget, annexA: boolean): string {
  const id = written.trim().replace(/\s+/g, '');
  if (target === 'csf') return id.toUpperCase();
  const clause = id.replace(/(?:\([^)]*\))+$/, '');
  if (/^A\./i.test(clause)) return `A.${clause.slice(2)}`;
  return annexA ? `A.${clause}` : clause;
}

const criterionIds = criteria.map((criterion) => criterion.id);

/**
 * TB367 for an id that the catalog of `framework` does not hold (`written` as the cell has it, `id` as read), with
 * the nearest spelling the catalog does hold. A CSV mapping's rows are reported the same way.
 */
export function unknownId(
  where: { file: string; line: number },
  cell: string,
  written: string,
  id: string,
  framework: 'soc2' | CrosswalkTarget,
): Diagnostic {
  const all = framework === 'soc2' ? criterionIds : frameworkRequirementIds(framework);
  const catalog = framework === 'soc2' ? framework : frameworkNames[framework];
  return finding('TB367', where, cell, written, catalog, nearIds(id, all));
}

/** The nearest spelling the catalog holds, for a did-you-mean. */
function nearIds(id: string, known: readonly string[]): string[] {
  // An Annex A control written without its `A.` (`8.16`) is most likely what was meant.
  if (known.includes(`A.${id}`)) return [`A.${id}`];
  const near = closest(id, known);
  return near === undefined ? [] : [near];
}

interface Header {
  row: number;
  headers: string[];
}

/** The first row, within the search depth, for which `accept` says it is a header row. */
function findHeader(sheet: WorkbookSheet, accept: (normalised: string[]) => boolean): Header | undefined {
  for (let index = 0; index < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); index++) {
    const cells = sheet.rows[index] ?? [];
    const headers = Array.from(cells, (cell) => textOf(cell));
    if (accept(headers.map(normaliseHeader))) return { row: index + 1, headers };
  }
  return undefined;
}

const columnOf = (header: Header, test: (normalised: string) => boolean): number =>
  header.headers.findIndex((text) => text.trim() !== '' && test(normaliseHeader(text)));

const named = (name: string | undefined) => (name === undefined ? undefined : normaliseHeader(name));

/** The shape a sheet has, with its header row, or undefined when it has neither. */
function shapeOf(sheet: WorkbookSheet, options: WorkbookOptions): { shape: WorkbookShape; header: Header } | undefined {
  const scf = findHeader(sheet, (headers) => headers.some((text) => scfKey.test(text)));
  if (scf) return { shape: 'scf', header: scf };
  const source = named(options.columns?.source);
  const aicpa = findHeader(sheet, (headers) =>
    headers.some((text) =>
      source === undefined ? aicpaSoc2Ref.test(text) || aicpaSoc2Bare.test(text) : text === source,
    ),
  );
  return aicpa ? { shape: 'aicpa', header: aicpa } : undefined;
}

/**
 * A relationship as a sheet writes it: OSCAL's four, or the set-theory words SCF's relationship files use
 * (`Equal`, `Subset Of`, `Intersects With`). `No Relationship` makes no pair; an empty cell, or a word not known,
 * is read as the weakest claim, an intersection.
 */
export function relationshipOf(written: string): ImportedPair['relationship'] | undefined {
  const word = normaliseHeader(written).replace(/[\s_]+/g, '-');
  if (/^no-relation(?:ship)?$|^none$/.test(word)) return undefined;
  if (/^(?:equal|equal-to|equivalent|equivalent-to)$/.test(word)) return 'equivalent-to';
  if (/^subset(?:-of)?$/.test(word)) return 'subset-of';
  if (/^superset(?:-of)?$/.test(word)) return 'superset-of';
  return 'intersects-with';
}

/** Reads a mapping from the sheets of a workbook; `file` names it in findings. */
export function readMappingWorkbook(
  file: string,
  sheets: readonly WorkbookSheet[],
  target: CrosswalkTarget,
  options: WorkbookOptions = {},
): WorkbookMapping {
  const candidates = options.sheet === undefined ? sheets : sheets.filter((sheet) => sheet.name === options.sheet);
  // The SCF workbook has more than one sheet keyed by `SCF #` (its assessment objectives, say): the first sheet
  // with every column needed is read, and only when none has them is the first one's missing column reported.
  let first: WorkbookMapping | undefined;
  for (const sheet of candidates) {
    const found = shapeOf(sheet, options);
    if (!found) continue;
    const read =
      found.shape === 'scf'
        ? readScf(file, sheet, found.header, target, options)
        : readAicpa(file, sheet, found.header, target, options);
    if (!read.findings.some((f) => f.code === 'TB366')) return read;
    first ??= read;
  }
  if (first) return first;
  return {
    shape: 'scf',
    sheet: '',
    headerRow: 0,
    columns: [],
    pairs: [],
    findings: [
      finding(
        'TB365',
        { file },
        file,
        candidates.map((sheet) => sheet.name),
      ),
    ],
  };
}

/** Collects pairs once each, joining the reasons of a pair several rows give. */
class PairList {
  readonly #pairs = new Map<string, ImportedPair & { reasons: string[] }>();
  add(source: string, target: string, relationship: ImportedPair['relationship'], reason: string) {
    const key = `${source} ${target}`;
    const pair = this.#pairs.get(key);
    if (!pair) this.#pairs.set(key, { source, target, relationship, rationale: '', reasons: [reason] });
    else if (!pair.reasons.includes(reason)) pair.reasons.push(reason);
  }
  list(rationale: (reasons: string[]) => string): ImportedPair[] {
    return [...this.#pairs.values()].map(({ reasons, ...pair }) => ({ ...pair, rationale: rationale(reasons) }));
  }
}

/** Reads one cell's ids, reporting a formula, an error and every id the catalog does not hold. */
function readIds(
  file: string,
  sheet: string,
  cells: readonly (WorkbookCell | undefined)[],
  row: number,
  column: number,
  framework: 'soc2' | CrosswalkTarget,
  idOf: (written: string) => string,
  findings: Diagnostic[],
): string[] {
  const cell = cells[column];
  const where = { file, line: row };
  if (cell && 'formula' in cell) {
    findings.push(finding('TB368', where, cellName(sheet, row, column + 1), 'formula', cell.formula));
    return [];
  }
  if (cell && 'error' in cell) {
    findings.push(finding('TB368', where, cellName(sheet, row, column + 1), 'error', cell.error));
    return [];
  }
  const ids: string[] = [];
  for (const written of idsIn(textOf(cell))) {
    const id = idOf(written);
    const known = framework === 'soc2' ? findCriterion(id) : findFrameworkRequirement(framework, id);
    if (known) {
      if (!ids.includes(id)) ids.push(id);
      continue;
    }
    findings.push(unknownId(where, cellName(sheet, row, column + 1), written, id, framework));
  }
  return ids;
}

const missingColumn = (file: string, sheet: WorkbookSheet, header: Header, missing: string) =>
  finding(
    'TB366',
    { file, line: header.row },
    sheet.name,
    header.row,
    missing,
    header.headers.filter((text) => text.trim() !== ''),
  );

const targetNames: Record<CrosswalkTarget, string> = { iso27001: 'ISO/IEC 27001:2022 ids', csf: 'NIST CSF 2.0 ids' };

function readScf(
  file: string,
  sheet: WorkbookSheet,
  header: Header,
  target: CrosswalkTarget,
  options: WorkbookOptions,
): WorkbookMapping {
  const base = {
    shape: 'scf' as const,
    sheet: sheet.name,
    headerRow: header.row,
    edition: sheet.name.match(/\b(\d{4}\.\d+(?:\.\d+)?)\b/)?.[1],
  };
  const key = columnOf(header, (text) => scfKey.test(text));
  const sourceName = named(options.columns?.source);
  const source = columnOf(header, (text) => (sourceName === undefined ? scfSoc2.test(text) : text === sourceName));
  const targetName = named(options.columns?.target);
  const targets = (
    targetName === undefined
      ? scfTargets[target].map(({ pattern, annexA }) => ({
          column: columnOf(header, (text) => pattern.test(text)),
          annexA,
        }))
      : [{ column: columnOf(header, (text) => text === targetName), annexA: false }]
  ).filter(({ column }) => column >= 0);
  const missing =
    source < 0
      ? 'the SOC 2 criteria (such as "AICPA TSC 2017:2022 (used for SOC 2)")'
      : targets.length === 0
        ? targetNames[target]
        : undefined;
  if (missing) return { ...base, columns: [], pairs: [], findings: [missingColumn(file, sheet, header, missing)] };

  const columns: UsedColumn[] = [
    { role: 'scf control', header: header.headers[key]!, column: columnLetter(key + 1) },
    { role: 'soc2', header: header.headers[source]!, column: columnLetter(source + 1) },
    ...targets.map(({ column }) => ({
      role: 'target' as const,
      header: header.headers[column]!,
      column: columnLetter(column + 1),
    })),
  ];
  const findings: Diagnostic[] = [];
  const pairs = new PairList();
  sheet.rows.forEach((cells, index) => {
    const row = index + 1;
    if (!cells || row <= header.row) return;
    const control = textOf(cells[key]).trim();
    if (control === '') return;
    const soc2 = readIds(file, sheet.name, cells, row, source, 'soc2', soc2IdOf, findings);
    const mapped = targets.flatMap(({ column, annexA }) =>
      readIds(file, sheet.name, cells, row, column, target, (id) => targetIdOf(id, target, annexA), findings),
    );
    for (const criterion of soc2) for (const id of mapped) pairs.add(criterion, id, 'intersects-with', control);
  });
  return {
    ...base,
    columns,
    // Two ids mapped to one SCF control overlap at most in what that control asks: never more than an intersection.
    pairs: pairs.list((controls) => `both mapped to SCF ${controls.join(', ')}`),
    findings,
  };
}

function readAicpa(
  file: string,
  sheet: WorkbookSheet,
  header: Header,
  target: CrosswalkTarget,
  options: WorkbookOptions,
): WorkbookMapping {
  const base = { shape: 'aicpa' as const, sheet: sheet.name, headerRow: header.row };
  const sourceName = named(options.columns?.source);
  const byReference = columnOf(header, (text) => aicpaSoc2Ref.test(text));
  const source =
    sourceName !== undefined
      ? columnOf(header, (text) => text === sourceName)
      : byReference >= 0
        ? byReference
        : columnOf(header, (text) => aicpaSoc2Bare.test(text));
  const targetName = named(options.columns?.target);
  const column = columnOf(header, (text) =>
    targetName === undefined ? aicpaTargets[target].test(text) : text === targetName,
  );
  if (column < 0)
    return { ...base, columns: [], pairs: [], findings: [missingColumn(file, sheet, header, targetNames[target])] };
  const relationship = columnOf(header, (text) => relationshipHeader.test(text));
  const rationale = columnOf(header, (text) => rationaleHeader.test(text));
  const used = (role: UsedColumn['role'], at: number): UsedColumn[] =>
    at < 0 ? [] : [{ role, header: header.headers[at]!, column: columnLetter(at + 1) }];
  const columns = [
    ...used('soc2', source),
    ...used('target', column),
    ...used('relationship', relationship),
    ...used('rationale', rationale),
  ];

  const findings: Diagnostic[] = [];
  const pairs = new PairList();
  const reasons = new Map<string, string>();
  let above: string[] = [];
  sheet.rows.forEach((cells, index) => {
    const row = index + 1;
    if (!cells || row <= header.row) return;
    const written = textOf(cells[source]).trim();
    const targetCell = cells[column];
    if (written === '' && !targetCell) {
      // A blank row ends a group: the criterion above does not reach past it.
      if (cells.every((cell) => textOf(cell).trim() === '')) above = [];
      return;
    }
    // AICPA lists a criterion once and its pairs on the rows below it, the criterion's cell left blank.
    const soc2 =
      written === '' && !(cells[source] && !('text' in cells[source]!))
        ? above
        : readIds(file, sheet.name, cells, row, source, 'soc2', soc2IdOf, findings);
    if (written !== '') above = soc2;
    const mapped = readIds(
      file,
      sheet.name,
      cells,
      row,
      column,
      target,
      (id) => targetIdOf(id, target, false),
      findings,
    );
    if (soc2.length === 0 && written === '' && mapped.length > 0) {
      findings.push(
        finding('TB367', { file, line: row }, cellName(sheet.name, row, source + 1), '', frameworkNames[target], []),
      );
    }
    const kind = relationship < 0 ? 'intersects-with' : relationshipOf(textOf(cells[relationship]));
    if (kind === undefined) return;
    const because = rationale < 0 ? '' : textOf(cells[rationale]).trim();
    for (const criterion of soc2) {
      for (const id of mapped) {
        pairs.add(criterion, id, kind, `${row}`);
        if (because !== '' && !reasons.has(`${criterion} ${id}`)) reasons.set(`${criterion} ${id}`, because);
      }
    }
  });
  const listed = pairs.list((rows) => `AICPA mapping, sheet "${sheet.name}" row ${rows.join(', ')}`);
  return {
    ...base,
    columns,
    pairs: listed.map((pair) => ({
      ...pair,
      rationale: reasons.get(`${pair.source} ${pair.target}`) ?? pair.rationale,
    })),
    findings,
  };
}
