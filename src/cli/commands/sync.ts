/**
 * `trustbook sync [CLIENT…]`: carries the library's changes into each client's program, keeping the client's
 * own edits and deliberate overrides. Each client is planned in memory first; a client whose plan has an error
 * (a folder that is not a program, a sync record edited by hand, a conflict, a variable without an answer) is
 * left entirely as it is, and the others still sync. `--check` writes nothing and exits 1 when a client is
 * behind, for CI. `--answer key=value` records a client's answer to a library question. `--pr-body DIR` writes, for
 * each client behind that syncs cleanly, DIR/CLIENT.md: the body of a pull request carrying that client's sync
 * (the shipped workspace workflow opens one per client with it).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { todayUtc } from '../../engine/dates.ts';
import { UsageError } from '../../engine/errors.ts';
import type { Conflict } from '../../workspace/merge-types.ts';
import { pullRequestBody } from '../../workspace/pull-request.ts';
import { describeChange, describeLayers, type SyncPlan } from '../../workspace/sync-plan.ts';
import {
  applyPlan,
  libraryReader,
  localClients,
  planClient,
  readWorkspace,
  workspaceFile,
} from '../../workspace/workspace-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';
import { formatWorkspaceFindings } from '../workspace-text.ts';
import { checkAnswers, parseAnswers } from '../workspace-answers.ts';

export function runSync(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    {
      root: { type: 'string' },
      check: { type: 'boolean', default: false },
      markers: { type: 'boolean', default: false },
      answer: { type: 'string', multiple: true },
      'as-of': { type: 'string' },
      'pr-body': { type: 'string' },
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
  const answers = parseAnswers(values.answer ?? []);
  if (Object.keys(answers).length > 0 && positionals.length !== 1) {
    throw new UsageError(
      '--answer gives one client an answer',
      'Name the client: trustbook sync acme --answer system="Acme Cloud"',
    );
  }

  let failed = workspace.findings.length > 0;
  if (failed) io.stdout([workspaceFile, ...formatWorkspaceFindings(workspace.findings)].join('\n'));
  const libraryFor = libraryReader(workspace);
  for (const client of chosen) {
    checkAnswers(answers, libraryFor(client).library?.questions ?? []);
    const { read, plan, findings } = planClient(workspace, libraryFor, client, {
      today,
      markers: values.markers,
      answers,
    });
    if (plan === undefined || read === undefined) {
      failed = true;
      io.stdout([`\n${client.name}: not synced, nothing changed`, ...formatWorkspaceFindings(findings)].join('\n'));
      continue;
    }
    if (!values.check && plan.behind && !plan.blocked) applyPlan(read.folder, plan);
    if (values['pr-body'] !== undefined && plan.behind && !plan.blocked) {
      const folder = resolve(io.cwd, values['pr-body']);
      mkdirSync(folder, { recursive: true });
      const body = pullRequestBody(plan, describeLayers(read.state.record?.layers), describeLayers(plan.record.layers));
      writeFileSync(join(folder, `${client.name}.md`), body);
    }
    if (findings.some((found) => found.severity === 'error') || (values.check && plan.behind)) failed = true;
    io.stdout(
      describePlan(plan, {
        check: values.check,
        from: describeLayers(read.state.record?.layers),
      }),
    );
  }
  return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

function describePlan(plan: SyncPlan, options: { check: boolean; from: string }): string {
  const lines = [''];
  const version =
    options.from === describeLayers(plan.record.layers)
      ? options.from
      : `${options.from} -> ${describeLayers(plan.record.layers)}`;
  const verb = plan.blocked
    ? options.check
      ? 'behind, and a sync would stop on the errors below'
      : 'not synced, nothing changed'
    : options.check
      ? plan.behind
        ? 'behind'
        : 'up to date'
      : plan.behind
        ? 'synced'
        : 'up to date';
  lines.push(`${plan.client}: ${verb} (library ${version})`);
  for (const update of plan.blocked ? [] : plan.updates) {
    if (update.added) {
      lines.push(`  ${options.check ? 'would add' : 'added'} ${update.path}`);
      continue;
    }
    lines.push(`  ${options.check ? 'would update' : 'updated'} ${update.path}: ${describeChange(update)}`);
  }
  lines.push(...formatWorkspaceFindings(plan.findings));
  for (const { path, conflicts } of plan.conflicts) {
    lines.push(`  conflict in ${path}, three versions:`);
    for (const conflict of conflicts) lines.push(...describeConflict(conflict));
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
