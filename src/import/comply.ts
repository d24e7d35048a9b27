/**
 * A program kept in the comply layout (github.com/strongdm/comply) mapped onto Trustbook documents.
 *
 * - `policies/*.md` become policies, `procedures/*.md` procedures (comply's `cron` gives the frequency when it
 *   plainly names one).
 * - `narratives/*.md` that cite criteria (`satisfies`) become controls: a comply narrative says how the company
 *   meets the criteria it lists, which is what a Trustbook control's narrative is for. Narratives that cite
 *   nothing (comply's system architecture, products and services) describe the system itself, so they become
 *   the system description, each under its own heading, when the program has none; with one in place they are
 *   skipped and reported, since merging two descriptions is a person's job.
 * - `satisfies` ids of the 2017 Trust Services Criteria become `criteria`, normalised; an id our catalog does
 *   not hold (comply's own sample cites `CC9.9`) is reported, never written.
 * - `{{.Name}}`-style variables come from comply.yml's `name`, as comply fills them.
 * - Approvals are never made up: comply records none (its revision dates are edits, its approvals are commits),
 *   so `owner`, `approved_by`, `approved` and `effective` are left out for the check to report.
 *
 * Only `name` is read from comply.yml: the rest holds ticket-system credentials, which have no place here.
 */
import YAML from 'yaml';
import { documentId } from '../schema/common.ts';
import { convertBody } from './convert-body.ts';
import { looksLikeTsc, mapCriteria } from './criteria-map.ts';
import { frequencyFromCron } from './cron-frequency.ts';
import { pandocListsToCommonMark } from './pandoc-lists.ts';
import { kindNote } from './policy-kinds.ts';
import {
  humanise,
  mdxDocument,
  missingFields,
  requiredFields,
  slugOf,
  type Decision,
  type ImportPlan,
  type Note,
  type PlannedFile,
} from './plan.ts';
import { complyVariables } from './template-variables.ts';

export interface SourceText {
  /** Relative to the source folder, with `/` between parts. */
  path: string;
  text: string;
  /** Why the file was not read (too large to be a document); the import reports it as skipped. */
  unread?: string;
}

/** Sources that were not read become "skipped" decisions; the rest go on. */
export function readableSources(sources: SourceText[], decisions: Decision[]): SourceText[] {
  for (const source of sources.filter((s) => s.unread !== undefined)) {
    decisions.push({ topic: 'skipped', file: source.path, message: `skipped: ${source.unread}` });
  }
  return sources.filter((source) => source.unread === undefined);
}

export interface ComplyTarget {
  /** The program already has a system description (content/system-description.mdx). */
  hasSystemDescription: boolean;
}

export const SYSTEM_DESCRIPTION_PATH = 'content/system-description.mdx';

interface ComplyFrontmatter {
  name?: unknown;
  acronym?: unknown;
  id?: unknown;
  cron?: unknown;
  satisfies?: unknown;
  majorRevisions?: unknown;
  [key: string]: unknown;
}

const knownKeys = new Set(['name', 'acronym', 'id', 'cron', 'satisfies', 'majorRevisions']);

/** comply's files are YAML, a `---` line, then Markdown; a leading `---` line is allowed too. */
export function splitComplyFile(text: string): { yaml: string; body: string } | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const start = lines[0]?.trim() === '---' ? 1 : 0;
  const end = lines.findIndex((line, index) => index >= start && line.trim() === '---');
  if (end === -1) return undefined;
  return { yaml: lines.slice(start, end).join('\n'), body: lines.slice(end + 1).join('\n') };
}

