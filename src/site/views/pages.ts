/**
 * What the pages of each site receive: that site's view with every document replaced by its projection (what
 * the audience may see of it, already decided). The site views in ../views.ts select the documents a site may
 * see (the exports, the PDF command and the trust summary read those); pages read only what is built here.
 */
import type { CheckResult } from '../../engine/check.ts';
import type { Revision } from '../history.ts';
import { trustSummary } from '../../trust-center/trust-summary.ts';
import type { TrustChange } from '../../trust-center/trust-updates.ts';
import { auditorView, employeeView, publicView, sitePolicies } from '../views.ts';
import { auditorProjections } from './auditor.ts';
import { procedurePage, siteChecklists, siteProcedures, type SiteTrustPage } from './shared.ts';

type History = ReadonlyMap<string, readonly Revision[]>;

/** A site view without the members its pages get as projections instead. */
function without<T extends object, K extends keyof T>(view: T, keys: readonly K[]): Omit<T, K> {
  const dropped = new Set<PropertyKey>(keys);
  return Object.fromEntries(Object.entries(view).filter(([key]) => !dropped.has(key))) as Omit<T, K>;
}

/** The trust center's pages' view. */
export function publicPageView(result: CheckResult, changes: readonly TrustChange[], history: History) {
  const view = publicView(result, changes);
  const checklists = siteChecklists('public', result);
  return {
    // Replaced by projections below; the served documents reach the documents route as bytes (route-data.ts).
    ...without(view, [
      'people',
      'policies',
      'procedures',
      'checklists',
      'checklistProgress',
      'servedDocuments',
      'trustPages',
    ]),
    procedures: siteProcedures('public', result),
    checklists,
    procedurePage: procedurePage('public', checklists),
    /** The machine-readable summary `.well-known/trust.json` serves (docs/sites.md). */
    trustSummary: () => trustSummary(publicView(result, changes)),
    policies: sitePolicies('public', result, history),
    trustPages: view.trustPages.map((page): SiteTrustPage => ({
      kind: 'trust-page',
      id: page.id,
      file: page.file,
      title: page.data.title,
      summary: page.data.summary,
    })),
  };
}

/** The employee portal's pages' view. */
export function employeePageView(result: CheckResult, history: History) {
  const checklists = siteChecklists('employees', result);
  return {
    // Staff records are not the portal's to show: owners come named in each projection.
    ...without(employeeView(result), ['people', 'policies', 'procedures', 'checklists', 'checklistProgress']),
    policies: sitePolicies('employees', result, history),
    procedures: siteProcedures('employees', result),
    checklists,
    procedurePage: procedurePage('employees', checklists),
  };
}

/** The auditor site's pages' view. */
export function auditorPageView(result: CheckResult, history: History) {
  const checklists = siteChecklists('auditors', result);
  return {
    ...without(auditorView(result), [
      'people',
      'staff',
      'policies',
      'procedures',
      'checklists',
      'checklistProgress',
      'controls',
      'evidence',
      'risks',
      'vendors',
      'systemDescription',
      'assertion',
      'significantChanges',
      'requestLists',
    ]),
    ...auditorProjections(result),
    policies: sitePolicies('auditors', result, history),
    procedures: siteProcedures('auditors', result),
    checklists,
    procedurePage: procedurePage('auditors', checklists),
  };
}

export type PublicPageView = ReturnType<typeof publicPageView>;
export type EmployeePageView = ReturnType<typeof employeePageView>;
export type AuditorPageView = ReturnType<typeof auditorPageView>;
