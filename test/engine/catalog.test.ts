import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cosoComponentOf, criteria, criteriaOf, descriptionCriteria, findCriterion } from '../../src/catalog/index.ts';

describe('the Trust Services Criteria catalog', () => {
  it('holds the 61 criteria of TSC 2017: CC 33, A 3, C 2, PI 5, P 18', () => {
    expect(criteria).toHaveLength(61);
    expect(criteriaOf('security')).toHaveLength(33);
    expect(criteriaOf('availability')).toHaveLength(3);
    expect(criteriaOf('confidentiality')).toHaveLength(2);
    expect(criteriaOf('processing-integrity')).toHaveLength(5);
    expect(criteriaOf('privacy')).toHaveLength(18);
  });

  it('lists exactly the framework ids, in order', () => {
    expect(criteria.map((criterion) => criterion.id).join(' ')).toBe(
      'CC1.1 CC1.2 CC1.3 CC1.4 CC1.5 CC2.1 CC2.2 CC2.3 CC3.1 CC3.2 CC3.3 CC3.4 CC4.1 CC4.2 CC5.1 CC5.2 CC5.3 ' +
        'CC6.1 CC6.2 CC6.3 CC6.4 CC6.5 CC6.6 CC6.7 CC6.8 CC7.1 CC7.2 CC7.3 CC7.4 CC7.5 CC8.1 CC9.1 CC9.2 ' +
        'A1.1 A1.2 A1.3 C1.1 C1.2 PI1.1 PI1.2 PI1.3 PI1.4 PI1.5 ' +
        'P1.1 P2.1 P3.1 P3.2 P4.1 P4.2 P4.3 P5.1 P5.2 P6.1 P6.2 P6.3 P6.4 P6.5 P6.6 P6.7 P7.1 P8.1',
    );
  });

  it('maps CC1.1 to CC5.3 onto the COSO principle each restates, and nothing else', () => {
    const withCoso = criteria.filter((criterion) => criterion.coso !== undefined);
    expect(Object.fromEntries(withCoso.map((criterion) => [criterion.id, criterion.coso]))).toEqual({
      'CC1.1': 1,
      'CC1.2': 2,
      'CC1.3': 3,
      'CC1.4': 4,
      'CC1.5': 5,
      'CC2.1': 13,
      'CC2.2': 14,
      'CC2.3': 15,
      'CC3.1': 6,
      'CC3.2': 7,
      'CC3.3': 8,
      'CC3.4': 9,
      'CC4.1': 16,
      'CC4.2': 17,
      'CC5.1': 10,
      'CC5.2': 11,
      'CC5.3': 12,
    });
  });

  it('puts each COSO series under one COSO component', () => {
    const componentsBySeries = new Map<string, Set<string | undefined>>();
    for (const criterion of criteria.filter((entry) => entry.coso !== undefined)) {
      const components = componentsBySeries.get(criterion.series) ?? new Set();
      components.add(cosoComponentOf(criterion.coso!));
      componentsBySeries.set(criterion.series, components);
    }
    expect(
      Object.fromEntries([...componentsBySeries].map(([series, components]) => [series, [...components]])),
    ).toEqual({
      CC1: ['Control environment'],
      CC2: ['Information and communication'],
      CC3: ['Risk assessment'],
      CC4: ['Monitoring activities'],
      CC5: ['Control activities'],
    });
  });

  it('gives every criterion a label of its own', () => {
    const labels = new Set(criteria.map((criterion) => criterion.label));
    expect(labels.size).toBe(61);
  });

  it('does not know CC9.9', () => {
    expect(findCriterion('CC9.9')).toBeUndefined();
    expect(findCriterion('CC9.2')?.category).toBe('security');
  });

  it('holds the nine DC 200 description criteria', () => {
    expect(descriptionCriteria.map((criterion) => criterion.id)).toEqual([
      'DC1',
      'DC2',
      'DC3',
      'DC4',
      'DC5',
      'DC6',
      'DC7',
      'DC8',
      'DC9',
    ]);
  });

  it("labels DC6 the customers' controls and DC7 the subservice organizations' in every source, doc and template", () => {
    expect(descriptionCriteria.find((criterion) => criterion.id === 'DC6')?.label).toMatch(/user entity/i);
    expect(descriptionCriteria.find((criterion) => criterion.id === 'DC7')?.label).toMatch(/subservice/i);
    const files = (path: string): string[] =>
      statSync(path).isDirectory()
        ? readdirSync(path).flatMap((name) => (name === 'node_modules' ? [] : files(join(path, name))))
        : [path];
    const mislabelled: string[] = [];
    for (const file of ['src', 'docs', 'templates', 'content', 'README.md'].flatMap(files)) {
      if (!/\.(ts|astro|md|mdx|yaml)$/.test(file)) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const customers = /user entity|CUEC/i.test(line);
          const subservice = /subservice|CSOC|carved out|carve-out/i.test(line);
          const numbers = [...line.matchAll(/\bDC([1-9])\b/g)].map((match) => match[1]);
          if (numbers.length !== 1 || customers === subservice) return;
          if (numbers[0] !== (customers ? '6' : '7')) mislabelled.push(`${file}:${index + 1}: ${line.trim()}`);
        });
    }
    expect(mislabelled).toEqual([]);
  });
});
