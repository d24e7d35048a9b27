/** Small helpers pages share to say things the same way everywhere. */
import { isBlocking, type ControlStatus } from '../engine/facts.ts';
import type { Diagnostic } from '../engine/index.ts';
import type { Frequency } from '../schema/common.ts';

export const frequencyLabels: Record<Frequency, string> = {
  continuous: 'Continuous',
  daily: 'Daily',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  semiannual: 'Twice a year',
  annual: 'Yearly',
  'per-event': 'Per event',
};

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral';

/** The worst finding among some, as a badge tone and word. */
export function statusOf(diagnostics: readonly Diagnostic[]): { tone: Tone; label: string } {
  // An error readiness mode reports as a warning is still not audit-ready.
  if (diagnostics.some(isBlocking)) return { tone: 'bad', label: 'Action needed' };
  if (diagnostics.some((d) => d.code === 'TB606')) return { tone: 'warn', label: 'Exception disclosed' };
  if (diagnostics.some((d) => !d.code.startsWith('TB5'))) return { tone: 'warn', label: 'See findings' };
  if (diagnostics.length > 0) return { tone: 'warn', label: 'Due soon' };
  return { tone: 'ok', label: 'Current' };
}

/** A control's operating status as a badge. */
export function controlBadge(status: ControlStatus): { tone: Tone; label: string } {
  switch (status) {
    case 'operating':
      return { tone: 'ok', label: 'Operating' };
    case 'exception':
      return { tone: 'warn', label: 'Exception disclosed' };
    case 'failing':
      return { tone: 'bad', label: 'Action needed' };
    case 'not in operation':
      return { tone: 'neutral', label: 'Not in operation' };
  }
}

/** A role or staff id as a person reads it: the role's title. Staff ids show their role, never a name. */
export function ownerLabel(
  id: string,
  roles: readonly { id: string; title: string }[],
  staff: readonly { id: string; role: string }[] = [],
): string {
  const role = roles.find((candidate) => candidate.id === id);
  if (role) return role.title;
  const person = staff.find((candidate) => candidate.id === id);
  const personRole = person && roles.find((candidate) => candidate.id === person.role);
  return personRole?.title ?? id;
}

export function plural(count: number, noun: string, nounPlural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nounPlural}`;
}

/**
 * A sentence ending in `text`: a full stop after it, unless it ends in one already ("…about Acme, Inc." not
 * "Inc..").
 */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text.trimEnd()) ? text.trimEnd() : `${text.trimEnd()}.`;
}
