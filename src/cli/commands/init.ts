/** `trustbook init`: a new program from the templates, in readiness mode, for the categories in scope. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { folderOf } from '../../engine/document-kinds.ts';
import { resolveEvaluationDate } from '../../engine/evaluation-date.ts';
import { UsageError } from '../../engine/errors.ts';
import { PROGRAM_FILE } from '../../engine/model.ts';
import {
  DEFAULT_WEBSITE,
  auditFromFlags,
  defaultContact,
  defaultSystem,
  readEmail,
  readScope,
  readText,
  readWebsite,
  titleCase,
  type Read,
} from '../../scaffold/new-program.ts';
import type { NewProgram } from '../../scaffold/program-files.ts';
import { programFilesWithOrigins } from '../../scaffold/program-tree.ts';
import { repositoryFiles } from '../../scaffold/repository-files.ts';
import { keptTexts, TEMPLATE_RECORD, templateRecord } from '../../scaffold/template-record.ts';
import { ownPackageFacts, readTemplate, writeNewFiles } from '../../scaffold/scaffold-fs.ts';
import { parse } from '../args.ts';
import { terminalAsk } from '../interview.ts';
import type { KnownAnswers } from './init-guided.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export async function runInit(args: string[], io: Io): Promise<number> {
  if (args.includes('--workspace')) return (await import('./init-workspace.ts')).runInitWorkspace(args, io);
  const { values, positionals } = parse(
    args,
    {
      org: { type: 'string' },
      system: { type: 'string' },
      scope: { type: 'string' },
      website: { type: 'string' },
      contact: { type: 'string' },
      type: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      date: { type: 'string' },
      auditor: { type: 'string' },
      yes: { type: 'boolean' },
      dir: { type: 'string' },
      from: { type: 'string' },
      'as-of': { type: 'string' },
    },
    1,
  );
  const folder = positionals[0] ?? values.dir;
  const root = resolve(io.cwd, folder ?? '.');
  if (existsSync(resolve(root, PROGRAM_FILE))) {
    throw new UsageError(`${root} already holds a program`, 'Choose an empty folder: trustbook init NEW-FOLDER.');
  }
  // A folder without a package.json becomes a repository of its own, with Trustbook installed from npm.
  const newRepository = !existsSync(join(root, 'package.json'));
  if (values.from !== undefined && !newRepository) {
    throw new UsageError(
      `--from ${values.from} installs Trustbook into a new repository, and ${root} already has a package.json`,
      'Choose a new folder: trustbook init NEW-FOLDER --from trustbook-x.y.z.tgz',
    );
  }
  const today = resolveEvaluationDate({ cli: values['as-of'], env: io.env.TRUSTBOOK_AS_OF }).date;
  const flagged = <T>(read: Read<T>, flag: string): T => {
    if ('value' in read) return read.value;
    throw new UsageError(`--${flag}: ${read.problem}`, 'Run `trustbook --help` for the options of init.');
  };
  const auditGiven = ['type', 'start', 'end', 'date', 'auditor'].some((flag) => values[flag as 'type'] !== undefined);
  const known: KnownAnswers = {
    organization: values.org === undefined ? undefined : flagged(readText('organization', values.org), 'org'),
    system: values.system === undefined ? undefined : flagged(readText('system', values.system), 'system'),
    website: values.website === undefined ? undefined : flagged(readWebsite(values.website), 'website'),
    contact: values.contact === undefined ? undefined : flagged(readEmail(values.contact), 'contact'),
    scope: values.scope === undefined ? undefined : flagged(readScope(values.scope), 'scope'),
    audit: auditGiven ? auditFromFlags(values, today) : undefined,
    suggestedOrganization: positionals[0] !== undefined ? titleCase(basename(positionals[0])) : undefined,
    today,
  };
  // In a terminal, init asks for what the flags leave open; for scripts and CI (or with --yes) the flags and
  // the defaults are the whole answer.
  const program = io.interactive && !values.yes ? await askInTerminal(known, io) : fromFlags(known);
  const { files, origins } = programFilesWithOrigins(program);
  const facts = ownPackageFacts();
  const source = newRepository ? trustbookSource(values.from, io.cwd) : undefined;
  if (source) {
    const repository = repositoryFiles({
      name: basename(root),
      trustbook: source.dependency,
      facts,
      values: { organization: program.organization, system: program.system },
      readTemplate,
    });
    for (const [path, text] of repository) files.set(path, text);
  }
  // Which template each document came from, so that `trustbook templates diff` can tell what changed since.
  const record = templateRecord(facts.version, origins, files, readTemplate);
  files.set(TEMPLATE_RECORD, `${JSON.stringify(record, null, 2)}\n`);
  for (const [path, text] of keptTexts(record, files)) files.set(path, text);
  const written = writeNewFiles(root, files);
  if (source?.tarball) {
    mkdirSync(join(root, 'vendor'), { recursive: true });
    copyFileSync(source.tarball, join(root, 'vendor', basename(source.tarball)));
  }
  const count = (folder: string) => written.filter((path) => path.startsWith(folder)).length;
  const shown = relative(io.cwd, root) || '.';
  io.stdout(
    [
      `Created a program for ${program.organization} in ${root}:`,
      `  ${count(folderOf('policy'))} policies, ${count(folderOf('control'))} controls, ${count(folderOf('evidence'))} evidence series (empty),`,
      `  ${count(folderOf('procedure'))} procedures, the system description, a trust-center page, program.yaml and people.yaml.`,
      '',
      ...(source
        ? [
            `  and a repository of its own: package.json (trustbook ${source.dependency}), astro.config.mjs, the workflow.`,
          ]
        : []),
      '',
      'It starts in readiness mode: missing evidence is a warning until you remove `readiness: true`',
      'from content/program.yaml when the audit window opens. Its policies are drafts until someone',
      'approves them: then set `approved_by` and `approved` in each. Next:',
      ...(source
        ? [`  cd ${shown} && npm install && npm run build`, '  npx trustbook todo   (what to do first, step by step)']
        : [
            `  trustbook todo${shown === '.' ? '' : ` --root ${shown}`}   (what to do first, step by step)`,
            `  trustbook check${shown === '.' ? '' : ` --root ${shown}`}`,
          ]),
    ].join('\n'),
  );
  return EXIT_CLEAN;
}

/**
 * How the new repository gets Trustbook: from the registry (`^version`), or from `--from`, a packed tarball or
 * a folder holding the package (packed here), which is copied into vendor/ so the repository installs alone.
 */
