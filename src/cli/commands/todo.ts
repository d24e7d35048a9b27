/** `trustbook todo`: the company's next steps in the order of the SOC 2 checklist, from the program's real state. */
import { resolve } from 'node:path';
import { checkProject } from '../../engine/index.ts';
import type { TodoStep } from '../../engine/todo.ts';
import type { Diagnostic } from '../../engine/diagnostics.ts';
import { UsageError } from '../../engine/errors.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

/**
 * The steps as text. `unstepped` counts the errors no step covers (a file that cannot be read, the trust
 * center's publishing): the list must not say everything is done while the check still fails.
 */
export function formatTodo(steps: readonly TodoStep[], organization: string, asOf: string, unstepped = 0): string {
  const lines = [`Next steps for ${organization}, in the order of the SOC 2 checklist, as of ${asOf}:`, ''];
  steps.forEach((step, index) => {
    lines.push(
      `${step.complete ? '[x]' : '[ ]'} ${index + 1}. ${step.title}: ${step.done} of ${step.total} ${step.unit}`,
    );
    for (const left of step.left) {
      const more = left.count > left.files.length ? ', …' : '';
      const label = `${left.count} ${left.severity}${left.count === 1 ? '' : 's'} ${left.code}`;
      lines.push(`      ${label}: ${left.what} (${left.files.join(', ')}${more})`);
    }
    if (step.next) lines.push(`      next: ${step.next}`);
  });
  const open = steps.filter((step) => !step.complete).length;
  lines.push(
    '',
    open === 0 ? 'Every step is done.' : `${open} of ${steps.length} steps open. \`trustbook check\` has the details.`,
  );
  if (unstepped > 0) {
    lines.push(
      `${unstepped} error${unstepped === 1 ? '' : 's'} outside these steps (a file that cannot be read, the trust center's publishing): \`trustbook check\` lists ${unstepped === 1 ? 'it' : 'them'}.`,
    );
  }
  return lines.join('\n');
}

export function runTodo(args: string[], io: Io): number {
  const { values } = parse(args, {
    root: { type: 'string' },
    format: { type: 'string', default: 'text' },
    'as-of': { type: 'string' },
  });
  if (values.format !== 'text' && values.format !== 'json') {
    throw new UsageError(`unknown format "${values.format}"`, 'Use text or json.');
  }
  const result = checkProject(resolve(io.cwd, values.root ?? '.'), checkOptions(io, values['as-of']));
  const steps = result.facts.todo();
  io.stdout(
    values.format === 'json'
      ? JSON.stringify({ asOf: result.summary.asOf, steps }, null, 2)
      : formatTodo(
          steps,
          result.model.program?.data.organization ?? 'the program',
          result.summary.asOf,
          unsteppedErrors(steps, result.diagnostics),
        ),
  );
  return EXIT_CLEAN;
}

/** Errors of codes no step lists as left: what the to-do list alone would not show. */
export function unsteppedErrors(steps: readonly TodoStep[], diagnostics: readonly Diagnostic[]): number {
  const listed = new Set(steps.flatMap((step) => step.left.map((left) => left.code)));
  return diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && !listed.has(diagnostic.code)).length;
}
