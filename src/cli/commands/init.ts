/** `trustbook init`: a new program from the templates, in readiness mode, for the categories in scope. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { categories, type Category } from '../../catalog/index.ts';
import { resolveEvaluationDate } from '../../engine/evaluation-date.ts';
import { UsageError } from '../../engine/errors.ts';
import { parseFrontmatterDocument } from '../../engine/frontmatter.ts';
import { PROGRAM_FILE } from '../../engine/model.ts';
import { peopleYaml, programYaml, type NewProgram } from '../../scaffold/program-files.ts';
import { assertSafeValue, controlCategory, fillPlaceholders, type Placeholders } from '../../scaffold/render.ts';
import { listTemplates, readTemplate, writeNewFiles } from '../../scaffold/scaffold-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

export function runInit(args: string[], io: Io): number {
  const { values } = parse(args, {
    org: { type: 'string' },
    system: { type: 'string' },
    scope: { type: 'string', default: 'security' },
    website: { type: 'string', default: 'https://example.com' },
    contact: { type: 'string' },
    dir: { type: 'string', default: '.' },
    'as-of': { type: 'string' },
  });
  if (!values.org) {
    throw new UsageError('init needs the organization name', 'For example: trustbook init --org "Example Cloud, Inc."');
  }
  const root = resolve(io.cwd, values.dir);
  if (existsSync(resolve(root, PROGRAM_FILE))) {
    throw new UsageError(`${root} already holds a program`, 'Choose an empty folder with --dir.');
  }
  const program: NewProgram = {
    organization: values.org,
    system: values.system ?? `${values.org.replace(/,? (Inc|LLC|Ltd|GmbH|SAS|BV)\.?$/i, '')} Platform`,
    website: values.website,
    contact: values.contact ?? `security@${hostOf(values.website)}`,
    scope: parseScope(values.scope),
    today: resolveEvaluationDate({ cli: values['as-of'], env: io.env.TRUSTBOOK_AS_OF }).date,
  };
  for (const [name, value] of Object.entries({
    organization: program.organization,
    system: program.system,
    website: program.website,
    contact: program.contact,
  })) {
    assertSafeValue(name, value);
  }
  const files = programFiles(program);
  const written = writeNewFiles(root, files);
  const count = (folder: string) => written.filter((path) => path.startsWith(folder)).length;
  io.stdout(
    [
      `Created a program for ${program.organization} in ${root}:`,
      `  ${count('policies/')} policies, ${count('content/controls/')} controls, ${count('evidence-index/')} evidence series (empty),`,
      `  ${count('content/procedures/')} procedures, the system description, a trust-center page, program.yaml and people.yaml.`,
      '',
      'It starts in readiness mode: missing evidence is a warning until you remove `readiness: true`',
      'from content/program.yaml when the audit window opens. Next:',
      `  trustbook check --root ${values.dir}`,
    ].join('\n'),
  );
  return EXIT_CLEAN;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'example.com';
  } catch {
    throw new UsageError(`--website "${url}" is not a URL`, 'For example: --website https://example.com');
  }
}

function parseScope(text: string): Category[] {
  const requested = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = requested.filter((part) => !(categories as readonly string[]).includes(part));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown scope "${unknown.join(', ')}"`,
      `Use a comma-separated list of: ${categories.join(', ')}.`,
    );
  }
  return categories.filter((category) => category === 'security' || requested.includes(category));
}

/** Every file of the new program, by path. */
export function programFiles(program: NewProgram): Map<string, string> {
  const values: Placeholders = {
    organization: program.organization,
    system: program.system,
    website: program.website,
    contact: program.contact,
    today: program.today,
  };
  const files = new Map<string, string>([
    [PROGRAM_FILE, programYaml(program)],
    ['content/people.yaml', peopleYaml()],
  ]);
  const fill = (template: string, extra: Placeholders = {}) =>
    fillPlaceholders(readTemplate(template), { ...values, ...extra }, template);
  const fileName = (template: string) => template.slice(template.lastIndexOf('/') + 1);

  for (const template of listTemplates('policies')) files.set(`policies/${fileName(template)}`, fill(template));
  for (const template of listTemplates('procedures')) {
    files.set(`content/procedures/${fileName(template)}`, fill(template));
  }
  for (const template of listTemplates('controls')) {
    const text = fill(template);
    const control = parseFrontmatterDocument(text).data as {
      id: string;
      title: string;
      criteria: string[];
      owner: string;
      frequency: string;
    };
    const category = controlCategory(control.criteria);
    if (!category || !program.scope.includes(category)) continue;
    files.set(`content/controls/${fileName(template)}`, text);
    const evidenceId = `EV-${control.id}`;
    files.set(
      `evidence-index/${evidenceId}.mdx`,
      fill('new/evidence.mdx', {
        id: evidenceId,
        title: `Evidence for ${control.title}`,
        control: control.id,
        owner: control.owner,
        frequency: control.frequency,
      }),
    );
  }
  files.set('content/system-description.mdx', fill('program/system-description.mdx'));
  files.set('content/trust/overview.mdx', fill('program/trust/overview.mdx'));
  return files;
}
