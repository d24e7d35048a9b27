/**
 * A program of a few files held in memory, for tests that call one rule directly: a Type II window from
 * 2026-01-01 to 2026-06-30, a staff register, and whatever else a test adds. Building it takes milliseconds,
 * where a whole check takes a hundred.
 */
import { buildModel } from '../../src/engine/index.ts';
import type { ProgramModel } from '../../src/engine/model.ts';
import type { RuleContext } from '../../src/engine/rules/context.ts';

export const PEOPLE = 'content/people.yaml';

/** program.yaml for a Type II window from 2026-01-01 to 2026-06-30, with `extra` lines added (say, settings). */
export function programYaml(extra = '', audit = 'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }'): string {
  return `organization: Test Co
system: Test Platform
website: https://test.example
contact: security@test.example
scope: [security]
audit:
  ${audit}
  auditor: Test CPA
${extra}`;
}

/** people.yaml with one role (`engineer`) and one staff record per line given (a YAML flow mapping). */
export function peopleYaml(staff: readonly string[]): string {
  return `roles:\n  - { id: engineer, title: Engineer }\nstaff:\n${staff.map((record) => `  - ${record}\n`).join('')}`;
}

/**
 * The model of the files given, by path; program.yaml defaults to the Type II window above. A file that fails
 * its schema throws, unless `broken` names it.
 */
export function smallModel(files: Record<string, string>, broken: readonly string[] = []): ProgramModel {
  const sources = Object.entries({ 'content/program.yaml': programYaml(), ...files }).map(([path, text]) => ({
    path,
    text,
  }));
  const { model, diagnostics } = buildModel(sources);
  const errors = diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error' && !broken.includes(diagnostic.file),
  );
  if (errors.length > 0) throw new Error(`the test program does not build: ${JSON.stringify(errors)}`);
  return model;
}

/** A rule's context on `asOf`, warning 30 days ahead, not pinned, no grant secret needed. */
export function ruleContext(asOf: string, overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    asOf,
    warnWithinDays: 30,
    readiness: false,
    grantSecret: 'set',
    asOfSource: 'today',
    deploy: false,
    ...overrides,
  };
}

/** An evidence series disclosing exceptions about the samples given (`[sample, remediated?]`). */
export function exceptionsSeries(id: string, samples: readonly (readonly [string, string?])[]): string {
  const exceptions = samples
    .map(
      ([sample, remediated]) =>
        `  - { period: 2026-Q1, description: Missed, disclosed: 2026-04-01, response: Fixed, sample: "${sample}"${remediated ? `, remediated: ${remediated}` : ''} }`,
    )
    .join('\n');
  return `---
id: ${id}
title: ${id} record
controls: [BASE-01]
owner: engineer
frequency: quarterly
exceptions:
${exceptions}
---

Kept.
`;
}