function trustbookSource(from: string | undefined, cwd: string): { dependency: string; tarball?: string } {
  if (from === undefined) return { dependency: `^${ownPackageFacts().version}` };
  const path = resolve(cwd, from);
  if (!existsSync(path)) {
    throw new UsageError(
      `--from ${from} does not exist`,
      'Name a tarball from `npm pack`, or the folder of the package.',
    );
  }
  const tarball = statSync(path).isDirectory() ? packFolder(path) : path;
  if (!/\.tgz$/.test(tarball)) {
    throw new UsageError(
      `--from ${from} is not a .tgz tarball`,
      'Run `npm pack` in the package folder and name its .tgz.',
    );
  }
  return { dependency: `file:vendor/${basename(tarball)}`, tarball };
}

/** Packs the package in `folder` with npm into a temporary folder, and returns the tarball's path. */
function packFolder(folder: string): string {
  if (!existsSync(join(folder, 'package.json'))) {
    throw new UsageError(
      `--from ${folder} holds no package.json`,
      'Name the folder of the Trustbook package, or its tarball.',
    );
  }
  const destination = mkdtempSync(join(tmpdir(), 'trustbook-pack-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const packed = spawnSync(npm, ['pack', '--silent', '--pack-destination', destination], {
    cwd: folder,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  const name = packed.stdout?.trim().split('\n').at(-1);
  if (packed.status !== 0 || !name) {
    throw new UsageError(`npm pack failed in ${folder}`, packed.stderr?.trim() || 'Run `npm pack` there to see why.');
  }
  return join(destination, name);
}

/** The program the flags describe, with the defaults for everything they leave open. */
function fromFlags(known: KnownAnswers): NewProgram {
  const organization = known.organization ?? known.suggestedOrganization;
  if (!organization) {
    throw new UsageError(
      'init needs the organization name',
      'For example: trustbook init acme-trust --org "Acme, Inc." (a new repository), or --org alone for this folder.',
    );
  }
  const website = known.website ?? DEFAULT_WEBSITE;
  return {
    organization,
    system: known.system ?? defaultSystem(organization),
    website,
    contact: known.contact ?? defaultContact(website),
    scope: known.scope ?? ['security'],
    today: known.today,
    audit: known.audit,
  };
}

/** The guided questions, in the terminal the command runs in. */
async function askInTerminal(known: KnownAnswers, io: Io): Promise<NewProgram> {
  const { guidedProgram } = await import('./init-guided.ts');
  const terminal = io.ask ? { ask: io.ask, close: () => {} } : terminalAsk();
  try {
    return await guidedProgram(known, terminal.ask, io.stdout);
  } finally {
    terminal.close();
  }
}
