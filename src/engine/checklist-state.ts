/** Whether a `<Check>` item is done, from the program's real state: the build ticks it, nobody does by hand. */
import type { CheckResult } from './check.ts';
import type { CheckBinding, CheckRule } from './checklist-bindings.ts';
import type { DiagnosticCode } from './diagnostics.ts';

const evidenceCodes = new Set<DiagnosticCode>(['TB401', 'TB402', 'TB502', 'TB601', 'TB602', 'TB701', 'TB702', 'TB703']);

/** The codes whose findings (errors or warnings) keep a rule's item unticked. */
export const ruleCodes: Record<CheckRule, readonly DiagnosticCode[]> = {
  coverage: ['TB301'],
  'required-documents': ['TB302', 'TB303', 'TB304', 'TB305'],
  training: ['TB507', 'TB508'],
  vendors: ['TB503', 'TB504'],
  risks: ['TB505', 'TB506'],
};

export function isBindingDone(result: CheckResult, binding: Pick<CheckBinding, 'kind' | 'target'>): boolean {
  const { model, diagnostics } = result;
  const errorsIn = (files: Set<string>, codes?: Set<DiagnosticCode>) =>
    diagnostics.some((d) => d.severity === 'error' && files.has(d.file) && (!codes || codes.has(d.code)));
  switch (binding.kind) {
    case 'control': {
      const control = model.controls.find((candidate) => candidate.id === binding.target);
      if (!control || control.data.status !== 'implemented') return false;
      const series = model.evidence.filter((s) => s.data.controls.includes(control.id));
      const files = new Set([control.file, ...series.map((s) => s.file)]);
      return series.length > 0 && !errorsIn(files, evidenceCodes);
    }
    case 'evidence': {
      const series = model.evidence.find((candidate) => candidate.id === binding.target);
      return !!series && series.data.artifacts.length > 0 && !errorsIn(new Set([series.file]));
    }
    case 'policy': {
      const policy = model.policies.find((candidate) => candidate.id === binding.target);
      return !!policy && !errorsIn(new Set([policy.file]));
    }
    case 'rule': {
      const codes = new Set<DiagnosticCode>(ruleCodes[binding.target as CheckRule] ?? []);
      return codes.size > 0 && !diagnostics.some((d) => codes.has(d.code));
    }
  }
}
