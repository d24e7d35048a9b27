import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  citationKeys,
  csfCategories,
  csfFunctions,
  csfSubcategories,
  csfSubcategoriesOf,
  csfWithdrawnCategories,
  csfWithdrawnSubcategories,
  findCsfSubcategory,
  findFrameworkRequirement,
  findHipaaSpecification,
  findHipaaStandard,
  findIsoClause,
  findIsoControl,
  frameworkIds,
  frameworkRequirementIds,
  frameworkRequirements,
  hipaaRequirements,
  hipaaSpecifications,
  hipaaStandards,
  isoClauses,
  isoClausesUnder,
  isoControls,
  isoControlsOf,
  isWithdrawnCsfId,
  type FrameworkId,
} from '../../src/catalog/index.ts';
import { closest } from '../../src/engine/validate.ts';

const ids = (entries: readonly { id: string }[]): string[] => entries.map((entry) => entry.id);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('the ISO/IEC 27001:2022 catalog', () => {
  it('holds the 30 requirements of clauses 4 to 10 at their deepest number, in order', () => {
    expect(ids(isoClauses).join(' ')).toBe(
      '4.1 4.2 4.3 4.4 5.1 5.2 5.3 6.1.1 6.1.2 6.1.3 6.2 6.3 7.1 7.2 7.3 7.4 7.5.1 7.5.2 7.5.3 ' +
        '8.1 8.2 8.3 9.1 9.2.1 9.2.2 9.3.1 9.3.2 9.3.3 10.1 10.2',
    );
    expect(isoClauses.map((clause) => clause.clause)).toEqual(
      isoClauses.map((clause) => Number(clause.id.split('.')[0])),
    );
    expect(new Set(isoClauses.map((clause) => clause.clause))).toEqual(new Set(range(4, 10)));
  });

  it('answers a grouping clause with the requirements under it, and an unknown one with none', () => {
    expect(findIsoClause('6.1')).toBeUndefined();
    expect(ids(isoClausesUnder('6.1'))).toEqual(['6.1.1', '6.1.2', '6.1.3']);
    expect(ids(isoClausesUnder('9'))).toEqual(['9.1', '9.2.1', '9.2.2', '9.3.1', '9.3.2', '9.3.3']);
    expect(ids(isoClausesUnder('6.1.3'))).toEqual(['6.1.3']);
    // `1` must not take in 10.x by prefix, nor `6.1` take in a 6.10 if there were one.
    expect(isoClausesUnder('1')).toEqual([]);
    expect(isoClausesUnder('11')).toEqual([]);
  });

  it('holds 93 Annex A controls: 37 organizational, 8 people, 14 physical, 34 technological', () => {
    expect(isoControls).toHaveLength(93);
    expect(isoControlsOf('organizational')).toHaveLength(37);
    expect(isoControlsOf('people')).toHaveLength(8);
    expect(isoControlsOf('physical')).toHaveLength(14);
    expect(isoControlsOf('technological')).toHaveLength(34);
  });

  it('numbers each theme from 1 without gaps, under the theme’s own clause number', () => {
    const expected = [
      ...range(1, 37).map((n) => `A.5.${n}`),
      ...range(1, 8).map((n) => `A.6.${n}`),
      ...range(1, 14).map((n) => `A.7.${n}`),
      ...range(1, 34).map((n) => `A.8.${n}`),
    ];
    expect(ids(isoControls)).toEqual(expected);
    for (const control of isoControls) {
      expect(control.id).toMatch(/^A\.[5-8]\.[1-9]\d?$/);
      expect(control.id).toBe(
        `A.${{ organizational: 5, people: 6, physical: 7, technological: 8 }[control.theme]}.${control.n}`,
      );
    }
  });

  it('finds a control at the edge of its theme and nothing past it', () => {
    expect(findIsoControl('A.5.37')?.theme).toBe('organizational');
    expect(findIsoControl('A.5.38')).toBeUndefined();
    expect(findIsoControl('A.6.8')?.theme).toBe('people');
    expect(findIsoControl('A.6.9')).toBeUndefined();
    expect(findIsoControl('A.8.34')?.theme).toBe('technological');
    expect(findIsoControl('A.8.35')).toBeUndefined();
    // The 2013 numbering is gone: A.18.1.1 is not a 2022 control.
    expect(findIsoControl('A.18.1.1')).toBeUndefined();
  });

  it('gives every clause and control a short label of its own', () => {
    const labels = [...isoClauses, ...isoControls].map((entry) => entry.label);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label.split(' ').length).toBeLessThanOrEqual(9);
  });
});

