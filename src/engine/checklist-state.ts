/** Whether a `<Check>` item is done, from the program's real state: the build ticks it, nobody does by hand. */
import type { ChecklistData } from '../schema/index.ts';
import { checklistItems, type CheckBinding, type CheckRule } from './checklist-bindings.ts';
import type { DiagnosticCode } from './diagnostics.ts';
import { codesGroupedBy } from './findings/derive.ts';
import { isBlocking, type BaseFacts } from './facts.ts';
import type { Document } from './model.ts';

/** The codes whose findings (errors or warnings) keep a rule's item unticked: each entry's `checklistRule`. */
export const ruleCodes: Record<CheckRule, readonly DiagnosticCode[]> = {
  ...{ coverage: [], 'required-documents': [], training: [], vendors: [], risks: [] },
  ...codesGroupedBy((data) => data.checklistRule),
};

export function isBindingDone(facts: BaseFacts, binding: Pick<CheckBinding, 'kind' | 'target'>): boolean {
  const { model, diagnostics } = facts;
  const blockingAbout = (kind: 'evidence' | 'policy', id: string) => facts.findingsAbout(kind, id).some(isBlocking);
  switch (binding.kind) {
    case 'control': {
      const control = model.controls.find((candidate) => candidate.id === binding.target);
      return !!control && facts.controlStatus(control) === 'operating';
    }
    case 'evidence': {
      const series = model.evidence.find((candidate) => candidate.id === binding.target);
      return !!series && series.data.artifacts.length > 0 && !blockingAbout('evidence', series.id);
    }
    case 'policy': {
      const policy = model.policies.find((candidate) => candidate.id === binding.target);
      return !!policy && !blockingAbout('policy', policy.id);
    }
    case 'rule': {
      const codes = new Set<DiagnosticCode>(ruleCodes[binding.target as CheckRule] ?? []);
      return codes.size > 0 && !diagnostics.some((d) => codes.has(d.code));
    }
  }
}

/** How far a checklist is: its bound items as the build ticks them, its task list items as the file records them. */
export interface ChecklistProgress {
  checks: number;
  checksDone: number;
  tasks: number;
  tasksDone: number;
  done: number;
  total: number;
  /** Whole percent; an empty checklist is complete. */
  percent: number;
  /** Whether each bound item is done, by `bindingKey`: what the page's `<Check>` items show. */
  states: ReadonlyMap<string, boolean>;
}

/** The key of a bound item: its kind and target. */
export const bindingKey = (binding: Pick<CheckBinding, 'kind' | 'target'>) => `${binding.kind}:${binding.target}`;

/** The progress of a checklist: one computation for the report, the readiness page and the checklist's page. */
export function checklistProgress(facts: BaseFacts, checklist: Document<ChecklistData>): ChecklistProgress {
  const { checks, tasks } = checklistItems(checklist.body, checklist.bodyLine);
  const states = new Map(checks.map((binding) => [bindingKey(binding), isBindingDone(facts, binding)]));
  const checksDone = checks.filter((binding) => states.get(bindingKey(binding))).length;
  const tasksDone = tasks.filter((task) => task.checked).length;
  const done = checksDone + tasksDone;
  const total = checks.length + tasks.length;
  return {
    checks: checks.length,
    checksDone,
    tasks: tasks.length,
    tasksDone,
    done,
    total,
    percent: total === 0 ? 100 : Math.round((done / total) * 100),
    states,
  };
}
