/**
 * Every file of a new program, worked out from the templates and the answers to `trustbook init`. Kept out of
 * the command so the scaffold tests and the build tests make the same tree without going through the CLI.
 */
import { parseFrontmatterDocument } from '../engine/frontmatter.ts';
import { PROGRAM_FILE } from '../engine/model.ts';
import { peopleYaml, programYaml, type NewProgram } from './program-files.ts';
import { controlCategory, fillPlaceholders, type Placeholders } from './render.ts';
import { listTemplates, readTemplate } from './scaffold-fs.ts';
import type { TemplateOrigin } from './template-record.ts';

/** Every file of the new program, by path. */
export function programFiles(program: NewProgram): Map<string, string> {
  return programFilesWithOrigins(program).files;
}

/** Every file of the new program, and the template each came from (program.yaml and people.yaml come from code). */
export function programFilesWithOrigins(program: NewProgram): {
  files: Map<string, string>;
  origins: Map<string, TemplateOrigin>;
} {
  const values: Placeholders = {
    organization: program.organization,
    system: program.system,
    website: program.website,
    contact: program.contact,
    today: program.today,
  };
  const files = new Map<string, string>([
    [PROGRAM_FILE, programYaml(program)],
    ['content/people.yaml', peopleYaml(program.keyPeople)],
  ]);
  const origins = new Map<string, TemplateOrigin>();
  const add = (path: string, template: string, extra: Placeholders = {}) => {
    const all = { ...values, ...extra };
    const text = fillPlaceholders(readTemplate(template), all, template);
    files.set(path, text);
    origins.set(path, { template, values: all });
    return text;
  };
  const fileName = (template: string) => template.slice(template.lastIndexOf('/') + 1);

  for (const template of listTemplates('policies')) {
    // A policy of one category other than security (the privacy notice, the processing specifications) comes
    // with that category.
    const criteria = (parseFrontmatterDocument(readTemplate(template)).data as { criteria?: string[] }).criteria ?? [];
    const category = controlCategory(criteria);
    if (category && category !== 'security' && !program.scope.includes(category)) continue;
    add(`policies/${fileName(template)}`, template);
  }
  for (const template of listTemplates('procedures')) add(`content/procedures/${fileName(template)}`, template);
  for (const template of listTemplates('controls')) {
    const text = fillPlaceholders(readTemplate(template), values, template);
    const control = parseFrontmatterDocument(text).data as {
      id: string;
      title: string;
      criteria: string[];
      owner: string;
      frequency: string;
    };
    const category = controlCategory(control.criteria);
    if (!category || !program.scope.includes(category)) continue;
    add(`content/controls/${fileName(template)}`, template);
    const evidenceId = `EV-${control.id}`;
    add(`evidence-index/${evidenceId}.mdx`, 'new/evidence.mdx', {
      id: evidenceId,
      title: `Evidence for ${control.title}`,
      control: control.id,
      owner: control.owner,
      frequency: control.frequency,
    });
  }
  add('content/system-description.mdx', 'program/system-description.mdx');
  add('content/trust/overview.mdx', 'program/trust/overview.mdx');
  return { files, origins };
}
