/**
 * The bare Astro build the benchmark compares Trustbook's build with must do the same work: each document
 * rendered on every site that shows it. Its rule for who sees a document is written out by hand in the
 * generated project, so it is held here to the schemas' own defaults.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareAstroProject, bareSites } from '../../scripts/bench/projects.ts';
import { controlSchema } from '../../src/schema/control.ts';
import { evidenceSchema } from '../../src/schema/evidence.ts';
import { policySchema } from '../../src/schema/policy.ts';
import { procedureSchema } from '../../src/schema/procedure.ts';

let root: string;
let shows: (site: string, entry: { id: string; data: { audience?: string[] } }) => boolean;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'trustbook-bare-'));
  bareAstroProject(join(root, 'bare'), join(root, 'program'));
  ({ shows } = await import(pathToFileURL(join(root, 'bare/src/audience.mjs')).href));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the bare build of the benchmark', () => {
  const kinds = [
    ['policies/policy-0001', policySchema.shape.audience],
    ['content/procedures/procedure-0001', procedureSchema.shape.audience],
    ['content/controls/c-0001', controlSchema.shape.audience],
    ['evidence-index/ev-c-0001', evidenceSchema.shape.audience],
  ] as const;

  it('shows a document without an audience on the sites its kind defaults to in Trustbook', () => {
    for (const [id, audience] of kinds) {
      const defaults = audience.parse(undefined) as string[];
      expect(
        bareSites.filter((site) => shows(site, { id, data: {} })),
        id,
      ).toEqual(bareSites.filter((site) => defaults.includes(site)));
    }
  });

  it('shows a document with an audience on exactly those sites, the public one only when named', () => {
    const data = { audience: ['public', 'employees', 'auditors'] };
    expect(bareSites.filter((site) => shows(site, { id: 'policies/policy-0000', data }))).toEqual([...bareSites]);
    expect(shows('public', { id: 'policies/policy-0001', data: { audience: ['employees'] } })).toBe(false);
  });

  it('has a page route for each of the three sites', () => {
    for (const site of bareSites) expect(existsSync(join(root, 'bare/src/pages', site, '[...slug].astro'))).toBe(true);
  });
});
