import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { categories, pointOfFocus } from '../../src/catalog/index.ts';
import { programFiles } from '../../src/scaffold/program-tree.ts';
import { buildModel } from '../../src/engine/index.ts';
import { parseFrontmatterDocument } from '../../src/engine/frontmatter.ts';
import { controlCategory, fillPlaceholders } from '../../src/scaffold/render.ts';
import { listTemplates, templatesRoot } from '../../src/scaffold/scaffold-fs.ts';

const everything = programFiles({
  organization: 'Template Test, Inc.',
  system: 'Template Platform',
  website: 'https://template.example',
  contact: 'security@template.example',
  scope: [...categories],
  today: '2026-01-15',
});

describe('templates', () => {
  it('render to documents that pass their schemas', () => {
    const { model, diagnostics } = buildModel([...everything].map(([path, text]) => ({ path, text })));
    expect(diagnostics).toEqual([]);
    expect(model.policies).toHaveLength(17);
    expect(model.procedures).toHaveLength(7);
    expect(model.controls.length).toBeGreaterThanOrEqual(30);
    expect(model.evidence).toHaveLength(model.controls.length);
  });

  it('keep each starter control inside one category, so init can choose them by scope', () => {
    for (const template of listTemplates('controls')) {
      const data = parseFrontmatterDocument(readFileSync(`${templatesRoot}/${template}`, 'utf8')).data as {
        criteria: string[];
      };
      expect(controlCategory(data.criteria), template).toBeDefined();
    }
  });

  it('start every control with one to four points of focus of its own criteria', () => {
    const { model } = buildModel([...everything].map(([path, text]) => ({ path, text })));
    for (const control of model.controls) {
      const points = control.data.points_of_focus;
      expect(points.length, control.id).toBeGreaterThanOrEqual(1);
      expect(points.length, control.id).toBeLessThanOrEqual(4);
      for (const id of points)
        expect(control.data.criteria, `${control.id} ${id}`).toContain(pointOfFocus(id)?.criterion);
    }
  });

  it('leave every policy unapproved, its approval commented out for the company to fill in', () => {
    const { model } = buildModel([...everything].map(([path, text]) => ({ path, text })));
    for (const policy of model.policies) {
      const { approved, approved_by, effective } = policy.data;
      expect({ approved, approved_by, effective }, policy.id).toEqual({
        approved: undefined,
        approved_by: undefined,
        effective: undefined,
      });
    }
    const newPolicy = readFileSync(`${templatesRoot}/new/policy.mdx`, 'utf8');
    expect(newPolicy).toMatch(/^# approved_by: /m);
    expect(newPolicy).not.toMatch(/^(approved|approved_by|effective):/m);
  });

  it('leave no placeholder unfilled', () => {
    for (const [path, text] of everything) expect(text, path).not.toMatch(/\{\{\w+\}\}/);
  });
});

describe('filling placeholders', () => {
  it('keeps one full stop where a sentence ends on a name that ends in one', () => {
    const values = { organization: 'Acme, Inc.', system: 'Acme Cloud' };
    expect(fillPlaceholders('Access at {{organization}}. Run by {{system}}.', values, 't')).toBe(
      'Access at Acme, Inc. Run by Acme Cloud.',
    );
    expect(fillPlaceholders('{{organization}}.com', { organization: 'Acme' }, 't')).toBe('Acme.com');
  });
});
