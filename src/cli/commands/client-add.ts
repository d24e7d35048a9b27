/**
 * `trustbook client add NAME`: a new client program from the library. It asks the library's questions (in a
 * terminal; `--answer key=value` for scripts and CI), writes the client's own program.yaml and people.yaml,
 * takes every library document through the same sync as later updates (so the answers land in the texts and in
 * the sync record), and lists the client in `trustbook.workspace.yaml`. When the sync cannot finish, the
 * client's folder is removed again and the workspace file is left as it was.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isSeq, parseDocument } from 'yaml';
import { resolveEvaluationDate } from '../../engine/evaluation-date.ts';
import { UsageError } from '../../engine/errors.ts';
import { PROGRAM_FILE } from '../../engine/model.ts';
import { documentId } from '../../schema/common.ts';
import type { LibraryQuestion } from '../../schema/workspace.ts';
import { DEFAULT_WEBSITE, defaultContact, defaultSystem, titleCase } from '../../scaffold/new-program.ts';
import { peopleYaml, programYaml } from '../../scaffold/program-files.ts';
import { answerProblem } from '../../workspace/questions.ts';
import { ensureBuildFiles } from '../../workspace/client-build-fs.ts';
import { applyPlan, libraryReader, planClient, readWorkspace, workspaceFile } from '../../workspace/workspace-fs.ts';
import { parse } from '../args.ts';
import { askFor } from '../interview.ts';
import { terminalAsk } from '../interview.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, type Io } from '../io.ts';
import { checkAnswers, parseAnswers } from '../workspace-answers.ts';
import { formatWorkspaceFindings } from '../workspace-text.ts';

export async function runClientAdd(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      root: { type: 'string' },
      path: { type: 'string' },
      overlay: { type: 'string', multiple: true },
      answer: { type: 'string', multiple: true },
      yes: { type: 'boolean' },
      'as-of': { type: 'string' },
    },
    1,
  );
  const name = positionals[0];
  if (name === undefined || !documentId.safeParse(name).success) {
    throw new UsageError(
      name === undefined ? 'client add needs the client name' : `"${name}" cannot be a client name`,
      'A short name of letters, digits, ".", "_" and "-": trustbook client add acme',
    );
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const workspace = readWorkspace(root);
  if (workspace.data.clients.some((client) => client.name === name)) {
    throw new UsageError(`a client named "${name}" is already in ${workspaceFile}`, 'Choose another name.');
  }
  const path = values.path ?? `clients/${name}`;
  const folder = join(root, path);
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new UsageError(`${path} is not empty`, 'Choose a new folder with --path, or move the existing one away.');
  }
  const overlays = values.overlay ?? [];
  const client = { name, path, overlays, index: workspace.data.clients.length };
  const libraryFor = libraryReader(workspace);
  const taken = libraryFor(client);
  if (taken.library === undefined) {
    io.stdout([`${name}: not added`, ...formatWorkspaceFindings(taken.findings)].join('\n'));
    return EXIT_FINDINGS;
  }
  const given = parseAnswers(values.answer ?? []);
  checkAnswers(given, taken.library.questions);
  const interactive = io.interactive === true && !values.yes;
  const answers = { ...given, ...(await askQuestions(taken.library.questions, given, interactive, io)) };
  const today = resolveEvaluationDate({ cli: values['as-of'], env: io.env.TRUSTBOOK_AS_OF }).date;

  // The client's own files (what no library holds), then the library's documents through a sync.
  const organization = answers.organization ?? titleCase(name);
  const website = answers.website ?? DEFAULT_WEBSITE;
  const own = new Map([
    [
      PROGRAM_FILE,
      programYaml({
        organization,
        system: answers.system ?? defaultSystem(organization),
        website,
        contact: answers.contact ?? defaultContact(website),
        scope: ['security'],
        today,
      }),
    ],
    ['content/people.yaml', peopleYaml()],
  ]);
  mkdirSync(folder, { recursive: true });
  for (const [file, text] of own) {
    if (taken.library.documents.has(file)) continue;
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  const { read, plan, findings } = planClient(workspace, libraryFor, client, { today, answers });
  if (plan === undefined || read === undefined || plan.blocked) {
    rmSync(folder, { recursive: true, force: true });
    io.stdout([`${name}: not added, nothing written`, ...formatWorkspaceFindings(findings)].join('\n'));
    return EXIT_FINDINGS;
  }
  applyPlan(read.folder, plan);
  ensureBuildFiles(read.folder);
  listClient(root, { name, path, overlays });
  io.stdout(
    [
      `Added ${name} (${organization}) in ${path}: ${plan.updates.length} documents from the library (${plan.record.layers
        .map((layer) => `${layer.name} ${layer.version}`)
        .join(' + ')}),`,
      '  its program.yaml and people.yaml, astro.config.mjs and src/content.config.ts, and its answers in',
      '  .trustbook-sync/sync.yaml.',
      'Next:',
      `  npx trustbook todo --root ${path}   (what the client does first)`,
      '  npx trustbook check --workspace',
    ].join('\n'),
  );
  return EXIT_CLEAN;
}

/** The answers the flags leave open: asked in a terminal, else the defaults; a question without either stops. */
async function askQuestions(
  questions: readonly LibraryQuestion[],
  given: Readonly<Record<string, string>>,
  interactive: boolean,
  io: Io,
): Promise<Record<string, string>> {
  const open = questions.filter((question) => !Object.hasOwn(given, question.id));
  const answers: Record<string, string> = {};
  if (!interactive) {
    const missing = open.filter((question) => question.default === undefined);
    if (missing.length > 0) {
      throw new UsageError(
        `the library asks ${missing.map((question) => question.id).join(', ')}, and no answer was given`,
        `Answer with ${missing.map((question) => `--answer ${question.id}=VALUE`).join(' ')} (or run it in a terminal, which asks).`,
      );
    }
    for (const question of open) answers[question.id] = question.default!;
    return answers;
  }
  const terminal = io.ask ? { ask: io.ask, close: () => {} } : terminalAsk();
  try {
    for (const question of open) {
      answers[question.id] = await askFor(terminal.ask, io.stdout, {
        prompt: question.ask,
        ...(question.default !== undefined ? { default: question.default } : {}),
        read: (answer) => {
          const problem = answerProblem(question, answer);
          return problem ? { problem } : { value: answer };
        },
      });
    }
  } finally {
    terminal.close();
  }
  return answers;
}

/** Adds the client to the workspace file, keeping its comments and the other entries. */
function listClient(root: string, client: { name: string; path: string; overlays: string[] }): void {
  const file = join(root, workspaceFile);
  const document = parseDocument(readFileSync(file, 'utf8'));
  const entry = {
    name: client.name,
    path: client.path,
    ...(client.overlays.length > 0 ? { overlays: client.overlays } : {}),
  };
  const clients = isMap(document.contents) ? document.contents.get('clients', true) : undefined;
  if (isSeq(clients)) {
    clients.flow = false;
    clients.items.push(document.createNode(entry));
  } else document.set('clients', document.createNode([entry]));
  writeFileSync(file, document.toString({ lineWidth: 0 }));
}
