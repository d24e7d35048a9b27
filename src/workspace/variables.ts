/**
 * Library variables, in two forms bound at two times.
 *
 * - `<Var name="organization" />` in an MDX body is bound at build time: the text keeps the reference, the build
 *   renders the client's answer from its sync record (src/engine/variables.ts), so a changed answer changes the
 *   record and no document, and never conflicts with the client's edits.
 * - `{{organization}}`, the placeholder the package's templates use, is bound when sync writes the document: in
 *   frontmatter (a title, an owner's title) and wherever a text should hold the value itself. The base text kept
 *   beside the sync record is the library text filled with the answers of that sync, so a changed answer reaches
 *   the client as a library change to the lines that hold it, and merges like one.
 */
import { parseFrontmatterDocument } from '../engine/frontmatter.ts';
import { variableReferences } from '../engine/variables.ts';

/** `{{name}}`, and a full stop right after it (kept single when the value ends in one). */
const placeholder = /\{\{([a-z][a-z0-9_]*)\}\}(\.?)/g;

export type Answers = Readonly<Record<string, string>>;

/** Characters a placeholder's value may not hold: MDX would read them as code or markup. */
const unsafeInText = /[{}<>`]/;

/**
 * Each variable a text names that `answers` has no value for, with the 1-based line of its first use: its
 * `{{placeholders}}`, and when `path` is an MDX document the `<Var>` of its body.
 */
export function unsetVariables(text: string, answers: Answers, path = ''): { name: string; line: number }[] {
  const found = new Map<string, number>();
  const use = (name: string, line: number) => {
    if (Object.hasOwn(answers, name)) return;
    if (!found.has(name) || found.get(name)! > line) found.set(name, line);
  };
  for (const match of text.matchAll(placeholder)) use(match[1]!, lineAt(text, match.index));
  if (path.endsWith('.mdx')) {
    const { body, bodyLine } = parseFrontmatterDocument(text);
    for (const reference of variableReferences(body, bodyLine)) {
      if (reference.name !== undefined) use(reference.name, reference.line);
    }
  }
  return [...found].map(([name, line]) => ({ name, line })).sort((a, b) => a.line - b.line);
}

/** Each answered `{{placeholder}}` whose value would break the text it is written into, at its first use. */
export function unsafePlaceholders(text: string, answers: Answers): { name: string; line: number }[] {
  const found = new Map<string, number>();
  for (const match of text.matchAll(placeholder)) {
    const name = match[1]!;
    if (found.has(name) || !Object.hasOwn(answers, name) || !unsafeInText.test(answers[name]!)) continue;
    found.set(name, lineAt(text, match.index));
  }
  return [...found].map(([name, line]) => ({ name, line }));
}

/**
 * The text with every answered variable filled in; a sentence that ends on a value ending in a full stop
 * ("…at {{organization}}." for "Acme, Inc.") keeps one full stop. Unanswered ones are left for the caller to report.
 */
export function fillVariables(text: string, answers: Answers): string {
  return text.replace(placeholder, (whole, name: string, stop: string) => {
    if (!Object.hasOwn(answers, name)) return whole;
    const value = answers[name]!;
    return stop && value.endsWith('.') ? value : value + stop;
  });
}

/** An MDX comment (a block comment in braces): a placeholder inside one is left as it is; nothing renders it. */
const mdxComment = /\{\/\*[\s\S]*?\*\/\}/g;

/**
 * An MDX library text with the `{{placeholders}}` of its body written as `<Var name="…" />`, bound when the site is
 * built, so that a client's changed answer changes its sync record and no document. Left as placeholders, bound at
 * sync: the frontmatter's (YAML cannot hold a component), one a full stop follows (a value ending in one, such as
 * "Acme, Inc.", would show two: sync writes one), and any inside a comment.
 */
export function placeholdersAsVariables(text: string): string {
  const lines = text.split('\n');
  const closing =
    lines[0]?.trim() === '---' ? lines.findIndex((line, index) => index > 0 && line.trim() === '---') : -1;
  if (closing === -1) return text;
  const head = lines.slice(0, closing + 1).join('\n');
  const body = lines.slice(closing + 1).join('\n');
  let converted = '';
  let from = 0;
  for (const comment of body.matchAll(mdxComment)) {
    converted += asVariables(body.slice(from, comment.index)) + comment[0];
    from = comment.index + comment[0].length;
  }
  converted += asVariables(body.slice(from));
  return `${head}\n${converted}`;
}

const asVariables = (text: string): string =>
  text.replace(placeholder, (whole, name: string, stop: string) => (stop ? whole : `<Var name="${name}" />`));

/**
 * An MDX document with each answered `<Var name="…" />` of its body replaced by the answer as Markdown text, its
 * punctuation escaped so it stays text: for a client leaving the workspace, whose program then no longer has the
 * sync record the build reads the answers from. Unanswered ones are left (the check reports them: TB030).
 */
export function bindVariables(text: string, answers: Answers): string {
  const lf = text.replace(/\r\n?/g, '\n');
  const { body, bodyLine } = parseFrontmatterDocument(lf);
  const references = variableReferences(body, bodyLine).filter(
    (reference) =>
      reference.name !== undefined && reference.problem === undefined && Object.hasOwn(answers, reference.name),
  );
  if (references.length === 0 || !lf.endsWith(body)) return text;
  let bound = body;
  for (const reference of [...references].reverse()) {
    bound = bound.slice(0, reference.start) + markdownText(answers[reference.name!]!) + bound.slice(reference.end);
  }
  return lf.slice(0, lf.length - body.length) + bound;
}

/** A value as Markdown text: every character MDX or Markdown could read as markup or code, escaped. */
function markdownText(value: string): string {
  return value.replace(/[\\`{}<>*_[\]&~|#!]/g, (character) => `\\${character}`);
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
