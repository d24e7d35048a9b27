/** Identity: unique ids, and every reference naming something that exists. */
import { criteria as allCriteria, findCriterion, pointOfFocus, pointsOfFocusOf } from '../../catalog/index.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { folderOf, kindInfo, type DocumentKind, type ReferencedKind } from '../document-kinds.ts';
import type { CriterionSuggestion } from '../findings/catalogue.ts';
import { finding } from '../findings/finding.ts';
import { memoText } from '../memo.ts';
import type { KeyLines } from '../frontmatter.ts';
import { allDocuments, lineOf, PEOPLE_FILE, type Document, type ProgramModel } from '../model.ts';
import { checkBindings, checkRules, type BindingKind } from '../checklist-bindings.ts';
import { closest } from '../validate.ts';
import type { Rule } from './context.ts';

/**
 * The finding a reference to an unknown id raises, by the kind it names: every kind a registry row's
 * `references` or a checklist's `<Check>` names has one, or this does not compile.
 */
const referenceCodes: Record<ReferencedKind | Exclude<BindingKind, 'rule'>, 'TB203' | 'TB204' | 'TB205' | 'TB207'> = {
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
    const where = { file: document.file, line: lineOf(document, 'id') };
    diagnostics.push(
      finding('TB201', where, { of: 'document', kind: document.kind, id: document.id, also: first.file }),
    );
  }
  const people = model.people;
  if (people) {
    const ids = new Set<string>();
    const all = [
      ...people.data.roles.map((role, index) => ({ id: role.id, path: ['roles', index, 'id'] })),
      ...people.data.staff.map((person, index) => ({ id: person.id, path: ['staff', index, 'id'] })),
    ];
    for (const { id, path } of all) {
      if (ids.has(id)) {
        diagnostics.push(finding('TB201', { file: people.file, line: lineOf(people, ...path) }, { of: 'people', id }));
      }
      ids.add(id);
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
            finding(
              'TB202',
              { file: document.file, line: lineOf(document, ...path, index) },
              id,
              false,
              suggestionFor(id),
            ),
          ],
    ),
  );
}

const criterionIds = allCriteria.map((criterion) => criterion.id);

/** What an unknown criterion id may have meant; worked out once per distinct id (a file may repeat one thousands of times). */
function suggestionFor(id: string): CriterionSuggestion {
  return memoText('criterion-suggestions', id, (): CriterionSuggestion => {
    const upper = findCriterion(id.toUpperCase());
    return upper ? { upper: upper.id } : { closest: closest(id.toUpperCase(), criterionIds) };
  });
}

/** A control cites points of focus that exist, and that belong to the criteria it addresses. */
function findUnknownPointsOfFocus(model: ProgramModel): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const control of model.controls) {
    control.data.points_of_focus.forEach((id, index) => {
      const point = pointOfFocus(id);
      const line = lineOf(control, 'points_of_focus', index);
      const where = { file: control.file, line, subject: { kind: 'control' as const, id: control.id } };
      if (!point) {
        const criterion = id.slice(0, id.lastIndexOf('.'));
        const count = pointsOfFocusOf(criterion).length;
        diagnostics.push(finding('TB210', where, { what: 'unknown', id, criterion, count }));
      } else if (!control.data.criteria.includes(point.criterion)) {
        const problem = { what: 'elsewhere', id, criterion: point.criterion, control: control.id } as const;
        diagnostics.push(finding('TB210', where, problem));
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
          diagnostics.push(finding('TB209', { file: checklist.file, line: binding.line }, binding.target, checkRules));
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
  const noun = kind === 'evidence' ? 'evidence series' : kind;
  return finding(referenceCodes[kind], { file: document.file, line }, noun, id, suggestion, folderOf(kind));
}

function findUnknownPeople(model: ProgramModel): Diagnostic[] {
  if (!model.people) return [];
  const roles = new Set(model.people.data.roles.map((role) => role.id));
  const known = new Set([...roles, ...model.people.data.staff.map((person) => person.id)]);
  const diagnostics: Diagnostic[] = [];
  const unknown = (file: string, line: number, field: string, id: string, candidates: Set<string>): Diagnostic => {
    const suggestion = closest(id, [...candidates]);
    const what = candidates === roles ? 'role' : 'role or staff member';
    return finding('TB206', { file, line }, field, id, what, PEOPLE_FILE, suggestion);
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
      return [finding('TB202', { file: program.file, line }, exclusion.id, true, suggestionFor(exclusion.id))];
    }
    if (!program.data.scope.includes(criterion.category)) {
      return [finding('TB208', { file: program.file, line }, exclusion.id, criterion.category)];
    }
    return [];
  });
}
