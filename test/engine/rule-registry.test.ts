/**
 * The rule registry (src/engine/rules/index.ts): every rule a module of src/engine/rules/ exports is run by the
 * check, once. A rule written and tested on its own but left out of the registry would never report anything
 * in a real check; one listed twice would report everything twice.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/engine/rules/index.ts';

const RULES = join(import.meta.dirname, '../../src/engine/rules');

/** Each exported rule (`fooRule`) of every module beside the registry, with the module it comes from. */
async function exportedRules(): Promise<Map<unknown, string>> {
  const found = new Map<unknown, string>();
  for (const file of readdirSync(RULES).filter((name) => name.endsWith('.ts') && name !== 'index.ts')) {
    const module = (await import(join(RULES, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (/Rule$/.test(name) && typeof value === 'function') found.set(value, `${file}: ${name}`);
    }
  }
  return found;
}

describe('the rule registry', () => {
  it('runs every rule the rule modules export', async () => {
    const exported = await exportedRules();
    const missing = [...exported].filter(([rule]) => !rules.includes(rule as never)).map(([, name]) => name);
    expect(missing).toEqual([]);
    expect(exported.size).toBeGreaterThanOrEqual(46);
  });

  it('runs each rule once, and nothing that is not a rule module’s export', async () => {
    const exported = await exportedRules();
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules.filter((rule) => !exported.has(rule))).toEqual([]);
    expect(rules).toHaveLength(exported.size);
  });
});