describe('the HIPAA Security Rule catalog', () => {
  const bySection = (section: string) => ({
    standards: hipaaStandards.filter((standard) => standard.section === section).length,
    specifications: hipaaSpecifications.filter((specification) => specification.section === section).length,
    required: hipaaSpecifications.filter((entry) => entry.section === section && entry.status === 'required').length,
    addressable: hipaaSpecifications.filter((entry) => entry.section === section && entry.status === 'addressable')
      .length,
  });

  it('holds 22 standards and 46 implementation specifications, 24 required and 22 addressable', () => {
    expect(hipaaStandards).toHaveLength(22);
    expect(hipaaSpecifications).toHaveLength(46);
    expect(hipaaSpecifications.filter((specification) => specification.status === 'required')).toHaveLength(24);
    expect(hipaaSpecifications.filter((specification) => specification.status === 'addressable')).toHaveLength(22);
  });

  it('splits them across the five sections as the regulation does', () => {
    expect(bySection('164.308')).toEqual({ standards: 9, specifications: 21, required: 10, addressable: 11 });
    expect(bySection('164.310')).toEqual({ standards: 4, specifications: 8, required: 2, addressable: 6 });
    expect(bySection('164.312')).toEqual({ standards: 5, specifications: 7, required: 2, addressable: 5 });
    expect(bySection('164.314')).toEqual({ standards: 2, specifications: 7, required: 7, addressable: 0 });
    expect(bySection('164.316')).toEqual({ standards: 2, specifications: 3, required: 3, addressable: 0 });
  });

  it('marks exactly these 22 specifications addressable', () => {
    expect(ids(hipaaSpecifications.filter((specification) => specification.status === 'addressable'))).toEqual([
      '164.308(a)(3)(ii)(A)',
      '164.308(a)(3)(ii)(B)',
      '164.308(a)(3)(ii)(C)',
      '164.308(a)(4)(ii)(B)',
      '164.308(a)(4)(ii)(C)',
      '164.308(a)(5)(ii)(A)',
      '164.308(a)(5)(ii)(B)',
      '164.308(a)(5)(ii)(C)',
      '164.308(a)(5)(ii)(D)',
      '164.308(a)(7)(ii)(D)',
      '164.308(a)(7)(ii)(E)',
      '164.310(a)(2)(i)',
      '164.310(a)(2)(ii)',
      '164.310(a)(2)(iii)',
      '164.310(a)(2)(iv)',
      '164.310(d)(2)(iii)',
      '164.310(d)(2)(iv)',
      '164.312(a)(2)(iii)',
      '164.312(a)(2)(iv)',
      '164.312(c)(2)',
      '164.312(e)(2)(i)',
      '164.312(e)(2)(ii)',
    ]);
  });

  it('tells required from addressable where both sit under one standard', () => {
    expect(findHipaaSpecification('164.308(a)(4)(ii)(A)')?.status).toBe('required');
    expect(findHipaaSpecification('164.308(a)(4)(ii)(B)')?.status).toBe('addressable');
    expect(findHipaaSpecification('164.312(a)(2)(ii)')?.status).toBe('required');
    expect(findHipaaSpecification('164.312(a)(2)(iii)')?.status).toBe('addressable');
    expect(findHipaaSpecification('164.316(b)(2)(i)')?.label).toMatch(/six years/);
  });

  it('cites every entry as a CFR paragraph of one of the five sections', () => {
    for (const entry of [...hipaaStandards, ...hipaaSpecifications]) {
      expect(entry.id).toMatch(/^164\.(308|310|312|314|316)(\((?:[a-z]|\d+|[ivx]+|[A-E])\))+$/);
      expect(entry.id.startsWith(`${entry.section}(`)).toBe(true);
    }
    const all = ids([...hipaaStandards, ...hipaaSpecifications]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('ties each specification to its standard, under the same lettered paragraph', () => {
    for (const specification of hipaaSpecifications) {
      const standard = findHipaaStandard(specification.standard);
      expect(standard?.specifications).toContain(specification.id);
      expect(specification.id.slice(0, 11)).toBe(standard!.id.slice(0, 11));
    }
    expect(hipaaStandards.flatMap((standard) => standard.specifications)).toEqual(ids(hipaaSpecifications));
  });

  it('counts the seven standards without specifications as requirements themselves', () => {
    const bare = hipaaStandards.filter((standard) => standard.specifications.length === 0);
    expect(ids(bare)).toEqual([
      '164.308(a)(2)',
      '164.308(a)(8)',
      '164.310(b)',
      '164.310(c)',
      '164.312(b)',
      '164.312(d)',
      '164.316(a)',
    ]);
    expect(hipaaRequirements).toHaveLength(46 + 7);
    expect(ids(hipaaRequirements)).not.toContain('164.308(a)(1)(i)');
    expect(ids(hipaaRequirements)).toContain('164.308(a)(8)');
  });

  it('knows the business associate standard and its 2013 numbering, not the 2003 one', () => {
    expect(findHipaaStandard('164.308(b)(1)')?.specifications).toEqual(['164.308(b)(3)']);
    expect(findHipaaSpecification('164.308(b)(4)')).toBeUndefined();
  });
});

describe('the NIST CSF 2.0 catalog', () => {
  it('holds 6 functions, 22 categories and 106 subcategories', () => {
    expect(ids(csfFunctions)).toEqual(['GV', 'ID', 'PR', 'DE', 'RS', 'RC']);
    expect(csfCategories).toHaveLength(22);
    expect(csfSubcategories).toHaveLength(106);
  });

  it('puts each category and subcategory under the function its id names', () => {
    const perFunction = Object.fromEntries(
      csfFunctions.map((entry) => [
        entry.id,
        [
          csfCategories.filter((category) => category.function === entry.id).length,
          csfSubcategories.filter((subcategory) => subcategory.function === entry.id).length,
        ],
      ]),
    );
    expect(perFunction).toEqual({ GV: [6, 31], ID: [3, 21], PR: [5, 22], DE: [2, 11], RS: [4, 13], RC: [2, 8] });
    for (const category of csfCategories) {
      expect(category.id).toMatch(/^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}$/);
      expect(category.id.slice(0, 2)).toBe(category.function);
    }
    const categoryIds = new Set(ids(csfCategories));
    for (const subcategory of csfSubcategories) {
      expect(subcategory.id).toMatch(/^(GV|ID|PR|DE|RS|RC)\.[A-Z]{2}-\d{2}$/);
      expect(categoryIds.has(subcategory.category)).toBe(true);
      expect(subcategory.id).toBe(`${subcategory.category}-${String(subcategory.n).padStart(2, '0')}`);
      expect(subcategory.function).toBe(subcategory.category.slice(0, 2));
    }
  });

  it('has unique ids', () => {
    const all = [...ids(csfCategories), ...ids(csfSubcategories)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('leaves the numbers CSF 2.0 withdrew unused, and nowhere else', () => {
    const gaps = Object.fromEntries(
      csfCategories
        .map((category) => {
          const numbers = csfSubcategoriesOf(category.id).map((subcategory) => subcategory.n);
          return [category.id, range(1, Math.max(...numbers)).filter((n) => !numbers.includes(n))] as const;
        })
        .filter(([, missing]) => missing.length > 0),
    );
    expect(gaps).toEqual({
      'ID.AM': [6],
      'PR.DS': [3, 4, 5, 6, 7, 8, 9],
      'DE.AE': [1, 5],
      'DE.CM': [4, 5, 7, 8],
      'RS.AN': [1, 2, 4, 5],
      'RS.CO': [1],
      'RC.CO': [1, 2],
    });
    // Every gap but one is a withdrawn CSF 1.1 subcategory; PR.DS-09 is in neither edition's catalog.
    const unexplained = Object.entries(gaps).flatMap(([category, missing]) =>
      missing.map((n) => `${category}-0${n}`).filter((id) => !csfWithdrawnSubcategories.includes(id)),
    );
    expect(unexplained).toEqual(['PR.DS-09']);
  });

  it('keeps the 12 withdrawn categories and 79 withdrawn subcategories apart from the current ones', () => {
    expect(csfWithdrawnCategories).toHaveLength(12);
    expect(csfWithdrawnSubcategories).toHaveLength(79);
    expect(new Set(csfWithdrawnSubcategories).size).toBe(79);
    for (const id of csfWithdrawnCategories) expect(ids(csfCategories)).not.toContain(id);
    for (const id of csfWithdrawnSubcategories) expect(findCsfSubcategory(id)).toBeUndefined();
    // Withdrawn numbers in categories that survive, past the last number still in use.
    expect(
      csfWithdrawnSubcategories.filter((id) => {
        const category = id.slice(0, id.indexOf('-'));
        const current = csfSubcategoriesOf(category).map((subcategory) => subcategory.n);
        return current.length > 0 && Number(id.slice(-2)) > Math.max(...current);
      }),
    ).toEqual(['PR.AT-03', 'PR.AT-04', 'PR.AT-05', 'RS.CO-04', 'RS.CO-05', 'RS.MI-03']);
    expect(isWithdrawnCsfId('PR.AC-01')).toBe(true);
    expect(isWithdrawnCsfId('PR.AC')).toBe(true);
    expect(isWithdrawnCsfId('PR.AA-01')).toBe(false);
  });

  it('quotes NIST’s outcome statements', () => {
    expect(findCsfSubcategory('GV.OC-01')?.outcome).toBe(
      'The organizational mission is understood and informs cybersecurity risk management',
    );
    expect(findCsfSubcategory('PR.DS-11')?.outcome).toBe(
      'Backups of data are created, protected, maintained, and tested',
    );
    expect(csfFunctions.find((entry) => entry.id === 'GV')?.name).toBe('Govern');
  });
});

describe('the frameworks seen as one list of requirements', () => {
  const counts: Record<FrameworkId, number> = { soc2: 61, iso27001: 30 + 93, hipaa: 53, csf: 106 };

  it('lists each framework’s requirements once, with ids unique within the framework', () => {
    for (const framework of frameworkIds) {
      const list = frameworkRequirements(framework);
      expect(list).toHaveLength(counts[framework]);
      expect(new Set(ids(list)).size).toBe(list.length);
      expect(list.every((requirement) => requirement.framework === framework)).toBe(true);
      expect(list.every((requirement) => requirement.label.length > 0 && requirement.group.length > 0)).toBe(true);
    }
  });

  it('finds a requirement only in its own framework', () => {
    expect(findFrameworkRequirement('iso27001', 'A.5.15')?.kind).toBe('annex-a-control');
    expect(findFrameworkRequirement('iso27001', '6.1.3')?.kind).toBe('clause');
    expect(findFrameworkRequirement('hipaa', '164.312(b)')?.kind).toBe('standard');
    expect(findFrameworkRequirement('hipaa', '164.312(a)(2)(iv)')?.kind).toBe('implementation-specification');
    expect(findFrameworkRequirement('csf', 'DE.CM-09')?.group).toBe('Continuous Monitoring (DE.CM)');
    expect(findFrameworkRequirement('soc2', 'CC6.1')?.kind).toBe('criterion');
    expect(findFrameworkRequirement('csf', 'CC6.1')).toBeUndefined();
    expect(findFrameworkRequirement('iso27001', 'GV.OC-01')).toBeUndefined();
  });

  it('gives did-you-mean something to work with for near misses', () => {
    expect(closest('GV.OC-1', frameworkRequirementIds('csf'))).toBe('GV.OC-01');
    expect(closest('A5.15', frameworkRequirementIds('iso27001'))).toBe('A.5.15');
    expect(closest('a.8.16', frameworkRequirementIds('iso27001'))).toBe('A.8.16');
    expect(closest('164.308(a)(1)(ii)(a)', frameworkRequirementIds('hipaa'))).toBe('164.308(a)(1)(ii)(A)');
  });

  it('uses a distinct citation key per framework, criteria for SOC 2', () => {
    expect(citationKeys).toEqual({ soc2: 'criteria', iso27001: 'iso', hipaa: 'hipaa', csf: 'csf' });
  });
});

describe('docs/frameworks.md', () => {
  it('states the counts the catalogs hold', () => {
    const page = readFileSync('docs/frameworks.md', 'utf8');
    const required = hipaaSpecifications.filter((specification) => specification.status === 'required').length;
    for (const statement of [
      `${isoClauses.length} clause requirements, ${isoControls.length} Annex A controls`,
      `${hipaaStandards.length} standards, ${hipaaSpecifications.length} implementation specifications ` +
        `(${required} required, ${hipaaSpecifications.length - required} addressable)`,
      `${csfFunctions.length} functions, ${csfCategories.length} categories, ${csfSubcategories.length} subcategories`,
      `${csfWithdrawnCategories.length} categories and ${csfWithdrawnSubcategories.length} subcategories of CSF 1.1`,
      `${hipaaRequirements.length} requirements`,
    ]) {
      expect(page).toContain(statement);
    }
  });
});
