/**
 * `trustbook sync [CLIENT…]`: carries the library's changes into each client's program, keeping the client's
 * own edits and deliberate overrides. Each client is planned in memory first; a client whose plan has a
 * problem (a folder that is not a program, a sync record edited by hand) is left entirely as it is, and the
 * others still sync. `--check` writes nothing and exits 1 when a client is behind, for CI.
 */
import { resolve } from 'node:path';
import { todayUtc } from '../../engine/dates.ts';
import { UsageError } from '../../engine/errors.ts';
import type { Conflict } from '../../workspace/merge-types.ts';
import { describeLayers, planSync, type SyncPlan } from '../../workspace/sync-plan.ts';
import {
  applyPlan,
  libraryReader,
  localClients,
  readClient,
  readWorkspace,
  workspaceFile,
} from '../../workspace/workspace-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';

export function runSync(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    {
      root: { type: 'string' },
      check: { type: 'boolean', default: false },
      markers: { type: 'boolean', default: false },
      'as-of': { type: 'string' },
    },
    Infinity,
  );
  if (values.check && values.markers) {
    throw new UsageError('--check writes nothing, so it takes no --markers', 'Use one of them.');
  }
  const workspace = readWorkspace(resolve(io.cwd, values.root ?? '.'));
  const local = localClients(workspace);
  for (const name of positionals) {
    if (!workspace.data.clients.some((client) => client.name === name)) {
      throw new UsageError(
        `no client named "${name}" in ${workspaceFile}`,
        `Clients: ${workspace.data.clients.map((client) => client.name).join(', ') || 'none yet'}.`,
      );
    }
    if (!local.some((client) => client.name === name)) {
      throw new UsageError(
        `client "${name}" lives in a repository of its own`,
        'Run `trustbook sync` in that repository, or give the client a `path:` in this workspace.',
      );
    }
  }
  const chosen = positionals.length > 0 ? local.filter((client) => positionals.includes(client.name)) : local;
  const today = values['as-of'] ?? io.env.TRUSTBOOK_AS_OF ?? todayUtc();

  let failed = false;
  const libraryFor = libraryReader(workspace);
  for (const client of chosen) {
    const library = libraryFor(client.overlays);
    const read = readClient(workspace, client.name, client.path, library);
    if (read.problems.length > 0) {
      failed = true;
      io.stdout(`\n${client.name}: not synced, nothing changed`);
      for (const problem of read.problems) io.stdout(`  ${problem.file}: ${problem.message}\n    fix: ${problem.hint}`);
      continue;
    }
    const plan = planSync(library, read.state, { today, markers: values.markers });
    if (plan.problems.length > 0) failed = true;
    else if (!values.check && plan.behind) applyPlan(read.folder, plan);
    if (plan.conflicts.length > 0 || (values.check && plan.behind)) failed = true;
    io.stdout(
      describePlan(plan, {
        check: values.check,
        markers: values.markers,
        from: describeLayers(read.state.record?.layers),
      }),
    );
  }
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

function describePlan(plan: SyncPlan, options: { check: boolean; markers: boolean; from: string }): string {
  const lines = [''];
  const version =
    options.from === describeLayers(plan.record.layers)
      ? options.from
      : `${options.from} -> ${describeLayers(plan.record.layers)}`;
  if (plan.problems.length > 0) {
    lines.push(`${plan.client}: not synced, nothing changed`);
    for (const problem of plan.problems)
      lines.push(`  ${problem.file}: ${problem.message}`, `    fix: ${problem.hint}`);
    return lines.join('\n');
  }
  const verb = options.check ? (plan.behind ? 'behind' : 'up to date') : plan.behind ? 'synced' : 'up to date';
  lines.push(`${plan.client}: ${verb} (library ${version})`);
  for (const update of plan.updates) {
    if (update.added) {
      lines.push(`  ${options.check ? 'would add' : 'added'} ${update.path}`);
      continue;
    }
    const what = [
      update.fields.length > 0 ? `fields ${update.fields.join(', ')}` : '',
      update.sections.length > 0 ? `sections ${update.sections.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(`  ${options.check ? 'would update' : 'updated'} ${update.path}: ${what}`);
  }
  for (const { path, conflicts } of plan.conflicts) {
    const left = options.markers && conflicts.every((conflict) => conflict.kind === 'section');
    lines.push(
      left
        ? `  conflict in ${path}: written with conflict markers; the check fails until they are resolved`
        : `  conflict in ${path}: left as the client has it`,
    );
    for (const conflict of conflicts) lines.push(...describeConflict(conflict));
    if (!left) {
      lines.push(
        '    fix: edit the client file to take what it should of the library text, then sync again; or run with --markers',
      );
    }
  }
  for (const review of plan.reviews) {
    lines.push(
      `  review ${review.path}: the library changed ${review.kind} ${review.name} (found ${review.since}), which the client overrides`,
      "    fix: compare the library text with the client's; keep the override by approving it again (its `approved:` date on or after that day), or remove it and take the library text by hand (sync does not bring back a change it found under an override)",
    );
  }
  for (const notice of plan.notices) lines.push(`  note ${notice.path}: ${notice.message}`);
  return lines.join('\n');
}

function describeConflict(conflict: Conflict): string[] {
  const show = (value: unknown) =>
    value === undefined
      ? '(absent)'
      : Array.isArray(value) && conflict.kind === 'section'
        ? indent(value as string[])
        : JSON.stringify(value);
  const label = conflict.kind === 'field' ? `field ${conflict.name}` : `section ${conflict.name}`;
  return [
    `    ${label}:`,
    `      library then: ${show(conflict.base)}`,
    `      library now:  ${show(conflict.library)}`,
    `      client:       ${show(conflict.client)}`,
  ];
}

function indent(lines: string[]): string {
  return lines.map((line) => `\n        | ${line}`).join('');
}
