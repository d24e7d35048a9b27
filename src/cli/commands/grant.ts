/**
 * `trustbook grant add`: records that a person may read documents under NDA until a day, and prints their
 * link. `trustbook grant link <id>`: prints an existing grant's link again. The link holds the grant's key in
 * its fragment; it opens the documents once a build made with the same secret is published.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { addDays } from '../../engine/dates.ts';
import { GRANT_SECRET_ENV, grantKey, grantLink, ndaInEffect, secretState } from '../../engine/grants.ts';
import { checkProject, UsageError, type CheckResult } from '../../engine/index.ts';
import { kindInfo } from '../../engine/document-kinds.ts';
import { grantSchema, isCalendarDate, type GrantData } from '../../schema/index.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

const usage =
  'Run `trustbook grant add --name NAME --email ADDRESS --organization ORG [--documents ID,ID] [--days N | --expires YYYY-MM-DD]` or `trustbook grant link <id>`.';

export function runGrant(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    {
      name: { type: 'string' },
      email: { type: 'string' },
      organization: { type: 'string' },
      documents: { type: 'string' },
      granted: { type: 'string' },
      expires: { type: 'string' },
      days: { type: 'string' },
      root: { type: 'string' },
    },
    2,
  );
  const [subcommand, id] = positionals;
  const root = resolve(io.cwd, values.root ?? '.');
  const secret = io.env[GRANT_SECRET_ENV];
  if (subcommand !== 'add' && subcommand !== 'link') {
    throw new UsageError(
      subcommand === undefined ? 'grant needs a subcommand' : `unknown subcommand "grant ${subcommand}"`,
      usage,
    );
  }
  const state = secretState(secret);
  if (state !== 'set') {
    throw new UsageError(
      state === 'missing'
        ? `${GRANT_SECRET_ENV} is not set: the link's key is made from it`
        : `${GRANT_SECRET_ENV} is too short to protect documents under NDA`,
      `Set ${GRANT_SECRET_ENV} to the same secret the published build uses (at least 32 characters; \`openssl rand -base64 32\` makes one).`,
    );
  }
  const result = checkProject(root, { envAsOf: io.env.TRUSTBOOK_AS_OF, grantSecret: secret });
  const base = trustCenterOf(result);

  if (subcommand === 'link') {
    const grant = result.model.grants.find((candidate) => candidate.id === id);
    if (!grant) {
      throw new UsageError(
        id === undefined ? 'grant link needs the grant’s id' : `no grant "${id}" in content/trust/grants/`,
        `Name a grant by its file name: ${result.model.grants.map((candidate) => candidate.id).join(', ') || 'there are none yet'}.`,
      );
    }
    io.stdout(grantLink(base, grantKey(secret!, grant)));
    return EXIT_CLEAN;
  }

  if (id !== undefined) throw new UsageError(`unexpected argument "${id}"`, usage);
  const granted = values.granted ?? result.summary.asOf;
  const data = grantData(result, values, granted);
  const parsed = grantSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`the grant's ${issue.path.join('.') || 'fields'}: ${issue.message}`, usage);
  }
  const folder = join(root, kindInfo('grant').path);
  const grantId = freeId(folder, `${fileSlug(data.organization)}-${granted.slice(0, 7)}`);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${grantId}.yaml`);
  writeFileSync(
    file,
    `# Written by \`trustbook grant add\` on ${result.summary.asOf}. Its link opens the documents until \`expires\`.\n${stringify(data, { lineWidth: 0 })}`,
    { flag: 'wx' },
  );
  const link = grantLink(base, grantKey(secret!, { id: grantId, data }));
  io.stdout(
    [
      `Wrote ${kindInfo('grant').path}/${grantId}.yaml: ${data.name} (${data.organization}) may read ${data.documents.length} document${data.documents.length === 1 ? '' : 's'} until ${data.expires}.`,
      'Commit it and publish the next build; then send this link (the key after # never reaches a server):',
      '',
      `  ${link}`,
    ].join('\n'),
  );
  return EXIT_CLEAN;
}

function grantData(
  result: CheckResult,
  values: { name?: string; email?: string; organization?: string; documents?: string; expires?: string; days?: string },
  granted: string,
): GrantData {
  const { model } = result;
  for (const field of ['name', 'email', 'organization'] as const) {
    if (!values[field]?.trim()) throw new UsageError(`grant add needs --${field}`, usage);
  }
  if (!isCalendarDate(granted)) throw new UsageError(`--granted ${granted} is not a date written YYYY-MM-DD`, usage);
  const offered = model.trustDocuments.filter(
    (document) =>
      document.data.access === 'nda' &&
      document.data.file !== undefined &&
      (document.data.valid_until === undefined || document.data.valid_until >= granted),
  );
  const documents = values.documents
    ? values.documents.split(',').map((id) => id.trim())
    : offered.map((document) => document.id);
  for (const id of documents) {
    if (!offered.some((document) => document.id === id)) {
      throw new UsageError(
        `"${id}" is not a document under NDA the trust center can give`,
        `Choose from: ${offered.map((document) => document.id).join(', ') || 'none (add one to content/trust/documents/ with `access: nda` and `file:`)'}.`,
      );
    }
  }
  if (documents.length === 0) {
    throw new UsageError(
      'there is no document under NDA to give',
      'Add one to content/trust/documents/ with `access: nda` and `file:`.',
    );
  }
  const nda = ndaInEffect(model, granted);
  if (!nda) {
    throw new UsageError(
      `no NDA text in ${kindInfo('nda').path}/ is in effect on ${granted}`,
      'Add the agreement recipients accept as a Markdown file there, with `title:` and `effective:`.',
    );
  }
  const days = values.days === undefined ? 90 : Number(values.days);
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError(`--days ${values.days} is not a whole number of days`, usage);
  return {
    name: values.name!.trim(),
    email: values.email!.trim(),
    organization: values.organization!.trim(),
    documents,
    nda_version: nda.version,
    granted,
    expires: values.expires ?? addDays(granted, days),
  };
}

/** The trust center's address, where the link's page is. */
function trustCenterOf(result: CheckResult): string {
  const program = result.model.program?.data;
  if (!program)
    throw new UsageError('there is no content/program.yaml here', 'Run it in a program’s folder, or pass --root.');
  return program.trust_center_url ?? program.website;
}

/** A file name from an organization's name: `Northwind Clinics, Inc.` is `northwind-clinics-inc`. */
function fileSlug(text: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'grant';
}

/** `base`, or `base-2`, `base-3`... whichever has no grant file yet: a grant is never overwritten. */
function freeId(folder: string, base: string): string {
  for (let count = 1; ; count++) {
    const id = count === 1 ? base : `${base}-${count}`;
    if (!existsSync(join(folder, `${id}.yaml`)) && !existsSync(join(folder, `${id}.yml`))) return id;
  }
}