export function planComplyImport(sourceFolder: string, given: SourceText[], target: ComplyTarget): ImportPlan {
  const decisions: Decision[] = [];
  const sources = readableSources(given, decisions);
  const notes: Note[] = [];
  const files: PlannedFile[] = [];
  const organization = configName(sources, decisions);
  const variables = complyVariables(organization);
  const tscStandards = tscStandardNames(sources);
  const written = new Set<string>();
  const descriptionParts: { source: string; title: string; markdown: string }[] = [];

  /** Two sources mapping to one path: the first is written, the second reported. */
  const skipSecond = (path: string, source: string) =>
    decisions.push({
      topic: 'skipped',
      file: source,
      message: `skipped: ${path} is already written from another file of the import; rename one of them`,
    });
  const add = (file: PlannedFile) => {
    written.add(file.path);
    files.push(file);
  };

  for (const source of documentsIn(sources)) {
    const parsed = readDocument(source, decisions);
    if (!parsed) continue;
    const { frontmatter, body } = parsed;
    const folder = source.path.slice(0, source.path.indexOf('/'));
    const stem = source.path.slice(folder.length + 1).replace(/\.md$/i, '');
    const title = typeof frontmatter.name === 'string' && frontmatter.name.trim() ? frontmatter.name.trim() : undefined;

    if (folder === 'narratives' && frontmatter.satisfies === undefined) {
      if (target.hasSystemDescription) {
        decisions.push({
          topic: 'skipped',
          file: source.path,
          message: `skipped: it describes the system and cites no criteria, and the program already has ${SYSTEM_DESCRIPTION_PATH}; fold its text into that description by hand`,
        });
      } else {
        descriptionParts.push({ source: source.path, title: title ?? humanise(stem), markdown: body });
      }
      continue;
    }

    const kind = folder === 'policies' ? 'policy' : folder === 'procedures' ? 'procedure' : 'control';
    const id = idFor(kind, frontmatter, stem);
    const path =
      kind === 'policy'
        ? `policies/${id}.mdx`
        : kind === 'procedure'
          ? `content/procedures/${id}.mdx`
          : `content/controls/${id}.mdx`;
    if (written.has(path)) {
      skipSecond(path, source.path);
      continue;
    }
    const documentTitle = title ?? humanise(stem);
    if (!title) {
      notes.push({
        file: path,
        message: `comply gives no \`name\`: the title "${documentTitle}" is made from the file name`,
      });
    }
    // Only a policy has a version to count revisions into; elsewhere they are history git keeps.
    const dropped = Object.keys(frontmatter).filter(
      (key) => !knownKeys.has(key) || (key === 'majorRevisions' && kind !== 'policy'),
    );
    if (dropped.length > 0) {
      notes.push({
        file: path,
        message: `comply fields not carried over: ${dropped.map((key) => `\`${key}\``).join(', ')}`,
      });
    }
    const criteria = citations(frontmatter.satisfies, tscStandards, path, source.path, decisions);
    const converted = convertBody(
      pandocBody(body, path, notes),
      path,
      { title: documentTitle },
      variables,
      decisions,
      notes,
    );

    if (kind === 'policy') {
      const kindHint = kindNote(documentTitle);
      if (kindHint) notes.push({ file: path, message: kindHint });
      const version = versionFrom(frontmatter.majorRevisions, path, notes);
      const frontmatterOut = {
        title: documentTitle,
        version,
        criteria: criteria.length > 0 ? criteria : undefined,
      };
      missingFields(path, requiredFields.policy, frontmatterOut, decisions);
      add({ path, text: mdxDocument(frontmatterOut, converted.body), source: source.path, document: { kind, id } });
    } else if (kind === 'procedure') {
      const cron = typeof frontmatter.cron === 'string' ? frontmatter.cron : undefined;
      const frequency = cron === undefined ? undefined : frequencyFromCron(cron);
      if (cron !== undefined) {
        notes.push({
          file: path,
          message: frequency
            ? `\`frequency: ${frequency}\` from comply's schedule \`${cron}\``
            : `comply's schedule \`${cron}\` names no single frequency; choose one`,
        });
      }
      if (criteria.length > 0) {
        decisions.push({
          topic: 'procedure-criteria',
          file: path,
          message: `comply lets a procedure cite ${criteria.join(', ')}; a Trustbook procedure cites none: cite them from the control the procedure carries out (its \`procedures:\`)`,
        });
      }
      const frontmatterOut = { id, title: documentTitle, frequency };
      missingFields(path, requiredFields.procedure, frontmatterOut, decisions);
      add({ path, text: mdxDocument(frontmatterOut, converted.body), source: source.path, document: { kind, id } });
    } else {
      const frontmatterOut = { id, title: documentTitle, criteria: criteria.length > 0 ? criteria : undefined };
      missingFields(path, requiredFields.control, frontmatterOut, decisions);
      decisions.push({
        topic: 'evidence',
        file: path,
        message: `an implemented control needs an evidence series proving it operates: add one (\`trustbook new evidence EV-${id}\`), or mark the control \`status: planned\`; the check asks for it once the control's fields are complete`,
      });
      add({ path, text: mdxDocument(frontmatterOut, converted.body), source: source.path, document: { kind, id } });
    }
  }

  if (descriptionParts.length > 0) {
    const path = SYSTEM_DESCRIPTION_PATH;
    const sections = descriptionParts.map((part) => {
      const converted = convertBody(
        pandocBody(part.markdown, path, notes),
        path,
        { title: part.title, topDepth: 3 },
        variables,
        decisions,
        notes,
      );
      return `## ${part.title}\n\n${converted.body.trim()}\n`;
    });
    const frontmatterOut = { title: organization ? `${organization} system description` : 'System description' };
    missingFields(path, requiredFields['system-description'], frontmatterOut, decisions);
    decisions.push({
      topic: 'system-description',
      file: path,
      message: `write one \`## DCn\` section per description criterion (DC1 to DC9): the narratives of ${descriptionParts.map((part) => part.source).join(', ')} sit under their own headings; move their text into the sections it answers (the check lists each missing section once the fields are set)`,
    });
    add({
      path,
      text: mdxDocument(frontmatterOut, sections.join('\n')),
      source: descriptionParts.map((part) => part.source).join(', '),
    });
  }

  return { layout: 'comply', source: sourceFolder, files, decisions, notes };
}

