/** `trustbook new <kind> <id>`: one new document from its template, in the folder its kind lives in. */
import { resolve } from 'node:path';
import { checkProject } from '../../engine/index.ts';
import { UsageError } from '../../engine/errors.ts';
import { resolveEvaluationDate } from '../../engine/evaluation-date.ts';
import { documentId } from '../../schema/common.ts';
import { assertSafeValue, fillPlaceholders, titleFromId } from '../../scaffold/render.ts';
import { readTemplate, writeNewFiles } from '../../scaffold/scaffold-fs.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';

const destinations = {
  policy: { template: 'new/policy.mdx', folder: 'policies', extension: '.mdx' },
  control: { template: 'new/control.mdx', folder: 'content/controls', extension: '.mdx' },
  evidence: { template: 'new/evidence.mdx', folder: 'evidence-index', extension: '.mdx' },
  procedure: { template: 'new/procedure.mdx', folder: 'content/procedures', extension: '.mdx' },
  risk: { template: 'new/risk.mdx', folder: 'content/risks', extension: '.mdx' },
  vendor: { template: 'new/vendor.yaml', folder: 'content/vendors', extension: '.yaml' },
} as const;

type NewKind = keyof typeof destinations;
export const newKinds = Object.keys(destinations) as NewKind[];

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
  const destination = destinations[kind as NewKind];
  const extra = kind === 'evidence' ? evidenceDefaults(root, id, values.control) : {};
  const text = fillPlaceholders(
    readTemplate(destination.template),
    { id, title, today, ...extra },
    destination.template,
  );
  const [written] = writeNewFiles(root, new Map([[`${destination.folder}/${id}${destination.extension}`, text]]));
  io.stdout(`Created ${written}. Fill it in, then run \`trustbook check\`.`);
  return EXIT_CLEAN;
}

/** An evidence series takes its owner and frequency from the control it proves. */
function evidenceDefaults(root: string, id: string, control: string | undefined): Record<string, string> {
  const controlId = control ?? (id.startsWith('EV-') ? id.slice(3) : undefined);
  if (!controlId) {
    throw new UsageError(
      'new evidence needs the control it proves',
      `Pass --control ID, or name the series EV-<control id> (for example EV-AC-04).`,
    );
  }
  const found = checkProject(root).model.controls.find((candidate) => candidate.id === controlId);
  if (!found) {
    throw new UsageError(
      `no control has the id "${controlId}"`,
      'Create the control first, or pass --control with an existing id.',
    );
  }
  return { control: found.id, owner: found.data.owner, frequency: found.data.frequency };
}
