/**
 * The projections more than one site shows (src/site/views/shared.ts): procedures and checklists as each site
 * may show them, and the procedures page's extras. A policy a site does not show is named by its id, unlinked;
 * only the auditor site says which controls a procedure carries out; owners are named as the site may name them.
 */
import { describe, expect, it } from 'vitest';
import { ownerOn, procedurePage, siteChecklists, siteProcedures } from '../../src/site/views/shared.ts';
import { check, edit, validProgram, type Files } from '../helpers/program.ts';

const PROCEDURE = 'content/procedures/access-review.mdx';

/** The helper program with its procedure on every site, citing a policy only the private sites show. */
function everywhere(): Files {
  const files = edit(
    validProgram(),
    PROCEDURE,
    'frequency: quarterly',
    'frequency: quarterly\naudience: [public, employees, auditors]',
  );
  return {
    ...files,
    'content/checklists/onboarding.mdx':
      '---\nid: onboarding\ntitle: Onboarding\nsummary: First day.\naudience: [employees, auditors]\n---\n\n- [x] Laptop\n- [ ] Training\n',
  };
}

describe('a procedure as each site shows it', () => {
  it('on the auditor site: its owner’s role, its policies linked, and the controls that carry it out', () => {
    const [procedure, ...others] = siteProcedures('auditors', check(everywhere()));
    expect(others).toEqual([]);
    expect(procedure).toEqual({
      kind: 'procedure',
      id: 'access-review',
      file: PROCEDURE,
      title: 'Access review',
      summary: undefined,
      owner: 'Security Lead',
      frequency: 'quarterly',
      policies: [{ id: 'information-security', label: 'information-security policy', linked: true }],
      controls: ['BASE-01'],
    });
  });

  it('on the auditor site, lists only the controls naming the procedure', () => {
    const files = everywhere();
    const other = {
      ...files,
      'content/controls/OTHER-01.mdx': files['content/controls/BASE-01.mdx']!.replace(
        'id: BASE-01',
        'id: OTHER-01',
      ).replace('procedures: [access-review]', 'procedures: []'),
    };
    expect(siteProcedures('auditors', check(other))[0]!.controls).toEqual(['BASE-01']);
  });

  it('on the employee portal: the same, without controls', () => {
    const [procedure] = siteProcedures('employees', check(everywhere()));
    expect(procedure).toMatchObject({
      id: 'access-review',
      owner: 'Security Lead',
      policies: [{ id: 'information-security', label: 'information-security policy', linked: true }],
    });
    expect(procedure!.controls).toBeUndefined();
  });

  it('on the trust center: a policy it does not show named by its id alone, unlinked, and no controls', () => {
    const [procedure] = siteProcedures('public', check(everywhere()));
    expect(procedure).toMatchObject({
      id: 'access-review',
      owner: 'Security Lead',
      policies: [{ id: 'information-security', label: 'information-security', linked: false }],
    });
    expect(procedure!.controls).toBeUndefined();
  });
});

describe('a public procedure owned by a person', () => {
  it('names the role on the private sites and no one on the trust center', () => {
    const files = edit(everywhere(), PROCEDURE, 'owner: security-lead', 'owner: ada');
    const result = check(files);
    expect(siteProcedures('employees', result)[0]!.owner).toBe('Chief Executive Officer');
    expect(siteProcedures('public', result)[0]!.owner).toBe('A member of staff');
  });
});

describe('an owner as a site names them', () => {
  const roles = [{ id: 'ceo', title: 'Chief Executive Officer' }];
  const staff = [{ id: 'ada', role: 'ceo' }] as never;

  it('is the role title for a role, and for a person on a site that names staff, their role’s title', () => {
    expect(ownerOn('employees', { roles, staff })('ceo')).toBe('Chief Executive Officer');
    expect(ownerOn('auditors', { roles, staff })('ada')).toBe('Chief Executive Officer');
  });

  it('never names a person by id on the trust center, whose view holds no staff', () => {
    expect(ownerOn('public', { roles, staff: [] })('ceo')).toBe('Chief Executive Officer');
    expect(ownerOn('public', { roles, staff: [] })('ada-lovelace')).toBe('A member of staff');
    // A private site shows what it has, even an id it cannot resolve: its readers may see staff.
    expect(ownerOn('auditors', { roles, staff: [] })('ada-lovelace')).toBe('ada-lovelace');
  });
});

describe('a checklist as each site shows it', () => {
  it('carries the engine’s progress, on the sites that show it only', () => {
    const result = check(everywhere());
    const [checklist, ...others] = siteChecklists('auditors', result);
    expect(others).toEqual([]);
    expect(checklist).toMatchObject({
      kind: 'checklist',
      id: 'onboarding',
      file: 'content/checklists/onboarding.mdx',
      title: 'Onboarding',
      summary: 'First day.',
    });
    expect(checklist!.progress).toBe(result.facts.checklistProgress(result.model.checklists[0]!));
    expect(siteChecklists('employees', result).map((entry) => entry.id)).toEqual(['onboarding']);
    expect(siteChecklists('public', result)).toEqual([]);
  });
});

describe('the procedures page', () => {
  it('has a controls column and the checklists on the auditor site, and neither elsewhere', () => {
    const checklists = siteChecklists('auditors', check(everywhere()));
    expect(procedurePage('auditors', checklists)).toEqual({ controlsColumn: true, checklists });
    expect(procedurePage('employees', checklists)).toEqual({ controlsColumn: false, checklists: [] });
    expect(procedurePage('public', checklists)).toEqual({ controlsColumn: false, checklists: [] });
  });
});
