/** `trustbook new <kind> <id>`: one new document from its template, in the folder its kind lives in. */
import { extname, resolve } from 'node:path';
import { documentKindList, documentKinds, type TemplateKind } from '../../engine/document-kinds.ts';
import { checkProject } from '../../engine/index.ts';
import { UsageError } from '../../engine/errors.ts';
import { resolveEvaluationDate } from '../../engine/evaluation-date.ts';
import { documentId } from '../../schema/common.ts';
import { assertSafeValue, fillPlaceholders, titleFromId } from '../../scaffold/render.ts';
import { readTemplate, writeNewFiles } from '../../scaffold/scaffold-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

/** The kinds `new` creates: those with a template in the registry of document kinds, which also gives the folder. */
export const newKinds = documentKindList.filter((info) => info.template).map((info) => info.kind as TemplateKind);

export function runNew(args: string[], io: Io): number {
  const { values, positionals } = parse(
    args,
    { title: { type: 'string' }, control: { type: 'string' }, root: { type: 'string' } },
    2,
  );
  const [kind, id] = positionals;
  if (!kind || !(newKinds as string[]).includes(kind)) {
    throw new UsageError(
      kind ? `cannot create a "${kind}"` : 'new needs a kind and an id',
      `Use: trustbook new ${newKinds.join('|')} ID`,
    );
  }
  if (!id || !documentId.safeParse(id).success) {
    throw new UsageError(
      id ? `"${id}" is not a valid id` : `new ${kind} needs an id`,
      'Ids use letters, digits, ".", "_" and "-", for example AC-04 or access-review.',
    );
  }
  const title = values.title ?? titleFromId(id);
  assertSafeValue('title', title);
  const root = resolve(io.cwd, values.root ?? '.');
  const today = resolveEvaluationDate({ env: io.env.TRUSTBOOK_AS_OF }).date;
  const template = documentKinds[kind as TemplateKind].template;
  const extra = kind === 'evidence' ? evidenceDefaults(root, id, values.control, io) : {};
  const text = fillPlaceholders(readTemplate(template), { id, title, today, ...extra }, template);
  const path = `${documentKinds[kind as TemplateKind].path}/${id}${extname(template)}`;
  const [written] = writeNewFiles(root, new Map([[path, text]]));
  // A policy is a draft until someone approves it: the template leaves the approval for the company to record.
  const approval = kind === 'policy' ? ', have it approved and set `approved_by` and `approved`' : '';
  io.stdout(`Created ${written}. Fill it in${approval}, then run \`trustbook check\`.`);
  return EXIT_CLEAN;
}

/** An evidence series takes its owner and frequency from the control it proves. */
function evidenceDefaults(root: string, id: string, control: string | undefined, io: Io): Record<string, string> {
  const controlId = control ?? (id.startsWith('EV-') ? id.slice(3) : undefined);
  if (!controlId) {
    throw new UsageError(
      'new evidence needs the control it proves',
      `Pass --control ID, or name the series EV-<control id> (for example EV-AC-04).`,
    );
  }
  const found = checkProject(root, checkOptions(io)).model.controls.find((candidate) => candidate.id === controlId);
  if (!found) {
    throw new UsageError(
      `no control has the id "${controlId}"`,
      'Create the control first, or pass --control with an existing id.',
    );
  }
  return { control: found.id, owner: found.data.owner, frequency: found.data.frequency };
}
