/**
 * `trustbook map suggest --to iso27001|csf`: for each control, the citations of another framework its SOC 2
 * criteria lead to through Trustbook's crosswalk and any mapping imported under mappings/, for a person to
 * confirm. It writes nothing, and nothing it prints counts toward coverage.
 */
import { resolve } from 'node:path';
import {
  crosswalkTargets,
  pairsOf,
  suggestCitations,
  type CitationSuggestion,
  type ControlCitations,
  type CrosswalkTarget,
  type PairSource,
} from '../../catalog/crosswalk/index.ts';
import { citationKeys, frameworkNames } from '../../catalog/frameworks.ts';
import { loadProject, UsageError } from '../../engine/index.ts';
import { isProgramRoot } from '../../engine/load-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { readImportedMappings } from './map-import.ts';

/** Said with every proposal, in text and JSON alike. */
export const SUGGESTION_NOTE =
  'A proposal for a person to confirm: nothing was written. Coverage of any framework comes only from what a ' +
  'control cites, never from a mapping.';

export function runMap(args: string[], io: Io): number {
  const [action, ...rest] = args;
  if (action === 'suggest') return runSuggest(rest, io);
  throw new UsageError(
    action === undefined ? 'map needs an action' : `unknown map action "${action}"`,
    'Run `trustbook map suggest --to iso27001|csf`.',
  );
}

function targetOf(value: string | undefined): CrosswalkTarget {
  if (crosswalkTargets.includes(value as CrosswalkTarget)) return value as CrosswalkTarget;
  throw new UsageError(
    value === undefined ? 'map suggest needs --to' : `no crosswalk to "${value}"`,
    `Say which framework to suggest citations of: --to ${crosswalkTargets.join(' or --to ')}.`,
  );
}

function runSuggest(args: string[], io: Io): number {
  const { values } = parse(args, { to: { type: 'string' }, root: { type: 'string' }, format: { type: 'string' } });
  const target = targetOf(values.to);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`unknown --format "${format}"`, 'Use --format text or --format json.');
  }
  const root = resolve(io.cwd, values.root ?? '.');
  if (!isProgramRoot(root)) {
    throw new UsageError(
      `${root} holds no Trustbook program (content/program.yaml not found)`,
      'Run the command in the folder of a program, or pass --root DIR.',
    );
  }
  const controls = readControls(root, target);
  const sources: PairSource[] = [
    { name: 'trustbook', pairsOf: (criterion) => pairsOf(criterion, target) },
    ...readImportedMappings(root, target),
  ];
  const results = suggestCitations(
    controls.map((control) => control.citations),
    target,
    sources,
  );
  const titles = new Map(controls.map((control) => [control.citations.id, control.title]));
  const key = citationKeys[target];

  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        {
          to: target,
          framework: frameworkNames[target],
          citationKey: key,
          note: SUGGESTION_NOTE,
          sources: sources.map((source) => source.name),
          controls: results.map(({ control, suggestions }) => ({
            id: control.id,
            title: titles.get(control.id) ?? '',
            file: control.file,
            criteria: control.criteria,
            cited: control.cited,
            suggestions,
          })),
        },
        null,
        2,
      ),
    );
    return EXIT_CLEAN;
  }

  const lines = [
    `${frameworkNames[target]} citations (\`${key}:\`) the SOC 2 criteria of ${controls.length} controls lead to, ` +
      `through Trustbook's crosswalk${
        sources.length === 1
          ? ''
          : ` and the imported ${sources
              .slice(1)
              .map((s) => s.name)
              .join(', ')} (paths marked [name])`
      }.`,
    SUGGESTION_NOTE,
  ];
  for (const { control, suggestions } of results) {
    lines.push('', `${control.id}  ${titles.get(control.id) ?? ''}  (${control.file})`);
    lines.push(
      `  criteria: ${control.criteria.join(', ') || 'none'}; already cites: ${control.cited.join(', ') || 'nothing'}`,
    );
    if (suggestions.length === 0) lines.push('  nothing to suggest');
    for (const suggestion of suggestions) lines.push(...suggestionLines(suggestion));
  }
  io.stdout(lines.join('\n'));
  return EXIT_CLEAN;
}

function suggestionLines(suggestion: CitationSuggestion): string[] {
  return [
    `  ${suggestion.target}  ${suggestion.label}`,
    ...suggestion.paths.map(
      (path) =>
        `      ${path.relationship} from ${path.criterion}: ${path.rationale}` +
        (path.source === 'trustbook' ? '' : ` [${path.source}]`),
    ),
  ];
}

/** A string list from a frontmatter value, or nothing when it is not one (a malformed field is the check's). */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Every control's criteria and its citations of the target, read from the frontmatter as written, whether it
 * validated or not: the citation field may be one this version's schema does not know yet.
 */
function readControls(root: string, target: CrosswalkTarget): { citations: ControlCitations; title: string }[] {
  const { model } = loadProject(root);
  const key = citationKeys[target];
  const raw = [
    ...model.controls.map((control) => ({ file: control.file, data: control.data as Record<string, unknown> })),
    ...model.unvalidated.filter((entry) => entry.kind === 'control'),
  ];
  return raw
    .map(({ file, data }) => ({
      citations: {
        id: typeof data.id === 'string' ? data.id : file.replace(/^.*\//, '').replace(/\.mdx?$/, ''),
        file,
        criteria: stringList(data.criteria),
        cited: stringList(data[key]),
      },
      title: typeof data.title === 'string' ? data.title : '',
    }))
    .sort((a, b) => a.citations.id.localeCompare(b.citations.id, 'en', { numeric: true }));
}
