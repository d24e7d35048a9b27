/**
 * `trustbook import mapping FILE`: a mapping the user downloaded (a Secure Controls Framework export, another
 * tool's mapping list) kept in the program's own repository, under mappings/NAME/ with its attribution, and read
 * by `map suggest` as an extra, labelled source. Trustbook never ships such a file, and it never counts toward
 * coverage.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import {
  crosswalkTargets,
  mappingRelationships,
  type CrosswalkPair,
  type CrosswalkTarget,
  type MappingRelationship,
} from '../../catalog/crosswalk/index.ts';
import { findCriterion, findFrameworkRequirement } from '../../catalog/index.ts';
import { UsageError } from '../../engine/index.ts';
import { isProgramRoot } from '../../engine/load-fs.ts';
import { parseCsv, toCsv } from '../../export/csv.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

/** The folder of imported mappings in a program, one sub-folder per mapping. */
export const MAPPINGS_DIR = 'mappings';
const PAIRS_FILE = 'pairs.csv';
const ATTRIBUTION_FILE = 'ATTRIBUTION.md';
const PAIRS_HEADER = ['source', 'target_framework', 'target', 'relationship', 'rationale'];

export interface ImportedMapping {
  name: string;
  pairsOf: (criterion: string) => readonly CrosswalkPair[];
}

/** Column names looked for, without case, when `--map` does not name a field's column. */
const defaultColumns = { source: 'source', target: 'target', relationship: 'relationship', rationale: 'rationale' };
type Field = keyof typeof defaultColumns;

/** A cell may hold several ids, one per line or separated by commas or semicolons (as spreadsheet exports do). */
const idsIn = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(/[\n;,]/)
    .map((id) => id.trim())
    .filter((id) => id !== '');

/** Turns the user's CSV into pairs of known ids, and says what was passed over and why. */
export function readMappingCsv(
  text: string,
  target: CrosswalkTarget,
  columns: Partial<Record<Field, string>> = {},
): { pairs: Omit<CrosswalkPair, 'reviewer' | 'reviewed'>[]; skipped: string[] } {
  const [header = [], ...rows] = parseCsv(text);
  const index = {} as Record<Field, number>;
  for (const field of Object.keys(defaultColumns) as Field[]) {
    const name = (columns[field] ?? defaultColumns[field]).toLowerCase();
    index[field] = header.findIndex((cell) => cell.trim().toLowerCase() === name);
  }
  for (const field of ['source', 'target'] as const) {
    if (index[field] < 0) {
      throw new UsageError(
        `the file has no "${columns[field] ?? defaultColumns[field]}" column`,
        `Name the column holding the ${field === 'source' ? 'SOC 2 criteria' : `${target} ids`}: --map ${field}=COLUMN.`,
      );
    }
  }
  const pairs: Omit<CrosswalkPair, 'reviewer' | 'reviewed'>[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, offset) => {
    const line = offset + 2;
    const relationshipCell = index.relationship < 0 ? '' : (row[index.relationship] ?? '').trim().toLowerCase();
    const relationship = (relationshipCell || 'intersects-with') as MappingRelationship;
    if (!mappingRelationships.includes(relationship)) {
      skipped.push(`row ${line}: relationship "${relationshipCell}" is not one of ${mappingRelationships.join(', ')}`);
      return;
    }
    const rationale = index.rationale < 0 ? '' : (row[index.rationale] ?? '').trim();
    for (const source of idsIn(row[index.source])) {
      if (!findCriterion(source)) {
        skipped.push(`row ${line}: "${source}" is not a SOC 2 criterion`);
        continue;
      }
      for (const id of idsIn(row[index.target])) {
        if (!findFrameworkRequirement(target, id)) skipped.push(`row ${line}: "${id}" is not a ${target} requirement`);
        else if (!seen.has(`${source} ${id}`)) {
          seen.add(`${source} ${id}`);
          pairs.push({ source, target: id, relationship, rationale });
        }
      }
    }
  });
  return { pairs, skipped };
}

function parseColumns(value: string | undefined): Partial<Record<Field, string>> {
  if (value === undefined) return {};
  const columns: Partial<Record<Field, string>> = {};
  for (const entry of value.split(',')) {
    const [field, column] = entry.split('=').map((part) => part.trim());
    if (!field || !column || !(field in defaultColumns)) {
      throw new UsageError(
        `cannot read --map "${entry}"`,
        'Write FIELD=COLUMN, with FIELD one of source, target, relationship, rationale.',
      );
    }
    columns[field as Field] = column;
  }
  return columns;
}

