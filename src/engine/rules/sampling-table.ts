/**
 * A program's own sample sizes (`sampling:` in program.yaml) may raise the practitioner table, never cut it:
 * a firm that tests one month in twelve, or five changes of thousands, has not tested enough to say a control
 * operated throughout the period. The floors and where they come from are in docs/sampling.md.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf } from '../model.ts';
import { perEventSamplingFloor, sampleSizeFloors } from '../sampling.ts';
import type { Rule } from './context.ts';

export const samplingTableRule: Rule = (model) => {
  const program = model.program;
  const sampling = program?.data.sampling;
  if (!program || !sampling) return [];
  const diagnostics: Diagnostic[] = [];
  const subject = { kind: 'program' as const, id: 'sampling' };
  const below = (path: string[], value: number, floor: number, what: string) => {
    if (value >= floor) return;
    const where = { file: program.file, line: lineOf(program, 'sampling', ...path), subject };
    diagnostics.push(finding('TB907', where, path, value, floor, what));
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
