/** One body through the whole conversion: variables, Markdown to MDX, and the build's own parser as the judge. */
import { bodyTree } from '../engine/body-tree.ts';
import { bodyPlaceholders } from '../engine/placeholders.ts';
import { markdownToMdx, type ConvertOptions } from './markdown-to-mdx.ts';
import type { Decision, Note } from './plan.ts';
import { substituteVariables } from './template-variables.ts';

export interface ConvertedDocument {
  body: string;
  title?: string;
}

/**
 * Converts `markdown` for the file `file` (as written in the output), adding to `decisions` and `notes` what a
 * person must know. `variables` is undefined where the source is no template (plain Markdown).
 */
export function convertBody(
  markdown: string,
  file: string,
  options: ConvertOptions,
  variables: Map<string, string> | undefined,
  decisions: Decision[],
  notes: Note[],
): ConvertedDocument {
  let text = markdown;
  if (variables) {
    const substituted = substituteVariables(markdown, variables);
    text = substituted.text;
    for (const expression of substituted.unresolved) {
      decisions.push({
        topic: 'variable',
        file,
        message: `\`${expression}\` was not substituted (comply.yml gives no value for it) and shows as written: replace it with the text it stands for, or remove it`,
      });
    }
  }
  const converted = markdownToMdx(text, options);
  const counts = new Map<string, number>();
  for (const change of converted.changes) counts.set(change, (counts.get(change) ?? 0) + 1);
  for (const [change, count] of counts)
    notes.push({ file, message: count > 1 ? `${change} (${count} times)` : change });
  // The build's parser decides: a body it cannot read would fail the check (TB007), so say it here too.
  if (bodyTree(converted.body, 1, 'mdx') === undefined) {
    decisions.push({
      topic: 'body',
      file,
      message: 'the converted body does not parse as MDX; the check reports where (TB007): correct the text there',
    });
  }
  // A template default left in the source (an example.com address) is the check's placeholder finding.
  for (const placeholder of bodyPlaceholders(converted.body, 1, file)) {
    decisions.push({
      topic: 'placeholder',
      file,
      message:
        placeholder.kind === 'default'
          ? `\`${placeholder.text}\` in the text is a template default: put the real address in (the check reports it, TB321)`
          : `"${placeholder.text}" is marked as text still to write (the check reports it, TB320)`,
    });
  }
  return { body: converted.body, ...(converted.title === undefined ? {} : { title: converted.title }) };
}
