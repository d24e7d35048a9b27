/**
 * The partner's report across clients: readiness per client, and one worklist of what falls due soonest
 * first, with the client and the owner of each item, as Markdown for people and as an Atom digest for a feed
 * reader or a chat channel.
 */
import { Feed } from 'feed';
import type { CheckResult } from '../engine/index.ts';
import { allDocuments } from '../engine/model.ts';
import { dayStart, escapeHtml } from '../report/feed-text.ts';
import { readinessReport } from '../report/readiness.ts';

/** How far ahead the worklist looks. */
export const WORKLIST_DAYS = 90;

export interface ClientReadiness {
  client: string;
  organization: string;
  errors: number;
  warnings: number;
  /** Readiness score per category in scope, as the single-program report computes it. */
  scores: { label: string; score: number }[];
}

export interface WorkItem {
  due: string;
  client: string;
  what: string;
  /** The file, from the workspace root. */
  file: string;
  /** The role or person who owns the document it concerns, when it names one. */
  owner: string | undefined;
  overdue: boolean;
}

export interface PortfolioReport {
  asOf: string;
  clients: ClientReadiness[];
  worklist: WorkItem[];
}

export function portfolioReport(
  clients: readonly { name: string; path: string; result: CheckResult }[],
  asOf: string,
): PortfolioReport {
  const worklist = clients.flatMap(({ name, path, result }) => {
    const owners = new Map(allDocuments(result.model).map((document) => [document.file, ownerOf(document.data)]));
    return result.facts.upcoming(WORKLIST_DAYS).map((deadline): WorkItem => ({
      due: deadline.due,
      client: name,
      what: deadline.what,
      file: `${path}/${deadline.file}`,
      owner: owners.get(deadline.file),
      overdue: deadline.due < result.summary.asOf,
    }));
  });
  worklist.sort(
    (a, b) => a.due.localeCompare(b.due) || a.client.localeCompare(b.client) || a.file.localeCompare(b.file),
  );
  return {
    asOf,
    clients: clients.map(({ name, result }) => {
      const report = readinessReport(result);
      return {
        client: name,
        organization: report.organization,
        errors: result.summary.errors,
        warnings: result.summary.warnings,
        scores: report.categories.map((category) => ({ label: category.label, score: category.score })),
      };
    }),
    worklist,
  };
}

function ownerOf(data: unknown): string | undefined {
  const owner = (data as { owner?: unknown } | undefined)?.owner;
  return typeof owner === 'string' ? owner : undefined;
}

export function portfolioMarkdown(report: PortfolioReport): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    `# Portfolio report, as of ${report.asOf}`,
    '',
    '## Readiness per client',
    '',
    '| Client | Organization | Errors | Warnings | Readiness |',
    '| --- | --- | ---: | ---: | --- |',
    ...report.clients.map(
      (client) =>
        `| ${cell(client.client)} | ${cell(client.organization)} | ${client.errors} | ${client.warnings} | ${cell(
          client.scores.map((score) => `${score.label} ${score.score}%`).join(', ') || '-',
        )} |`,
    ),
    '',
    `## Worklist: the next ${WORKLIST_DAYS} days, soonest first`,
    '',
  ];
  if (report.worklist.length === 0) lines.push('Nothing falls due.');
  else {
    lines.push('| Due | Client | What | Owner | File |', '| --- | --- | --- | --- | --- |');
    for (const item of report.worklist) {
      lines.push(
        `| ${item.due}${item.overdue ? ' (overdue)' : ''} | ${cell(item.client)} | ${cell(item.what)} | ${cell(
          item.owner ?? '-',
        )} | ${cell(item.file)} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The worklist as an Atom feed: one entry per item, its id stable across runs so a reader shows it once. */
export function portfolioAtom(report: PortfolioReport, partner: string): string {
  const feed = new Feed({
    id: `urn:trustbook:portfolio:${encodeURIComponent(partner)}`,
    title: `${partner}: what falls due across clients`,
    updated: dayStart(report.asOf),
    generator: 'Trustbook',
    copyright: '',
  });
  for (const item of report.worklist) {
    // The files live in the partner's repository, which has no address here: the entry links to its own id.
    const id = `urn:trustbook:portfolio:${encodeURIComponent(item.client)}:${encodeURIComponent(item.file)}:${item.due}`;
    feed.addItem({
      id,
      title: escapeHtml(`${item.client}: ${item.what}, due ${item.due}${item.overdue ? ' (overdue)' : ''}`),
      link: id,
      date: dayStart(report.asOf),
      description: escapeHtml(`Owner: ${item.owner ?? 'not named'}. File: ${item.file}.`),
    });
  }
  return `${feed.atom1()}\n`;
}