export function runImportMapping(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    {
      to: { type: 'string' },
      name: { type: 'string' },
      attribution: { type: 'string' },
      map: { type: 'string' },
      root: { type: 'string' },
    },
    1,
  );
  const [file] = positionals;
  const target = values.to as CrosswalkTarget;
  if (file === undefined || !crosswalkTargets.includes(target) || !values.attribution?.trim()) {
    throw new UsageError(
      file === undefined
        ? 'import mapping needs the CSV file to read'
        : !crosswalkTargets.includes(target)
          ? `import mapping needs --to ${crosswalkTargets.join(' or --to ')}`
          : 'import mapping needs --attribution',
      'Run `trustbook import mapping FILE --to iso27001|csf --attribution "who published it, its licence"`.',
    );
  }
  const name = values.name ?? basename(file).replace(/\.[^.]*$/, '');
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name)) {
    throw new UsageError(`"${name}" cannot name a mapping folder`, 'Pass --name with letters, digits, dots, dashes.');
  }
  const root = resolve(io.cwd, values.root ?? '.');
  if (!isProgramRoot(root)) {
    throw new UsageError(`${root} holds no Trustbook program (content/program.yaml not found)`, 'Pass --root DIR.');
  }
  const folder = join(root, MAPPINGS_DIR, name);
  if (existsSync(folder)) {
    throw new UsageError(`${relative(io.cwd, folder)} already exists`, 'Pass another --name, or remove the folder.');
  }
  const { pairs, skipped } = readMappingCsv(
    readFileSync(resolve(io.cwd, file), 'utf8'),
    target,
    parseColumns(values.map),
  );
  if (pairs.length === 0) {
    throw new UsageError(
      `no row of ${file} pairs a SOC 2 criterion with a ${target} requirement${skipped[0] ? ` (${skipped[0]})` : ''}`,
      'Check --to, and name the columns with --map source=COL,target=COL.',
    );
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, PAIRS_FILE),
    toCsv(
      PAIRS_HEADER,
      pairs.map((pair) => [pair.source, target, pair.target, pair.relationship, pair.rationale]),
    ),
  );
  writeFileSync(
    join(folder, ATTRIBUTION_FILE),
    `# ${name}\n\nImported from \`${basename(file)}\` with \`trustbook import mapping\`.\n\n` +
      `Attribution: ${values.attribution.trim()}\n\n` +
      "This mapping is kept in this repository under its publisher's terms; Trustbook does not ship it. " +
      "`trustbook map suggest` reads it as an extra source, labelled with this folder's name. It never counts " +
      'toward coverage: that comes only from what a control cites.\n',
  );
  io.stdout(`wrote ${relative(io.cwd, folder)}/: ${pairs.length} pairs to ${target}, ${skipped.length} passed over`);
  for (const reason of skipped.slice(0, 20)) io.stdout(`  ${reason}`);
  if (skipped.length > 20) io.stdout(`  and ${skipped.length - 20} more`);
  return EXIT_CLEAN;
}

/** The imported mappings of a program that have pairs to the target, in folder order. */
export function readImportedMappings(root: string, target: CrosswalkTarget): ImportedMapping[] {
  const base = join(root, MAPPINGS_DIR);
  if (!existsSync(base)) return [];
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(base, entry.name, PAIRS_FILE)))
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => {
      const [, ...rows] = parseCsv(readFileSync(join(base, name, PAIRS_FILE), 'utf8'));
      const bySource = new Map<string, CrosswalkPair[]>();
      for (const [source = '', framework, id = '', relationship, rationale = ''] of rows) {
        if (framework !== target || !mappingRelationships.includes(relationship as MappingRelationship)) continue;
        const pair = {
          source,
          target: id,
          relationship: relationship as MappingRelationship,
          rationale: rationale || '(no rationale given)',
          reviewer: name,
          reviewed: '',
        };
        bySource.set(source, [...(bySource.get(source) ?? []), pair]);
      }
      return bySource.size === 0 ? [] : [{ name, pairsOf: (criterion: string) => bySource.get(criterion) ?? [] }];
    });
}
