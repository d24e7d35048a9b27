/** `trustbook todo`: the company's next steps in the order of the SOC 2 checklist, from the program's real state. */
import { resolve } from 'node:path';
import { checkProject } from '../../engine/index.ts';
import type { TodoStep } from '../../engine/todo.ts';
import { UsageError } from '../../engine/errors.ts';
import { parse } from '../args.ts';
import { EXIT_CLEAN, type Io } from '../io.ts';
import { checkOptions } from '../check-options.ts';

export function formatTodo(steps: readonly TodoStep[], organization: string, asOf: string): string {
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
      : formatTodo(steps, result.model.program?.data.organization ?? 'the program', result.summary.asOf),
  );
  return EXIT_CLEAN;
}
