/**
 * The text of Trustbook's own templates (`templates/`, shipped in the npm package), with the program's names
 * put in their placeholders as `init` puts them. A document the trust center holds back until it is finished
 * still carries much of its template, and template text is nobody's secret: the leak scan forbids a held-back
 * document's text less this.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from '../engine/index.ts';
import { templatesRoot } from '../scaffold/scaffold-fs.ts';

const templateFile = /\.(mdx?|ya?ml)$/;

/** The templates' texts for a program; a placeholder without a value from the program is left a word gap. */
export function templateTexts(result: CheckResult): string[] {
  const program = result.model.program?.data;
  const values: Record<string, string | undefined> = {
    organization: program?.organization,
    system: program?.system,
    website: program?.website,
    contact: program?.contact,
  };
  let files: string[];
  try {
    files = readdirSync(templatesRoot, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && templateFile.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return []; // No templates beside the package: nothing is subtracted, so more is forbidden, never less.
  }
  return files.map((file) =>
    readFileSync(file, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name: string) => ` ${values[name] ?? ''} `),
  );
}
