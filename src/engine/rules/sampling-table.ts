/**
 * A program's own sample sizes (`sampling:` in program.yaml) may raise the practitioner table, never cut it:
 * a firm that tests one month in twelve, or five changes of thousands, has not tested enough to say a control
 * operated throughout the period. The floors and where they come from are in docs/sampling.md.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf } from '../model.ts';
import { perEventSamplingFloor, sampleSizeFloors } from '../sampling.ts';
import type { Rule } from './context.ts';

export const samplingTableRule: Rule = (model) => {
  const program = model.program;
  const sampling = program?.data.sampling;
  if (!program || !sampling) return [];
  const diagnostics: Diagnostic[] = [];
  const below = (path: string[], value: number, floor: number, what: string) => {
    if (value >= floor) return;
    diagnostics.push({
      severity: 'error',
      code: 'TB907',
      file: program.file,
      line: lineOf(program, 'sampling', ...path),
      subject: { kind: 'program', id: 'sampling' },
      message: `\`sampling.${path.join('.')}: ${value}\` is below the floor of ${floor} ${what}`,
      hint: `A firm's table may test more than the usual one, not less: set it to ${floor} or more (docs/sampling.md gives the floors and their source), or remove it to use the default.`,
    });
  };
  for (const [frequency, floor] of Object.entries(sampleSizeFloors)) {
    const value = sampling[frequency as keyof typeof sampleSizeFloors];
    if (value !== undefined) below([frequency], value, floor, `items for a ${frequency} control`);
  }
  const perEvent = sampling.per_event;
  if (perEvent) {
    below(
      ['per_event', 'percent'],
      perEvent.percent,
      perEventSamplingFloor.percent,
      'percent of a per-event population',
    );
    below(['per_event', 'min'], perEvent.min, perEventSamplingFloor.min, 'items of a per-event population');
    below(
      ['per_event', 'max'],
      perEvent.max,
      perEventSamplingFloor.max,
      'items as the most a per-event population is tested',
    );
  }
  return diagnostics;
};
