/**
 * Subservice organizations and the vendor reports the company relies on:
 * - a carved-out subservice organization is covered by its own Type II report; a Type I says nothing about
 *   how its controls operated over the period (TB515);
 * - a vendor's bridge letter covers the usual few months after its report's period, up to a day that has
 *   passed: one reaching more than three months past the period, or past the evaluation date, cannot stand
 *   in for a new report, and the vendor's report has lapsed (TB516);
 * - management reviews each vendor report: the vendor's `reviewed` day is that review, so one older than the
 *   report's period cannot have read it (TB517: an error for a carved-out organization, whose report the
 *   company's own report rests on; a warning for other vendors);
 * - a vendor removed from use (`removed:`) is removed on a day that has passed, after it was added (TB518);
 * - the criteria a CSOC or CUEC supports are criteria the report covers: in scope and not excluded (TB330).
 */
import { findCriterion } from '../../catalog/index.ts';
import { addMonths } from '../dates.ts';
import type { Diagnostic, Subject } from '../diagnostics.ts';
import type { KeyLines } from '../frontmatter.ts';
import { isRemovedVendor } from '../deadlines.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type ProgramModel } from '../model.ts';
import type { Rule } from './context.ts';

/** How far past its report's period a vendor's bridge letter may reach. */
export const VENDOR_BRIDGE_MONTHS = 3;

const reportTypes = new Set(['soc2-type2', 'soc2-type1']);

export const subserviceRule: Rule = (model, context) => {
  const found: Diagnostic[] = [];
  for (const vendor of model.vendors) {
    const { name, assurance, carve_out, added, removed, reviewed } = vendor.data;
    const subject = { kind: 'vendor' as const, id: vendor.id };
    const at = (...path: PropertyKey[]) => ({ file: vendor.file, line: lineOf(vendor, ...path), subject });
    if (removed !== undefined && (removed < added || removed > context.asOf)) {
      const problem = removed < added ? { added } : { asOf: context.asOf };
      found.push(finding('TB518', at('removed'), name, removed, problem));
    }
    if (carve_out && assurance?.type === 'soc2-type1') {
      found.push(finding('TB515', at('assurance', 'type'), name));
    }
    const periodEnd = assurance?.period_end;
    if (!assurance || !reportTypes.has(assurance.type) || periodEnd === undefined) continue;
    const letter = assurance.bridge_letter;
    if (letter) {
      const limit = addMonths(periodEnd, VENDOR_BRIDGE_MONTHS);
      const reasons = [
        ...(letter.covers_until > limit
          ? [`more than ${VENDOR_BRIDGE_MONTHS} months past the report's period (ended ${periodEnd})`]
          : []),
        ...(letter.covers_until > context.asOf ? [`past the evaluation date ${context.asOf}`] : []),
      ];
      if (reasons.length > 0) {
        const where = at('assurance', 'bridge_letter', 'covers_until');
        found.push(finding('TB516', where, name, letter.covers_until, reasons, VENDOR_BRIDGE_MONTHS));
      }
    }
    if (reviewed < periodEnd && !isRemovedVendor(vendor, context.asOf)) {
      const where = { ...at('reviewed'), severity: carve_out ? 'error' : 'warning' } as const;
      found.push(finding('TB517', where, name, assurance.type, periodEnd, reviewed));
    }
  }
  found.push(...outOfScopeCriteria(model));
  return found;
};

/** Criteria of CSOCs and CUECs that the report does not cover: of a category out of scope, or excluded. */
function outOfScopeCriteria(model: ProgramModel): Diagnostic[] {
  const program = model.program;
  if (!program) return [];
  const scope = new Set<string>(program.data.scope);
  const excluded = new Set(program.data.excluded_criteria.map((exclusion) => exclusion.id));
  const found: Diagnostic[] = [];
  const check = (
    document: { file: string; keyLines: KeyLines },
    subject: Subject,
    path: PropertyKey[],
    what: string,
    criteria: readonly string[],
  ) => {
    criteria.forEach((id, index) => {
      const criterion = findCriterion(id);
      // An id that is not a criterion at all is TB202's.
      if (!criterion) return;
      const reason = !scope.has(criterion.category)
        ? `its category (${criterion.category}) is not in scope`
        : excluded.has(id)
          ? 'it is listed in `excluded_criteria`'
          : undefined;
      if (reason === undefined) return;
      found.push(
        finding('TB330', { file: document.file, line: lineOf(document, ...path, index), subject }, what, id, reason),
      );
    });
  };
  for (const vendor of model.vendors) {
    vendor.data.csocs.forEach((csoc, index) =>
      check(
        vendor,
        { kind: 'vendor', id: vendor.id },
        ['csocs', index, 'criteria'],
        `a complementary control of ${vendor.data.name}`,
        csoc.criteria,
      ),
    );
  }
  program.data.cuecs.forEach((cuec, index) =>
    check(
      program,
      { kind: 'program', id: 'cuecs' },
      ['cuecs', index, 'criteria'],
      `the user entity control ${cuec.id}`,
      cuec.criteria,
    ),
  );
  return found;
}
