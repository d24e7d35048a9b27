/**
 * A control whose only test is inquiry (TB334): asking the people who run it is not sufficient evidence that
 * it operated (or, for a Type I, that it is in place), so an auditor corroborates inquiry with inspection,
 * observation or re-performance. The mock audit leaves such a control not tested; the check says so first.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf } from '../model.ts';
import { evidenceSeverity, type Rule } from './context.ts';

export const controlTestsRule: Rule = (model, context) =>
  model.controls.flatMap((control): Diagnostic[] =>
    control.data.status === 'implemented' && control.data.test === 'inquiry'
      ? [
          finding(
            'TB334',
            {
              ...evidenceSeverity(context),
              file: control.file,
              line: lineOf(control, 'test'),
              subject: { kind: 'control', id: control.id },
            },
            control.id,
          ),
        ]
      : [],
  );
