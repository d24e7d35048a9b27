/**
 * `trustbook grant add`: records that a person may read documents under NDA until a day, and prints their
 * link. `grant link <id>` prints an existing grant's link again; `grant rekey <id>` gives a grant a new salt,
 * and so a new link; `grant revoke <id>` withdraws a grant; `grant secret` prints a new build secret.
 *
 * The link is a bearer key: whoever holds it opens the documents until the grant ends or is revoked. It opens
 * them once a build made with the same secret is published.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { addDays } from '../../engine/dates.ts';
import {
  GRANT_SECRET_ENV,
  generateSalt,
  generateSecret,
  grantKey,
  grantLink,
  ndaInEffect,
  secretState,
} from '../../engine/grants.ts';
import { checkProject, UsageError, type CheckResult } from '../../engine/index.ts';
import { kindInfo } from '../../engine/document-kinds.ts';
import type { Document } from '../../engine/model.ts';
import { grantSchema, isCalendarDate, type GrantData } from '../../schema/index.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

const usage =
  'Run `trustbook grant add --name NAME --email ADDRESS --organization ORG --nda-version SHA256 [--documents ID,ID] [--days N | --expires YYYY-MM-DD]`, `trustbook grant link|rekey <id>`, `trustbook grant revoke <id> [--reason TEXT]` or `trustbook grant secret`.';

const subcommands = ['add', 'link', 'rekey', 'revoke', 'secret'] as const;
type Subcommand = (typeof subcommands)[number];

/** What the person who sends a link must know. */
const bearerNote =
  'The link is a key: whoever holds it can open the documents until the grant ends or is revoked. Send it to this person alone, as you would a password.';

