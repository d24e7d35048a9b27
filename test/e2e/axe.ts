/** Runs axe-core inside a page and reports its violations, each with the elements at fault. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements, with a short HTML excerpt so the markup can be found. */
  targets: string[];
}

const blocking = new Set(['serious', 'critical']);

/**
 * Evaluated through the DevTools protocol rather than added as a <script>: the sites' Content-Security-Policy
 * refuses inline scripts, and loosening it for the test would test a different page.
 */
export async function allViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? '',
    help: violation.help,
    targets: violation.nodes.map((node) => `${node.target.join(' ')}  ${node.html.slice(0, 120)}`),
  }));
}

/** What stops people outright: violations of impact "serious" or "critical". */
export async function blockingViolations(page: Page): Promise<Violation[]> {
  return (await allViolations(page)).filter((violation) => blocking.has(violation.impact));
}

export function describeViolations(where: string, violations: Violation[]): string {
  const lines = violations.flatMap((violation) => [
    `${violation.rule} (${violation.impact}): ${violation.help}`,
    ...violation.targets.map((target) => `    at ${target}`),
  ]);
  return `${where}:\n  ${lines.join('\n  ')}`;
}
