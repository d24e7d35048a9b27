/**
 * How many of the controls in operation on the evaluation date operate, for each category in scope: the one
 * count of "controls operating" that the trust center's status and the auditor site's readiness both show, so
 * they cannot disagree. A control counts in every category it addresses (one of its criteria belongs to it);
 * `operating` is the control status of the same name: its evidence present, current and without a finding
 * against it. A disclosed exception does not count as operating.
 */
import { criteria, type Category } from '../catalog/index.ts';
import type { ControlStatus } from './facts.ts';
import type { Document, ProgramModel } from './model.ts';
import type { ControlData } from '../schema/index.ts';

export interface CategoryOperation {
  category: Category;
  /** Controls in operation on the evaluation date that address the category. */
  total: number;
  /** Those of them whose status is `operating`. */
  operating: number;
}

const categoryOf = new Map(criteria.map((criterion) => [criterion.id, criterion.category]));

/** The controls in operation on the evaluation date, each counted once, and how many of them operate. */
export interface ControlOperation {
  total: number;
  operating: number;
}

/**
 * The one overall count: every control in operation once, whatever number of categories it addresses. The
 * per-category counts add up to more whenever a control addresses two categories, so a reader is told which is
 * which rather than left to add them.
 */
export function controlOperation(
  model: ProgramModel,
  status: (control: Document<ControlData>) => ControlStatus,
): ControlOperation {
  const statuses = model.controls.map(status).filter((entry) => entry !== 'not in operation');
  return { total: statuses.length, operating: statuses.filter((entry) => entry === 'operating').length };
}

export function operationByCategory(
  model: ProgramModel,
  status: (control: Document<ControlData>) => ControlStatus,
): CategoryOperation[] {
  const inOperation = model.controls
    .map((control) => ({ control, status: status(control) }))
    .filter((entry) => entry.status !== 'not in operation');
  return (model.program?.data.scope ?? []).map((category) => {
    const own = inOperation.filter(({ control }) =>
      control.data.criteria.some((id) => categoryOf.get(id) === category),
    );
    return { category, total: own.length, operating: own.filter((entry) => entry.status === 'operating').length };
  });
}
