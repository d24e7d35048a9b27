/**
 * A control whose only test is inquiry (TB334): asking the people who run it is not sufficient evidence that
 * it operated (or, for a Type I, that it is in place), so an auditor corroborates inquiry with inspection,
 * observation or re-performance. The mock audit leaves such a control not tested; the check says so first.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf } from '../model.ts';
import { evidenceSeverity, type Rule } from './context.ts';

export const controlTestsRule: Rule = (model, context) =>
  model.controls.flatMap((control): Diagnostic[] =>
    control.data.status === 'implemented' && control.data.test === 'inquiry'
      ? [
          {
            ...evidenceSeverity(context),
            code: 'TB334',
            file: control.file,
            line: lineOf(control, 'test'),
            subject: { kind: 'control', id: control.id },
            message: `${control.id} is tested by inquiry alone, which is not sufficient evidence that it operated: the audit cannot conclude on it`,
            hint: 'Set `test:` to what corroborates the inquiry: `inspection` of the evidence the control leaves, `observation` of it being performed, or `re-performance`.',
          },
        ]
      : [],
  );
