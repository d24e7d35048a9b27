/** A table's scroll region is named after the table, so a keyboard user tabbing into it hears what it holds. */
import { describe, expect, it } from 'vitest';
import { tableRegionLabel } from '../../src/components/table-label.ts';

describe('the name of a table’s scroll region', () => {
  it('is the table’s caption when it has one, even a visually hidden one', () => {
    const table =
      '<table><caption class="visually-hidden">Revisions of\n  Backup Policy</caption><thead><tr><th>Date</th></tr></thead></table>';
    expect(tableRegionLabel(table)).toBe('Revisions of Backup Policy');
  });

  it('is made of the column headings of the first row when there is no caption (a table in a policy’s body)', () => {
    const table =
      '<table><thead><tr><th>Data</th><th><em>Method</em></th><th></th></tr></thead><tbody><tr><th>x</th><td>y</td></tr></tbody></table>';
    expect(tableRegionLabel(table)).toBe('Table: Data, Method');
  });

  it('is plain "Table" when the table has neither caption nor headings', () => {
    expect(tableRegionLabel('<table><tr><td>1</td></tr></table>')).toBe('Table');
    expect(tableRegionLabel('<table><caption> </caption><tr><td>1</td></tr></table>')).toBe('Table');
  });

  it('reads the whole first row even when a table nested in it closes a row first', () => {
    const table =
      '<table><tr><th>Artifact</th><td><table><tr><td>inner</td></tr></table></td><th>Period</th></tr><tr><th>Later</th></tr></table>';
    expect(tableRegionLabel(table)).toBe('Table: Artifact, Period');
  });
});
