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
import { lineOf, type ProgramModel } from '../model.ts';
import type { Rule } from './context.ts';

/** How far past its report's period a vendor's bridge letter may reach. */
export const VENDOR_BRIDGE_MONTHS = 3;

const reportTypes = new Set(['soc2-type2', 'soc2-type1']);

export const subserviceRule: Rule = (model, context) => {
  const found: Diagnostic[] = [];
  for (const vendor of model.vendors) {
    const { name, assurance, carve_out, added, removed, reviewed } = vendor.data;
    const base = { file: vendor.file, subject: { kind: 'vendor' as const, id: vendor.id } };
    if (removed !== undefined && (removed < added || removed > context.asOf)) {
      found.push({
        ...base,
        severity: 'error',
        code: 'TB518',
        line: lineOf(vendor, 'removed'),
        message:
          removed < added
            ? `${name} is recorded as removed on ${removed}, before it was added on ${added}`
            : `${name} is recorded as removed on ${removed}, a day still to come on ${context.asOf}`,
        hint: 'Record `removed:` once the company has stopped using the vendor, as the day it did; until then the vendor is in use.',
      });
    }
    if (carve_out && assurance?.type === 'soc2-type1') {
      found.push({
        ...base,
        severity: 'error',
        code: 'TB515',
        line: lineOf(vendor, 'assurance', 'type'),
        message: `${name} is carved out on the strength of a SOC 2 Type I report, which says nothing about how its controls operated over a period`,
        hint: "Obtain the vendor's SOC 2 Type II report and record it (type soc2-type2, `period_end`), or include the vendor's controls in the company's own report instead of carving it out.",
      });
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
        found.push({
          ...base,
          severity: 'error',
          code: 'TB516',
          line: lineOf(vendor, 'assurance', 'bridge_letter', 'covers_until'),
          message: `the bridge letter of ${name} covers until ${letter.covers_until}, ${reasons.join(' and ')}: no letter can, so the vendor's report has lapsed`,
          hint: `A bridge letter speaks for days that have passed, and for no more than ${VENDOR_BRIDGE_MONTHS} months after the report's period: obtain the vendor's next report, or record the letter's real \`covers_until\`.`,
        });
      }
    }
    if (reviewed < periodEnd && !isRemovedVendor(vendor, context.asOf)) {
      found.push({
        ...base,
        severity: carve_out ? 'error' : 'warning',
        code: 'TB517',
        line: lineOf(vendor, 'reviewed'),
        message: `${name}'s ${assurance.type} report covers a period ending ${periodEnd}, and the last review of the vendor was on ${reviewed}: nobody has reviewed that report`,
        hint: "Review the vendor's report (its opinion, exceptions, and the controls it expects of the company), then set `reviewed:` to the day of that review.",
      });
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
      found.push({
        severity: 'error',
        code: 'TB330',
        file: document.file,
        line: lineOf(document, ...path, index),
        subject,
        message: `${what} supports ${id}, which the report does not cover: ${reason}`,
        hint: 'Name the in-scope criteria the control supports, or bring the category into scope (or the criterion back from `excluded_criteria`).',
      });
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