export function runGrant(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    {
      name: { type: 'string' },
      email: { type: 'string' },
      organization: { type: 'string' },
      documents: { type: 'string' },
      'nda-version': { type: 'string' },
      granted: { type: 'string' },
      expires: { type: 'string' },
      days: { type: 'string' },
      reason: { type: 'string' },
      root: { type: 'string' },
    },
    2,
  );
  const [given, id] = positionals;
  if (!subcommands.includes(given as Subcommand)) {
    throw new UsageError(
      given === undefined ? 'grant needs a subcommand' : `unknown subcommand "grant ${given}"`,
      usage,
    );
  }
  const subcommand = given as Subcommand;
  if (subcommand === 'secret') {
    if (id !== undefined) throw new UsageError(`unexpected argument "${id}"`, usage);
    io.stdout(generateSecret());
    io.stderr(
      `Keep it as ${GRANT_SECRET_ENV} in the deploy environment's secrets and in your password manager; never commit it. A new secret gives every grant a new link.`,
    );
    return EXIT_CLEAN;
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const secret = io.env[GRANT_SECRET_ENV];
  if (subcommand !== 'revoke') requireSecret(secret);
  const result = checkProject(root, checkOptions(io));
  const base = trustCenterOf(result);

  if (subcommand !== 'add') {
    const grant = namedGrant(result, subcommand, id);
    if (subcommand === 'revoke') return revoke(root, grant, result.summary.asOf, values.reason, io);
    if (grant.data.revoked !== undefined) {
      throw new UsageError(
        `the grant "${grant.id}" was revoked on ${grant.data.revoked}`,
        'A revoked grant has no link. Give the person a new grant (`trustbook grant add`) if they may read again.',
      );
    }
    if (subcommand === 'rekey') {
      const salt = generateSalt();
      rewriteGrant(root, grant, (document) => document.set('salt', salt));
      const link = grantLink(base, grantKey(secret!, { id: grant.id, data: { ...grant.data, salt } }));
      io.stdout(
        [
          `Wrote a new salt to ${grant.file}: links made before it open nothing once the next build is published.`,
          `Commit it and publish the next build; then send ${grant.data.name} this link. ${bearerNote}`,
          '',
          `  ${link}`,
        ].join('\n'),
      );
      return EXIT_CLEAN;
    }
    if (grant.data.salt === undefined) {
      throw new UsageError(
        `the grant "${grant.id}" has no salt, so its link is one an older Trustbook made`,
        `Run \`trustbook grant rekey ${grant.id}\` to give it a salt and a new link.`,
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
  if (data.expires < result.summary.asOf) {
    throw new UsageError(
      `the grant would have ended on ${data.expires}, before today (${result.summary.asOf}): its link would open nothing`,
      'Give an end date from today on (`--expires YYYY-MM-DD`, or `--days N` counted from `--granted`).',
    );
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
      `Wrote ${kindInfo('grant').path}/${grantId}.yaml: ${data.name} (${data.organization}) may read ${data.documents.length} document${data.documents.length === 1 ? '' : 's'} until ${data.expires}, having accepted the NDA ${data.nda_version.slice(0, 12)}….`,
      `Commit it and publish the next build; then send this link. ${bearerNote}`,
      '',
      `  ${link}`,
    ].join('\n'),
  );
  return EXIT_CLEAN;
}

function requireSecret(secret: string | undefined): void {
  const state = secretState(secret);
  if (state === 'set') return;
  throw new UsageError(
    state === 'missing'
      ? `${GRANT_SECRET_ENV} is not set: the link's key is made from it`
      : `${GRANT_SECRET_ENV} is not a generated secret, so it cannot protect documents under NDA`,
    `Set ${GRANT_SECRET_ENV} to the secret the published build uses; \`trustbook grant secret\` makes a new one.`,
  );
}

function namedGrant(result: CheckResult, subcommand: Subcommand, id: string | undefined): Document<GrantData> {
  const grant = result.model.grants.find((candidate) => candidate.id === id);
  if (grant) return grant;
  throw new UsageError(
    id === undefined ? `grant ${subcommand} needs the grant’s id` : `no grant "${id}" in content/trust/grants/`,
    `Name a grant by its file name: ${result.model.grants.map((candidate) => candidate.id).join(', ') || 'there are none yet'}.`,
  );
}

/** Records the revocation in the grant itself: the next build publishes nothing for it. */
function revoke(root: string, grant: Document<GrantData>, asOf: string, reason: string | undefined, io: Io): number {
  if (grant.data.revoked !== undefined) {
    throw new UsageError(`the grant "${grant.id}" was revoked on ${grant.data.revoked} already`, 'Nothing to do.');
  }
  rewriteGrant(root, grant, (document) => {
    document.set('revoked', asOf);
    if (reason?.trim()) document.set('revoked_reason', reason.trim());
  });
  io.stdout(
    [
      `Revoked ${grant.id} (${grant.data.name}, ${grant.data.organization}) as of ${asOf}, recorded in ${grant.file}.`,
      'Commit it and publish the next build: from then on the link opens nothing. A copy already downloaded stays with its holder.',
    ].join('\n'),
  );
  return EXIT_CLEAN;
}

/** Changes fields of a grant's file, keeping its comments and the order of the rest. */
function rewriteGrant(
  root: string,
  grant: Document<GrantData>,
  change: (document: ReturnType<typeof parseDocument>) => void,
): void {
  const path = join(root, grant.file);
  const document = parseDocument(readFileSync(path, 'utf8'));
  change(document);
  writeFileSync(path, document.toString({ lineWidth: 0 }));
}

function grantData(
  result: CheckResult,
  values: {
    name?: string;
    email?: string;
    organization?: string;
    documents?: string;
    expires?: string;
    days?: string;
    'nda-version'?: string;
  },
  granted: string,
): GrantData {
  const { model } = result;
  for (const field of ['name', 'email', 'organization', 'nda-version'] as const) {
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
  // The version the request carried (the request page sends it): the grant records what was accepted, and a
  // request made against another text is not an acceptance of this one.
  const accepted = values['nda-version']!.trim().toLowerCase();
  if (!/^[0-9a-f]{12,64}$/.test(accepted) || !nda.version.startsWith(accepted)) {
    throw new UsageError(
      `the requester accepted the NDA version ${accepted.slice(0, 64)}, but the text in effect on ${granted} is ${nda.version.slice(0, 12)}… (${nda.nda.data.title})`,
      'Pass the version the request names (at least its first 12 characters); if they accepted another text, send them the current one to accept before you grant access.',
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
    salt: generateSalt(),
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
