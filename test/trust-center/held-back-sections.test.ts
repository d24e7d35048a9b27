/**
 * A trust center never lists an empty register as a fact: with no vendor recorded there is no subprocessor
 * list (page, feeds, menu entry, home-page lines, trust.json part), with no published practice no practices
 * page, and while the program is being set up the check says why (TB560).
 */
import { describe, expect, it } from 'vitest';
import type { SiteData } from '../../src/site/data.ts';
import { routeData } from '../../src/site/route-data.ts';
import { publicView, withheldRoutes } from '../../src/site/views.ts';
import { trustSummary } from '../../src/trust-center/trust-summary.ts';
import { heldBackSections } from '../../src/engine/trust-center-sections.ts';
import { check, edit, findings, validProgram, type Files } from '../helpers/program.ts';
import { subprocessor as vendor, VENDOR } from '../hardening/corpus.ts';

/** The helper program in readiness mode, before its window opens (evaluated the day before). */
const readiness = (files: Files = validProgram()) =>
  check(edit(files, 'content/program.yaml', 'as_of: 2026-07-15', 'as_of: 2025-12-31\nreadiness: true'), {
    today: '2025-12-31',
  });

const withPractice = (files: Files) =>
  edit(
    files,
    'content/controls/BASE-01.mdx',
    'frequency: quarterly\n',
    'frequency: quarterly\npublic_summary: Access is reviewed every quarter.\n',
  );

const menu = (files: Files) => {
  const data: SiteData = {
    result: check(files),
    history: new Map(),
    trustChanges: [],
    grantFiles: [],
    trustDocumentFiles: new Map(),
  };
  return routeData(data, '/public/')!.frame.navigation.map((item) => item.path);
};

describe('a trust center section whose register is empty', () => {
  it('holds back the subprocessor list, its feeds and its menu entry while no vendor is recorded', () => {
    const result = check(validProgram());
    expect(publicView(result).heldBack).toEqual(new Set(['subprocessors', 'practices']));
    const routes = withheldRoutes(result);
    for (const route of ['subprocessors.astro', 'subprocessors.json.ts', 'subprocessors.xml.ts', 'practices.astro'])
      expect(routes).toContain(`public/${route}`);
    expect(menu(validProgram())).not.toContain('subprocessors/');
    expect(menu(validProgram())).not.toContain('practices/');
  });

  it('lists the subprocessors from the first vendor recorded, even one that is not public', () => {
    const files = { ...validProgram(), [VENDOR]: vendor() };
    expect(publicView(check(files)).heldBack.has('subprocessors')).toBe(false);
    expect(withheldRoutes(check(files))).not.toContain('public/subprocessors.astro');
    expect(menu(files)).toContain('subprocessors/');
    // A register that holds vendors, none of them public, says so: that is what the records state.
    expect(publicView(check(files)).subprocessors).toEqual([]);
    expect(trustSummary(publicView(check(files))).subprocessors).toEqual([]);
  });

  it('leaves the subprocessors out of trust.json rather than list none', () => {
    const summary = trustSummary(publicView(check(validProgram())));
    // trust.json is this object as JSON: an undefined member is not written at all.
    expect(JSON.parse(JSON.stringify(summary))).not.toHaveProperty('subprocessors');
    const listed = trustSummary(publicView(check({ ...validProgram(), [VENDOR]: vendor('public: true\n') })));
    expect(listed.subprocessors?.map((entry) => entry.name)).toEqual(['CloudCo']);
  });

  it('shows the practices page from the first implemented control with a public summary', () => {
    const files = withPractice(validProgram());
    expect(heldBackSections(check(files).model).map((held) => held.section)).toEqual(['subprocessors']);
    expect(menu(files)).toContain('practices/');
  });

  it('is reported in readiness mode, naming the folder to fill', () => {
    const held = findings(readiness(), 'TB560');
    expect(held.map(({ severity, file }) => [severity, file])).toEqual([
      ['warning', 'content/controls/'],
      ['warning', 'content/vendors/'],
    ]);
    expect(held[1]!.message).toMatch(/no vendor is recorded/);
    expect(held[1]!.hint).toMatch(/trustbook new vendor/);
    expect(findings(readiness(withPractice({ ...validProgram(), [VENDOR]: vendor() })), 'TB560')).toEqual([]);
  });

  it('is not reported once the program is out of readiness mode (the section stays held back)', () => {
    expect(findings(check(validProgram()), 'TB560')).toEqual([]);
  });
});
