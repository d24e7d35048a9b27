/** Identity: unique ids, and every reference naming something that exists. */
import { criteria as allCriteria, findCriterion, pointOfFocus, pointsOfFocusOf } from '../../catalog/index.ts';
import type { Diagnostic, DiagnosticCode } from '../diagnostics.ts';
import { folderOf, kindInfo, type DocumentKind, type ReferencedKind } from '../document-kinds.ts';
import type { KeyLines } from '../frontmatter.ts';
import { allDocuments, lineOf, PEOPLE_FILE, type Document, type ProgramModel } from '../model.ts';
import { checkBindings, checkRules, type BindingKind } from '../checklist-bindings.ts';
import { closest } from '../validate.ts';
import type { Rule } from './context.ts';

/**
 * The finding a reference to an unknown id raises, by the kind it names: every kind a registry row's
 * `references` or a checklist's `<Check>` names has one, or this does not compile.
 */
const referenceCodes: Record<ReferencedKind | Exclude<BindingKind, 'rule'>, DiagnosticCode> = {
  policy: 'TB203',
  control: 'TB204',
  procedure: 'TB205',
  evidence: 'TB207',
};

export const identityRule: Rule = (model) => [
  ...findDuplicateIds(model),
  ...findUnknownCriteria(model),
  ...findUnknownPointsOfFocus(model),
  ...findDanglingReferences(model),
  ...findUnknownPeople(model),
  ...findBadExclusions(model),
];

function findDuplicateIds(model: ProgramModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, Document<unknown>>();
  for (const document of allDocuments(model)) {
    const key = `${document.kind}:${document.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, document);
      continue;
    }
    diagnostics.push({
      severity: 'error',
      code: 'TB201',
      file: document.file,
      line: lineOf(document, 'id'),
      message: `duplicate ${document.kind} id \`${document.id}\`: ${first.file} uses it too`,
      hint: 'Give each document its own id; references would otherwise point at either.',
    });
  }
  const people = model.people;
  if (people) {
    const ids = new Map<string, string>();
    const all = [
      ...people.data.roles.map((role, index) => ({ id: role.id, path: ['roles', index, 'id'] })),
      ...people.data.staff.map((person, index) => ({ id: person.id, path: ['staff', index, 'id'] })),
    ];
    for (const { id, path } of all) {
      if (ids.has(id)) {
        diagnostics.push({
          severity: 'error',
          code: 'TB201',
          file: people.file,
          line: lineOf(people, ...path),
          message: `duplicate role or staff id \`${id}\``,
          hint: 'Roles and staff share one namespace, because `owner` may name either. Rename one.',
        });
      }
      ids.set(id, path.join('.'));
    }
  }
  return diagnostics;
}

/** Every list of criterion ids in the program, with where it is written. */
function criteriaLists(
  model: ProgramModel,
): { at: [{ file: string; keyLines: KeyLines }, ...PropertyKey[]]; criteria: string[] }[] {
  const program = model.program;
  return [
    ...model.policies.map((document) => ({
      at: [document, 'criteria'] as [Document<unknown>, string],
      criteria: document.data.criteria,
    })),
    ...model.controls.map((document) => ({
      at: [document, 'criteria'] as [Document<unknown>, string],
      criteria: document.data.criteria,
    })),
    ...model.vendors.flatMap((vendor) =>
      vendor.data.csocs.map((csoc, index) => ({
        at: [vendor, 'csocs', index, 'criteria'] as [Document<unknown>, ...PropertyKey[]],
        criteria: csoc.criteria,
      })),
    ),
    ...(program
      ? program.data.cuecs.map((cuec, index) => ({
          at: [program, 'cuecs', index, 'criteria'] as [typeof program, ...PropertyKey[]],
          criteria: cuec.criteria,
        }))
      : []),
  ];
}

