/**
 * A folder of plain GitHub-flavoured Markdown (a wiki export, a docs folder) imported as policies or
 * procedures. Each file's title is its frontmatter `title`, else its first heading, else its file name; every
 * other field Trustbook needs is left for a person and reported, since plain Markdown records none of them.
 */
import YAML from 'yaml';
import { convertBody } from './convert-body.ts';
import { kindNote } from './policy-kinds.ts';
import { readableSources, type SourceText } from './comply.ts';
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

export type MarkdownKind = 'policy' | 'procedure';

/** A leading YAML frontmatter block, when the file has one. */
function splitFrontmatter(text: string): { data: Record<string, unknown>; body: string } | undefined {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  const data: unknown = YAML.parse(match[1]!);
  return {
    data: data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {},
    body: text.slice(match[0].length),
  };
}

export function planMarkdownImport(sourceFolder: string, given: SourceText[], kind: MarkdownKind): ImportPlan {
  const decisions: Decision[] = [];
  const sources = readableSources(given, decisions);
  const notes: Note[] = [];
  const files: PlannedFile[] = [];
  const written = new Set<string>();
  const markdown = sources
    .filter((source) => /\.(?:md|markdown)$/i.test(source.path))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  for (const source of markdown) {
    const stem = source.path.replace(/\.(?:md|markdown)$/i, '');
    const slug = slugOf(stem.replace(/\//g, '-'));
    if (slug === '') {
      decisions.push({ topic: 'skipped', file: source.path, message: 'skipped: its name gives no usable id' });
      continue;
    }
    const path = kind === 'policy' ? `policies/${slug}.mdx` : `content/procedures/${slug}.mdx`;
    if (written.has(path)) {
      decisions.push({
        topic: 'skipped',
        file: source.path,
        message: `skipped: ${path} is already written from another file of the import; rename one of them`,
      });
      continue;
    }
    let split: ReturnType<typeof splitFrontmatter>;
    try {
      split = splitFrontmatter(source.text);
    } catch (error) {
      decisions.push({
        topic: 'skipped',
        file: source.path,
        message: `skipped: its frontmatter does not parse (${(error as Error).message.split('\n')[0]})`,
      });
      continue;
    }
    const given =
      typeof split?.data.title === 'string' && split.data.title.trim() ? split.data.title.trim() : undefined;
    const dropped = Object.keys(split?.data ?? {}).filter((key) => key !== 'title');
    if (dropped.length > 0) {
      notes.push({
        file: path,
        message: `frontmatter fields not carried over: ${dropped.map((key) => `\`${key}\``).join(', ')}`,
      });
    }
    const converted = convertBody(
      split?.body ?? source.text,
      path,
      given === undefined ? { titleFromHeading: true } : { title: given },
      undefined,
      decisions,
      notes,
    );
    const title = given ?? converted.title ?? humanise(stem.slice(stem.lastIndexOf('/') + 1));
    if (given === undefined && converted.title === undefined) {
      notes.push({ file: path, message: `no heading to take a title from: "${title}" is made from the file name` });
    }
    const frontmatter = kind === 'policy' ? { title } : { id: slug, title };
    const kindHint = kind === 'policy' ? kindNote(title) : undefined;
    if (kindHint) notes.push({ file: path, message: kindHint });
    missingFields(path, requiredFields[kind], frontmatter, decisions);
    written.add(path);
    files.push({
      path,
      text: mdxDocument(frontmatter, converted.body),
      source: source.path,
      document: { kind, id: slug },
    });
  }
  if (markdown.length === 0) {
    decisions.push({ topic: 'skipped', file: '.', message: 'no Markdown file (.md, .markdown) found in the folder' });
  }
  return { layout: 'markdown', source: sourceFolder, files, decisions, notes };
}
