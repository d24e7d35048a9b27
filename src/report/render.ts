/** The readiness report as Markdown, JSON or a standalone HTML page. */
import type { ReadinessReport } from './readiness.ts';

export type ReportFormat = 'md' | 'json' | 'html';
export const reportFormats: readonly ReportFormat[] = ['md', 'json', 'html'];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(report: ReadinessReport): string {
  const lines = [
    `# SOC 2 readiness: ${report.organization}`,
    '',
    `${report.system}, evaluated as of ${report.asOf}${report.readinessMode ? ' (readiness mode)' : ''}.`,
    report.audit.start
      ? `Type ${report.audit.type} audit window ${report.audit.start} to ${report.audit.end}${report.audit.auditor ? `, ${report.audit.auditor}` : ''}.`
      : `Type ${report.audit.type} report${report.audit.date ? ` as of ${report.audit.date}` : ''}.`,
    '',
    '## Readiness by category',
    '',
    '| category | score | criteria covered | controls operating |',
    '| --- | ---: | ---: | ---: |',
    ...report.categories.map(
      (c) => `| ${c.label} | ${c.score} | ${c.covered}/${c.total} | ${c.operating}/${c.controls} |`,
    ),
    '',
    `How the score is computed: ${report.scoreMethod}`,
    '',
    `## Errors (${report.errors.length})`,
    '',
    ...(report.errors.length === 0
      ? ['None.']
      : report.errors.map(
          (d) => `- **${d.code}** ${d.message} (\`${d.file}${d.line ? `:${d.line}` : ''}\`). ${d.hint}`,
        )),
    '',
    `## Warnings (${report.warnings.length})`,
    '',
    ...(report.warnings.length === 0
      ? ['None.']
      : report.warnings.map((d) => `- **${d.code}** ${d.message} (\`${d.file}${d.line ? `:${d.line}` : ''}\`)`)),
    '',
    '## Due next',
    '',
    ...(report.upcoming.length === 0
      ? ['Nothing falls due in the next 90 days.']
      : [
          '| due | what | file |',
          '| --- | --- | --- |',
          ...report.upcoming.map((u) => `| ${u.due} | ${cell(u.what)} | \`${u.file}\` |`),
        ]),
    '',
    '## Checklists',
    '',
    ...(report.checklists.length === 0
      ? ['No checklists.']
      : report.checklists.map((c) => `- ${c.title}: ${c.done} of ${c.total} items done (${c.percent}%)`)),
    '',
    '## Criteria',
    '',
    ...report.categories.flatMap((c) => [
      `### ${c.label}`,
      '',
      '| criterion | label | controls | status |',
      '| --- | --- | --- | --- |',
      ...c.criteria.map(
        (k) =>
          `| ${k.id} | ${cell(k.label)} | ${k.controls.join(', ') || '—'} | ${k.status}${k.exclusion ? `: ${cell(k.exclusion)}` : ''} |`,
      ),
      '',
    ]),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function reportHtml(report: ReadinessReport): string {
  const rows = (items: string[][]) =>
    items.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  const findings = (list: ReadinessReport['errors']) =>
    list.length === 0
      ? '<p>None.</p>'
      : `<ul>${list.map((d) => `<li><strong>${d.code}</strong> ${escapeHtml(d.message)} <code>${escapeHtml(d.file)}${d.line ? `:${d.line}` : ''}</code></li>`).join('')}</ul>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SOC 2 readiness: ${escapeHtml(report.organization)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #d5dbe1;padding:.35rem .5rem;text-align:left}</style>
</head>
<body>
<main>
<h1>SOC 2 readiness: ${escapeHtml(report.organization)}</h1>
<p>${escapeHtml(report.system)}, evaluated as of ${report.asOf}.</p>
<h2>Readiness by category</h2>
<table><thead><tr><th>Category</th><th>Score</th><th>Criteria covered</th><th>Controls operating</th></tr></thead>
<tbody>${rows(report.categories.map((c) => [c.label, String(c.score), `${c.covered}/${c.total}`, `${c.operating}/${c.controls}`]))}</tbody></table>
<p>${escapeHtml(report.scoreMethod)}</p>
<h2>Errors (${report.errors.length})</h2>${findings(report.errors)}
<h2>Warnings (${report.warnings.length})</h2>${findings(report.warnings)}
<h2>Due next</h2>
<table><thead><tr><th>Due</th><th>What</th><th>File</th></tr></thead><tbody>${rows(report.upcoming.map((u) => [u.due, u.what, u.file]))}</tbody></table>
<h2>Checklists</h2>
<ul>${report.checklists.map((c) => `<li>${escapeHtml(c.title)}: ${c.done} of ${c.total} (${c.percent}%)</li>`).join('')}</ul>
</main>
</body>
</html>
`;
}

export function renderReport(report: ReadinessReport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return reportMarkdown(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'html':
      return reportHtml(report);
  }
}
