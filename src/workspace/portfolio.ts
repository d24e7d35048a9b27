/**
 * One line per client for a partner's portfolio: the client's check in numbers, what falls due next, and how
 * its program stands against the library. Computed from each client's check result and sync plan; the check
 * itself is the same as for a single program.
 */
import type { CheckResult } from '../engine/index.ts';
import type { SyncPlan } from './sync-plan.ts';

export interface PortfolioRow {
  client: string;
  /** The client's folder, relative to the workspace. */
  path: string;
  errors: number;
  warnings: number;
  /** Criteria covered per category in scope, e.g. `security 33/33`. */
  coverage: string;
  /** Errors about the audit window: periods without evidence, controls that did not operate (TB6xx). */
  windowGaps: number;
  /** The soonest date something falls due, and what. */
  nextDue: { due: string; what: string } | undefined;
  /** The library version the client took, and whether it is behind the library now. */
  library: { took: string | undefined; behind: boolean } | undefined;
  /** Library changes under the client's overrides, for the partner to review. */
  overridesToReview: number;
}

/** How far ahead `next due` looks. */
const NEXT_DUE_DAYS = 366;

export function portfolioRow(
  client: { name: string; path: string },
  result: CheckResult | undefined,
  plan: SyncPlan | undefined,
  took: string | undefined,
): PortfolioRow {
  const next = result?.facts.upcoming(NEXT_DUE_DAYS)[0];
  return {
    client: client.name,
    path: client.path,
    errors: result?.summary.errors ?? 0,
    warnings: result?.summary.warnings ?? 0,
    coverage:
      result?.summary.coverage.map((entry) => `${entry.label} ${entry.covered}/${entry.total}`).join(', ') ?? '',
    windowGaps:
      result?.diagnostics.filter((finding) => finding.severity === 'error' && /^TB6\d\d$/.test(finding.code)).length ??
      0,
    nextDue: next ? { due: next.due, what: next.what } : undefined,
    library: plan ? { took, behind: plan.behind } : undefined,
    overridesToReview: plan?.reviews.length ?? 0,
  };
}
