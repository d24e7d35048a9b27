/**
 * What the partner's portfolio site shows, computed once from the portfolio check: per client its readiness,
 * its trend, the library it took against the library now, and where its auditor site is; the worklist across
 * clients, the same as `trustbook report --workspace`. The page renders this and nothing else.
 *
 * What it carries from a client is deliberately narrow: counts and scores, criteria covered, the client's
 * name and organization, dates, document ids and titles as the worklist words them, owner roles and file
 * paths. Never a document's body, a finding's message or an auditor-only field: the portfolio is one page for
 * every client, and a client's private text must not sit beside another client's name.
 */
import type { CheckResult } from '../engine/index.ts';
import type { PortfolioRow } from './portfolio.ts';
import { portfolioReport, WORKLIST_DAYS, type WorkItem } from './portfolio-report.ts';
import type { Trend } from './portfolio-history.ts';

export interface PortfolioClient {
  name: string;
  /** The organization its program names; undefined when its folder is not a program. */
  organization: string | undefined;
  errors: number;
  warnings: number;
  /** Criteria covered per category in scope, e.g. `Security (common criteria) 33/33`; empty when unchecked. */
  coverage: string;
  /** Readiness score per category in scope, as `trustbook report` computes it. */
  scores: { label: string; score: number }[];
  /** Errors about the audit window (TB6xx). */
  windowGaps: number;
  nextDue: { due: string; what: string } | undefined;
  /** The library layers the client took, the layers now, and whether it is behind; undefined when unread. */
  library: { took: string | undefined; now: string | undefined; behind: boolean } | undefined;
  overridesToReview: number;
  /** The client's auditor site relative to the portfolio page, when its build is there. */
  auditors: string | undefined;
  trend: Trend;
}

export interface PortfolioView {
  partner: string;
  asOf: string;
  clients: PortfolioClient[];
  /** What falls due in the next `worklistDays` days across clients, soonest first. */
  worklist: WorkItem[];
  worklistDays: number;
  /** Clients behind the library, by name, in the workspace's order. */
  behind: string[];
}

export interface PortfolioInput {
  partner: string;
  /** The day the checks judged, as `report --workspace` names it. */
  asOf: string;
  clients: {
    name: string;
    path: string;
    row: PortfolioRow;
    /** Undefined when the client's folder is not a program. */
    result: CheckResult | undefined;
    /** The library layers the client would take now, as `describeLayers` words them. */
    libraryNow: string | undefined;
    trend: Trend;
    /** Whether `dist/<client>/auditors/` holds a built site. */
    auditorsBuilt: boolean;
  }[];
}

export function portfolioView(input: PortfolioInput): PortfolioView {
  const checked = input.clients.flatMap(({ name, path, result }) => (result ? [{ name, path, result }] : []));
  const report = portfolioReport(checked, input.asOf);
  const readiness = new Map(report.clients.map((client) => [client.client, client]));
  const clients = input.clients.map(({ name, row, libraryNow, trend, auditorsBuilt }): PortfolioClient => {
    const ready = readiness.get(name);
    return {
      name,
      organization: ready?.organization,
      errors: row.errors,
      warnings: row.warnings,
      coverage: row.coverage,
      scores: ready?.scores ?? [],
      windowGaps: row.windowGaps,
      nextDue: row.nextDue,
      library: row.library ? { took: row.library.took, now: libraryNow, behind: row.library.behind } : undefined,
      overridesToReview: row.overridesToReview,
      auditors: auditorsBuilt ? `../${encodeURIComponent(name)}/auditors/` : undefined,
      trend,
    };
  });
  return {
    partner: input.partner,
    asOf: input.asOf,
    clients,
    worklist: report.worklist,
    worklistDays: WORKLIST_DAYS,
    behind: clients.filter((client) => client.library?.behind).map((client) => client.name),
  };
}