/** comply's Markdown is pandoc's: its lettered lists are rewritten before the CommonMark parser reads them. */
function pandocBody(body: string, file: string, notes: Note[]): string {
  const lists = pandocListsToCommonMark(body);
  if (lists.converted > 0) {
    notes.push({ file, message: 'pandoc list items lettered `a.` or `i.` became numbered items' });
  }
  return lists.text;
}

/** The policies, procedures and narratives, in a stable order; comply itself skips README files. */
function documentsIn(sources: SourceText[]): SourceText[] {
  return sources
    .filter((source) => /^(policies|procedures|narratives)\/[^/]+\.md$/i.test(source.path))
    .filter((source) => !/^readme/i.test(source.path.slice(source.path.indexOf('/') + 1)))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function readDocument(
  source: SourceText,
  decisions: Decision[],
): { frontmatter: ComplyFrontmatter; body: string } | undefined {
  const split = splitComplyFile(source.text);
  if (!split) {
    decisions.push({
      topic: 'skipped',
      file: source.path,
      message: 'skipped: no `---` line between the YAML header and the text, as comply needs',
    });
    return undefined;
  }
  let frontmatter: unknown;
  try {
    frontmatter = YAML.parse(split.yaml);
  } catch (error) {
    decisions.push({
      topic: 'skipped',
      file: source.path,
      message: `skipped: its YAML header does not parse (${(error as Error).message.split('\n')[0]})`,
    });
    return undefined;
  }
  if (frontmatter === null || frontmatter === undefined) frontmatter = {};
  if (typeof frontmatter !== 'object' || Array.isArray(frontmatter)) {
    decisions.push({ topic: 'skipped', file: source.path, message: 'skipped: its YAML header is not a set of fields' });
    return undefined;
  }
  return { frontmatter: frontmatter as ComplyFrontmatter, body: split.body };
}

function idFor(kind: 'policy' | 'procedure' | 'control', frontmatter: ComplyFrontmatter, stem: string): string {
  const given = kind === 'procedure' ? frontmatter.id : kind === 'control' ? frontmatter.acronym : undefined;
  if (typeof given === 'string' && documentId.safeParse(given).success) return given;
  const slug = slugOf(stem) || 'document';
  return kind === 'control' ? slug.toUpperCase() : slug;
}

function configName(sources: SourceText[], decisions: Decision[]): string | undefined {
  const config = sources.find((source) => source.path === 'comply.yml');
  if (!config) return undefined;
  try {
    const parsed = YAML.parse(config.text) as { name?: unknown } | null;
    return typeof parsed?.name === 'string' && parsed.name.trim() ? parsed.name.trim() : undefined;
  } catch {
    decisions.push({
      topic: 'skipped',
      file: 'comply.yml',
      message: 'comply.yml does not parse: no variable was substituted from it',
    });
    return undefined;
  }
}

/** The standards whose ids are the 2017 TSC, by the name `satisfies` uses for them. */
function tscStandardNames(sources: SourceText[]): Set<string> {
  const names = new Set<string>();
  for (const source of sources.filter((s) => /^standards\/[^/]+\.ya?ml$/i.test(s.path))) {
    try {
      const parsed = YAML.parse(source.text) as Record<string, unknown> | null;
      if (!parsed || typeof parsed !== 'object') continue;
      const name = typeof parsed.name === 'string' ? parsed.name : undefined;
      if (
        name &&
        looksLikeTsc(
          name,
          Object.keys(parsed).filter((key) => key !== 'name'),
        )
      )
        names.add(name);
    } catch {
      // A standard that does not parse only loses its name; `satisfies` keys are still judged by their ids.
    }
  }
  return names;
}

function citations(
  satisfies: unknown,
  tscStandards: Set<string>,
  file: string,
  source: string,
  decisions: Decision[],
): string[] {
  if (satisfies === undefined || satisfies === null) return [];
  if (typeof satisfies !== 'object' || Array.isArray(satisfies)) {
    decisions.push({
      topic: 'criterion',
      file,
      message: `\`satisfies\` in ${source} is not a map of standards to ids; nothing cited`,
    });
    return [];
  }
  const known: string[] = [];
  for (const [standard, ids] of Object.entries(satisfies as Record<string, unknown>)) {
    const list = (Array.isArray(ids) ? ids : [ids]).filter((id) => id !== null && id !== undefined).map(String);
    if (!tscStandards.has(standard) && !looksLikeTsc(standard, list)) {
      decisions.push({
        topic: 'standard',
        file,
        message: `\`satisfies.${standard}\` (${list.join(', ')}) is not the 2017 Trust Services Criteria; not written: cite the matching criteria if any`,
      });
      continue;
    }
    const mapped = mapCriteria(list);
    for (const id of mapped.known) if (!known.includes(id)) known.push(id);
    for (const unknown of mapped.unknown) {
      decisions.push({
        topic: 'criterion',
        file,
        message: `\`${unknown.written}\` (\`satisfies.${standard}\` in ${source}) is not a 2017 Trust Services Criterion; not written${unknown.suggestions.length > 0 ? `: did you mean ${unknown.suggestions.map((id) => `\`${id}\``).join(' or ')}?` : ''}`,
      });
    }
  }
  return known;
}

/** comply numbers nothing; its `majorRevisions` count the major versions, which is what `version` says. */
function versionFrom(revisions: unknown, file: string, notes: Note[]): string | undefined {
  if (!Array.isArray(revisions) || revisions.length === 0) return undefined;
  const entries = revisions
    .map((revision) => {
      const { date, comment } = (revision ?? {}) as { date?: unknown; comment?: unknown };
      return [date, comment]
        .filter((part) => part !== undefined && part !== null)
        .map(String)
        .join(': ');
    })
    .filter(Boolean);
  notes.push({
    file,
    message: `\`version: "${revisions.length}.0"\`, counting comply's major revisions (${entries.join('; ')}); their dates are edits, not approvals`,
  });
  return `${revisions.length}.0`;
}