function findUnknownCriteria(model: ProgramModel): Diagnostic[] {
  return criteriaLists(model).flatMap(({ at: [document, ...path], criteria }) =>
    criteria.flatMap((id, index): Diagnostic[] =>
      findCriterion(id)
        ? []
        : [
            {
              severity: 'error',
              code: 'TB202',
              file: document.file,
              line: lineOf(document, ...path, index),
              message: `\`${id}\` is not a Trust Services Criterion`,
              hint: unknownCriterionHint(id),
            },
          ],
    ),
  );
}

const criterionIds = allCriteria.map((criterion) => criterion.id);

const hints = new Map<string, string>();

/** How to fix an unknown criterion id; worked out once per distinct id (a file may repeat one thousands of times). */
export function unknownCriterionHint(id: string): string {
  let hint = hints.get(id);
  if (hint === undefined) {
    hint = criterionHint(id);
    if (hints.size < 1000) hints.set(id, hint);
  }
  return hint;
}

function criterionHint(id: string): string {
  const suggestion = closest(id.toUpperCase(), criterionIds);
  const upper = findCriterion(id.toUpperCase());
  if (upper) return `Did you mean \`${upper.id}\`? Criterion ids are upper case.`;
  return `${suggestion ? `Did you mean \`${suggestion}\`? ` : ''}Use an id from the 2017 Trust Services Criteria, such as CC6.1 or A1.2 (see docs/criteria.md for the list).`;
}

/** A control cites points of focus that exist, and that belong to the criteria it addresses. */
function findUnknownPointsOfFocus(model: ProgramModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const control of model.controls) {
    control.data.points_of_focus.forEach((id, index) => {
      const point = pointOfFocus(id);
      const line = lineOf(control, 'points_of_focus', index);
      const subject = { kind: 'control' as const, id: control.id };
      if (!point) {
        const criterion = id.slice(0, id.lastIndexOf('.'));
        const count = pointsOfFocusOf(criterion).length;
        diagnostics.push({
          severity: 'error',
          code: 'TB210',
          file: control.file,
          line,
          subject,
          message: `\`${id}\` is not a point of focus`,
          hint:
            count > 0
              ? `${criterion} has points of focus ${criterion}.1 to ${criterion}.${count}; see docs/criteria.md.`
              : 'Write a point of focus as its criterion id, a dot and its number, e.g. `CC6.1.3`; see docs/criteria.md.',
        });
      } else if (!control.data.criteria.includes(point.criterion)) {
        diagnostics.push({
          severity: 'error',
          code: 'TB210',
          file: control.file,
          line,
          subject,
          message: `\`${id}\` is a point of focus of ${point.criterion}, which ${control.id} does not address`,
          hint: `Add ${point.criterion} to the control's \`criteria\`, or remove the point of focus.`,
        });
      }
    });
  }
  return diagnostics;
}

type Reference = { kind: keyof typeof referenceCodes; id: string; path: PropertyKey[] };

/** The ids a document names in the fields its kind's registry row lists under `references`. */
function referencesOf(document: Document<unknown>): Reference[] {
  const data = document.data as Record<string, unknown>;
  const fields = kindInfo(document.kind).references ?? {};
  return Object.entries(fields).flatMap(([field, kind]) =>
    ((data[field] as readonly string[] | undefined) ?? []).map((id, index) => ({
      kind: kind as ReferencedKind,
      id,
      path: [field, index],
    })),
  );
}

