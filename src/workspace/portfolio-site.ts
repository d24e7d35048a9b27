/**
 * The partner's portfolio site, `dist/portfolio/`: one static page rendered from the PortfolioView, its
 * stylesheet (the sites' colour tokens, so it looks like the rest of Trustbook), and the files that keep it
 * private: `noindex` in the page and in the `_headers` a static host reads, a robots.txt refusing crawlers,
 * no sitemap. No script: it works the same with JavaScript off. Every value from the workspace is escaped.
 */
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { escapeHtml } from '../report/feed-text.ts';
import type { PortfolioClient, PortfolioView } from './portfolio-view.ts';
import type { Trend } from './portfolio-history.ts';

/** The portfolio's folder under the workspace's `dist/`, beside the clients' folders. */
export const portfolioFolder = 'portfolio';

const html = (text: string | number) => escapeHtml(String(text));

export function portfolioHtml(view: PortfolioView): string {
  const partner = html(view.partner);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>Client portfolio · ${partner}</title>
<link rel="stylesheet" href="portfolio.css">
</head>
<body>
<a class="skip-link" href="#main">Skip to the portfolio</a>
<header class="site-header">
<div class="inner">
<p class="brand">${partner} · client portfolio</p>
<nav aria-label="Sections of this page">
<ul>
<li><a href="#readiness">Readiness</a></li>
<li><a href="#trend">Trend</a></li>
<li><a href="#worklist">Worklist</a></li>
<li><a href="#library">Library versions</a></li>
</ul>
</nav>
</div>
</header>
<main id="main">
<h1>Client portfolio</h1>
<p class="lead">${view.clients.length} ${view.clients.length === 1 ? 'client' : 'clients'}, checked as of <time datetime="${html(view.asOf)}">${html(view.asOf)}</time>. For the staff of ${partner} only: this site is private, as each client’s auditor site is.</p>
${readinessSection(view)}
${trendSection(view)}
${worklistSection(view)}
${librarySection(view)}
</main>
<footer class="site-footer">
<div class="inner">
<p>Written by <code>trustbook build --workspace</code> from the workspace’s files. The figures are the check’s, the same as <code>trustbook check --workspace</code> prints.</p>
</div>
</footer>
</body>
</html>
`;
}

/** A table in a scroll region of its own (a phone scrolls the table, not the page). Its arguments are markup: callers escape every value in them. */
function table(id: string, caption: string, head: string[], rows: string[]): string {
  return `<div class="table-scroll" role="region" aria-labelledby="${id}" tabindex="0">
<table>
<caption id="${id}">${caption}</caption>
<thead><tr>${head.map((cell) => `<th scope="col">${cell}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>`;
}

function readinessSection(view: PortfolioView): string {
  const rows = view.clients.map((client) => {
    const cells = [
      client.organization === undefined ? '<span class="muted">not a program</span>' : html(client.organization),
      client.errors > 0 ? `<strong class="bad">${client.errors}</strong>` : '0',
      String(client.warnings),
      html(client.coverage || '-'),
      client.scores.length > 0
        ? client.scores.map((score) => html(`${score.label} ${score.score}%`)).join('<br>')
        : '-',
      String(client.windowGaps),
      client.nextDue
        ? `<time datetime="${html(client.nextDue.due)}">${html(client.nextDue.due)}</time> ${html(client.nextDue.what)}`
        : '-',
      String(client.overridesToReview),
      client.auditors
        ? `<a href="${html(client.auditors)}">auditor site<span class="visually-hidden"> of ${html(client.name)}</span></a>`
        : '<span class="muted">not built</span>',
    ];
    return `<tr data-client="${html(client.name)}"><th scope="row">${html(client.name)}</th>${cells
      .map((cell) => `<td>${cell}</td>`)
      .join('')}</tr>`;
  });
  return `<section aria-labelledby="readiness">
<h2 id="readiness">Readiness per client</h2>
${table(
  'readiness-caption',
  'Each client’s check: errors, warnings, criteria covered, readiness, errors about the audit window (Type II gaps), what falls due next and library changes under its overrides',
  [
    'Client',
    'Organization',
    'Errors',
    'Warnings',
    'Criteria covered',
    'Readiness',
    'Type II gaps',
    'Next due',
    'Overrides to review',
    'Sites',
  ],
  rows,
)}
</section>`;
}

function trendSection(view: PortfolioView): string {
  return `<section aria-labelledby="trend">
<h2 id="trend">Trend from the repository’s history</h2>
<p>Each point is a commit that changed the client’s folder (the last few): the client’s files as that commit holds them, checked again by this version of Trustbook as of the commit’s day, or as of the evaluation date the program pinned then. A point counts the program’s own findings; the table above adds the workspace’s (a library change under an override, a conflict the next sync would meet) and is the files as they are now, committed or not.</p>
${view.clients.map((client) => clientTrend(client.name, client.trend)).join('\n')}
</section>`;
}

function clientTrend(name: string, trend: Trend): string {
  const id = `trend-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const heading = `<h3 id="${html(id)}-heading">${html(name)}</h3>`;
  if ('none' in trend)
    return `<div class="trend" data-client="${html(name)}">${heading}\n<p>${html(trend.none)}</p></div>`;
  const rows = trend.points.map(
    (point) =>
      `<tr><th scope="row"><time datetime="${html(point.date)}">${html(point.date)}</time></th><td><code>${html(
        point.commit,
      )}</code></td><td>${html(point.asOf)}</td><td>${point.errors}</td><td>${point.warnings}</td><td>${point.covered}/${
        point.total
      }</td></tr>`,
  );
  return `<div class="trend" data-client="${html(name)}">${heading}
${table(`${html(id)}-caption`, `${html(name)}: readiness at its last commits, oldest first`, ['Commit day', 'Commit', 'Checked as of', 'Errors', 'Warnings', 'Criteria covered'], rows)}
</div>`;
}

function worklistSection(view: PortfolioView): string {
  const body =
    view.worklist.length === 0
      ? `<p>Nothing falls due in the next ${view.worklistDays} days.</p>`
      : table(
          'worklist-caption',
          `What falls due in the next ${view.worklistDays} days across clients, soonest first`,
          ['Due', 'Client', 'What', 'Owner', 'File'],
          view.worklist.map(
            (item) =>
              `<tr data-client="${html(item.client)}"><td><time datetime="${html(item.due)}">${html(item.due)}</time>${
                item.overdue ? ' <strong class="bad">overdue</strong>' : ''
              }</td><td>${html(item.client)}</td><td>${html(item.what)}</td><td>${html(item.owner ?? '-')}</td><td><code>${html(
                item.file,
              )}</code></td></tr>`,
          ),
        );
  return `<section aria-labelledby="worklist">
<h2 id="worklist">Worklist</h2>
${body}
</section>`;
}

function librarySection(view: PortfolioView): string {
  const lag =
    view.behind.length === 0
      ? 'Every client has taken the library as it is now.'
      : `Behind the library: ${view.behind.map(html).join(', ')}. <code>trustbook sync</code> brings them up to date.`;
  const rows = view.clients.map((client: PortfolioClient) => {
    const library = client.library;
    return `<tr data-client="${html(client.name)}"><th scope="row">${html(client.name)}</th><td>${html(
      library ? (library.took ?? 'never synced') : 'unread: see its findings',
    )}</td><td>${html(library?.now ?? '-')}</td><td>${library?.behind ? '<strong class="bad">behind</strong>' : library ? 'up to date' : '-'}</td></tr>`;
  });
  return `<section aria-labelledby="library">
<h2 id="library">Library versions</h2>
<p>${lag}</p>
${table('library-caption', 'The library each client took, and the library it would take now', ['Client', 'Took', 'Now', 'State'], rows)}
</section>`;
}

/** The sites' colour and type tokens, read from their stylesheet so the portfolio follows any change to them. */
function siteTokens(): string {
  const css = readFileSync(new URL('../../src/styles/site.css', import.meta.url), 'utf8');
  const tokens = /^:root \{[^}]*\}/m.exec(css)?.[0];
  if (!tokens) throw new Error('src/styles/site.css has no :root block of tokens');
  return tokens;
}

export function portfolioCss(): string {
  return `${siteTokens()}
* { box-sizing: border-box; }
html { font-family: var(--font); color: var(--text); background: var(--page); line-height: 1.6; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code { font-family: var(--mono); font-size: 0.92em; background: var(--surface); padding: 0.05em 0.3em; border-radius: 3px; }
.skip-link { position: absolute; left: -999px; top: 0.5rem; background: var(--page); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0.5rem; }
.site-header, .site-footer { background: var(--page); }
.site-header { border-bottom: 1px solid var(--line); }
.site-footer { border-top: 1px solid var(--line); color: var(--muted); margin-top: 3rem; }
.inner, main { max-width: var(--width); margin: 0 auto; padding: 0.7rem 1.25rem; }
.site-header .inner { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: center; }
.brand { font-weight: 700; margin: 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; }
.lead { color: var(--muted); }
.muted { color: var(--muted); }
.bad { color: var(--bad); }
.table-scroll { overflow-x: auto; margin: 1rem 0; position: relative; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--surface); }
time { white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media print {
  :root { --width: 100%; }
  html { font-size: 10pt; }
  .site-header nav, .skip-link { display: none !important; }
  .table-scroll { overflow: visible; }
  tr, .trend { break-inside: avoid; }
  a { color: var(--text); }
}
`;
}

/**
 * For a static host that reads `_headers` (and for Trustbook's own preview): never indexed, nothing loaded
 * from elsewhere, never framed, and no address of the page handed on to the sites it links to.
 */
export const portfolioHeaders = `/*
  X-Robots-Tag: noindex, nofollow
  Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'
  Referrer-Policy: no-referrer
  X-Content-Type-Options: nosniff
`;

/** Writes the site into `target`, staged beside it and moved into place whole, replacing what was there. */
export function writePortfolio(target: string, view: PortfolioView): void {
  mkdirSync(dirname(target), { recursive: true });
  const staging = mkdtempSync(join(dirname(target), `.${portfolioFolder}-`));
  try {
    writeFileSync(join(staging, 'index.html'), portfolioHtml(view));
    writeFileSync(join(staging, 'portfolio.css'), portfolioCss());
    writeFileSync(join(staging, '_headers'), portfolioHeaders);
    writeFileSync(join(staging, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
