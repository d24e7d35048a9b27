/** Fills template placeholders (`{{organization}}`, `{{today}}`...) and decides which templates a scope needs. */
import { findCriterion, type Category } from '../catalog/index.ts';
import { UsageError } from '../engine/errors.ts';

export type Placeholders = Record<string, string>;

/**
 * Characters refused in placeholder values: they would break the YAML strings or MDX bodies the values are
 * written into, or inject markup into pages.
 */
const unsafe = /[{}<>"\\`\n\r]/;

export function assertSafeValue(name: string, value: string): void {
  if (value.trim() === '' || unsafe.test(value)) {
    throw new UsageError(
      `${name} "${value}" cannot be used: it is empty or contains one of { } < > " \\ \` or a line break`,
      `Choose a ${name} without those characters.`,
    );
  }
}

/**
 * Replaces every `{{name}}`; an unknown placeholder is a bug in a template, reported as such. A sentence that
 * ends on a value ending in a full stop ("…at {{organization}}." for "Acme, Inc.") keeps one full stop.
 */
export function fillPlaceholders(template: string, values: Placeholders, templateName: string): string {
  return template.replace(/\{\{(\w+)\}\}(\.?)/g, (_match, name: string, stop: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template ${templateName} uses {{${name}}}, which has no value`);
    return stop && value.endsWith('.') ? value : value + stop;
  });
}

/** The category a template control belongs to, from its criteria; undefined when they are mixed or unknown. */
export function controlCategory(criteria: readonly string[]): Category | undefined {
  const found = new Set(criteria.map((id) => findCriterion(id)?.category));
  if (found.size !== 1 || found.has(undefined)) return undefined;
  return [...found][0];
}

/** A title from an id: `access-review` becomes `Access review`. */
export function titleFromId(id: string): string {
  const words = id.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