function findDanglingReferences(model: ProgramModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const document of allDocuments(model)) {
    for (const reference of referencesOf(document)) {
      if (model.knownIds[reference.kind as DocumentKind].has(reference.id)) continue;
      diagnostics.push(
        danglingReference(model, document, reference.kind, reference.id, lineOf(document, ...reference.path)),
      );
    }
  }
  for (const checklist of model.checklists) {
    for (const binding of checkBindings(checklist.body, checklist.bodyLine)) {
      if (binding.kind === 'rule') {
        if (!(checkRules as readonly string[]).includes(binding.target)) {
          diagnostics.push({
            severity: 'error',
            code: 'TB209',
            file: checklist.file,
            line: binding.line,
            message: `\`<Check rule="${binding.target}">\` names no rule the build knows`,
            hint: `Use one of: ${checkRules.join(', ')}.`,
          });
        }
        continue;
      }
      if (model.knownIds[binding.kind].has(binding.target)) continue;
      diagnostics.push(danglingReference(model, checklist, binding.kind, binding.target, binding.line));
    }
  }
  return diagnostics;
}

function danglingReference(
  model: ProgramModel,
  document: Document<unknown>,
  kind: Reference['kind'],
  id: string,
  line: number,
): Diagnostic {
  const suggestion = closest(id, [...model.knownIds[kind as DocumentKind]]);
  return {
    severity: 'error',
    code: referenceCodes[kind],
    file: document.file,
    line,
    message: `no ${kind === 'evidence' ? 'evidence series' : kind} has the id \`${id}\``,
    hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Create it in ${folderOf(kind)} or correct the id.`,
  };
}

function findUnknownPeople(model: ProgramModel): Diagnostic[] {
  if (!model.people) return [];
  const roles = new Set(model.people.data.roles.map((role) => role.id));
  const known = new Set([...roles, ...model.people.data.staff.map((person) => person.id)]);
  const diagnostics: Diagnostic[] = [];
  const unknown = (file: string, line: number, field: string, id: string, candidates: Set<string>): Diagnostic => {
    const suggestion = closest(id, [...candidates]);
    return {
      severity: 'error',
      code: 'TB206',
      file,
      line,
      message: `\`${field}\` names \`${id}\`, which is not a ${candidates === roles ? 'role' : 'role or staff member'} in ${PEOPLE_FILE}`,
      hint: suggestion ? `Did you mean \`${suggestion}\`?` : `Add \`${id}\` to ${PEOPLE_FILE} or name an existing id.`,
    };
  };
  for (const document of allDocuments(model)) {
    const data = document.data as Record<string, unknown>;
    for (const field of ['owner', 'approved_by']) {
      const id = data[field];
      if (typeof id === 'string' && !known.has(id)) {
        diagnostics.push(unknown(document.file, lineOf(document, field), field, id, known));
      }
    }
  }
  for (const policy of model.policies) {
    policy.data.applies_to?.forEach((role, index) => {
      if (!roles.has(role)) {
        diagnostics.push(unknown(policy.file, lineOf(policy, 'applies_to', index), 'applies_to', role, roles));
      }
    });
  }
  model.people.data.staff.forEach((person, index) => {
    if (!roles.has(person.role)) {
      diagnostics.push(
        unknown(model.people!.file, lineOf(model.people!, 'staff', index, 'role'), 'role', person.role, roles),
      );
    }
  });
  return diagnostics;
}

function findBadExclusions(model: ProgramModel): Diagnostic[] {
  const program = model.program;
  if (!program) return [];
  return program.data.excluded_criteria.flatMap((exclusion, index): Diagnostic[] => {
    const line = lineOf(program, 'excluded_criteria', index);
    const criterion = findCriterion(exclusion.id);
    if (!criterion) {
      return [
        {
          severity: 'error',
          code: 'TB202',
          file: program.file,
          line,
          message: `excluded criterion \`${exclusion.id}\` is not a Trust Services Criterion`,
          hint: unknownCriterionHint(exclusion.id),
        },
      ];
    }
    if (!program.data.scope.includes(criterion.category)) {
      return [
        {
          severity: 'error',
          code: 'TB208',
          file: program.file,
          line,
          message: `\`${exclusion.id}\` is excluded, but its category (${criterion.category}) is not in scope`,
          hint: 'Only criteria of in-scope categories can be excluded. Remove the entry, or add the category to `scope`.',
        },
      ];
    }
    return [];
  });
}
