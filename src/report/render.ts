/** The readiness report as Markdown, JSON or a standalone HTML page. */
import type { FrameworkReadiness } from './frameworks.ts';
import type { CategoryReadiness, ReadinessReport } from './readiness.ts';

export type ReportFormat = 'md' | 'json' | 'html';
export const reportFormats: readonly ReportFormat[] = ['md', 'json', 'html'];

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** `3/11`: points of focus addressed of those applicable. */
const pointShare = (addressed: number, applicable: number) => `${addressed}/${applicable}`;

/** The points-of-focus design review: one summary line per category, then one line per criterion. */
function pointsOfFocusMarkdown(report: ReadinessReport): string[] {
  return [
    '## Points of focus',
    '',
    report.pointsOfFocusMethod,
    '',
    '| category | points of focus addressed |',
    '| --- | ---: |',
    ...report.categories.map(
      (c) => `| ${c.label} | ${pointShare(c.pointsOfFocus.addressed, c.pointsOfFocus.applicable)} |`,
    ),
    '',
    ...report.categories.flatMap((c) => [
      `### ${c.label}: ${c.pointsOfFocus.addressed} of ${c.pointsOfFocus.applicable} points addressed`,
      '',
      '| criterion | addressed | addressed by | open points |',
      '| --- | ---: | --- | --- |',
      ...c.pointsOfFocus.criteria.map(
        (k) =>
          `| ${k.id} | ${pointShare(k.addressed.length, k.applicable)} | ${k.addressed.map((p) => `${p.id} (${p.controls.join(', ')})`).join('; ') || '—'} | ${cell(k.open.map((p) => `${p.id} ${p.label}`).join('; ')) || '—'} |`,
      ),
      '',
    ]),
  ];
}

/** The SoA's state (ISO) or the addressable decisions (HIPAA), in a sentence; undefined for CSF. */
function decisionsLine(framework: FrameworkReadiness): string | undefined {
  const { soa, addressable } = framework;
  if (soa) {
    return soa.present
      ? `Statement of Applicability approved ${soa.approved}: ${soa.applicable} Annex A controls applicable, ${soa.excluded} excluded, ${soa.undecided} not decided.`
      : 'No Statement of Applicability: none of the 93 Annex A controls is decided.';
  }
  if (addressable) {
    return `Addressable specifications: ${addressable.implemented} implemented, ${addressable.alternative} met by an equivalent alternative, ${addressable['not-reasonable']} not reasonable and appropriate, ${addressable.undecided} not decided.`;
  }
  return undefined;
}

/** One section per framework besides SOC 2: requirements met, those not met, and the decisions it rests on. */
function frameworksMarkdown(report: ReadinessReport): string[] {
  return report.frameworks.flatMap((framework) => {
    const decisions = decisionsLine(framework);
    const addressable = framework.groups
      .flatMap((group) => group.requirements)
      .filter((requirement) => requirement.hipaaStatus === 'addressable');
    return [
      `## ${framework.name}`,
      '',
      `${framework.met} of ${framework.total} requirements in scope met (covered by controls, implemented by documents, or decided not to apply).`,
      ...(decisions ? ['', decisions] : []),
      ...(framework.outOfScope.length > 0
        ? [
            '',
            `Not binding on this program: ${framework.outOfScope.map((entry) => `${entry.id} (${entry.reason})`).join('; ')}.`,
          ]
        : []),
      '',
      ...(framework.uncovered.length === 0
        ? ['Every requirement in scope is met.']
        : [
            '| requirement | label | status |',
            '| --- | --- | --- |',
            ...framework.uncovered.map((r) => `| ${r.id} | ${cell(r.label)} | ${r.status} |`),
          ]),
      '',
      ...(addressable.length === 0
        ? []
        : [
            '| addressable specification | decision |',
            '| --- | --- |',
            ...addressable.map((r) => `| ${r.id} | ${cell(r.decision ? r.decision.words : 'not decided')} |`),
            '',
          ]),
    ];
  });
}

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
          `| ${k.id} | ${cell(k.label)} | ${k.controls.join(', ') || '—'} | ${k.status}${k.exclusion ? `: ${cell(k.exclusion)}` : ''}${k.shortfall ? `: ${cell(k.shortfall)}` : ''} |`,
      ),
      '',
    ]),
    ...pointsOfFocusMarkdown(report),
    ...frameworksMarkdown(report),
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
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.5}table{border-collapse:collapse;width:100%;margin-bottom:1.5rem}caption{text-align:left;font-weight:600;padding-bottom:.35rem}th,td{border-bottom:1px solid #d5dbe1;padding:.35rem .5rem;text-align:left;vertical-align:top}ul.points{margin:0;padding-left:1.1rem;font-size:.9em}@media print{table{break-inside:auto}tr{break-inside:avoid}}</style>
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
${pointsOfFocusHtml(report)}
${report.frameworks.map(frameworkHtml).join('\n')}
</main>
</body>
</html>
`;
}

function pointsOfFocusHtml(report: ReadinessReport): string {
  const list = (items: string[]) =>
    items.length === 0 ? '—' : `<ul class="points">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const categoryTable = (c: CategoryReadiness) => `<table>
<caption>${escapeHtml(c.label)}: ${c.pointsOfFocus.addressed} of ${c.pointsOfFocus.applicable} points of focus addressed</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Addressed</th><th scope="col">Addressed by</th><th scope="col">Open points</th></tr></thead>
<tbody>${c.pointsOfFocus.criteria
    .map(
      (k) =>
        `<tr><th scope="row">${k.id}</th><td>${pointShare(k.addressed.length, k.applicable)}</td><td>${list(k.addressed.map((p) => `${p.id} ${escapeHtml(p.label)} (${escapeHtml(p.controls.join(', '))})`))}</td><td>${list(k.open.map((p) => `${p.id} ${escapeHtml(p.label)}`))}</td></tr>`,
    )
    .join('\n')}</tbody></table>`;
  return `<h2>Points of focus</h2>
<p>${escapeHtml(report.pointsOfFocusMethod)}</p>
<table><caption>Points of focus addressed by category</caption>
<thead><tr><th scope="col">Category</th><th scope="col">Points of focus addressed</th></tr></thead>
<tbody>${report.categories.map((c) => `<tr><th scope="row">${escapeHtml(c.label)}</th><td>${pointShare(c.pointsOfFocus.addressed, c.pointsOfFocus.applicable)}</td></tr>`).join('\n')}</tbody></table>
${report.categories.map(categoryTable).join('\n')}`;
}

function frameworkHtml(framework: FrameworkReadiness): string {
  const decisions = decisionsLine(framework);
  const addressable = framework.groups
    .flatMap((group) => group.requirements)
    .filter((requirement) => requirement.hipaaStatus === 'addressable');
  const uncovered =
    framework.uncovered.length === 0
      ? '<p>Every requirement in scope is met.</p>'
      : `<table><caption>Requirements not met</caption>
<thead><tr><th scope="col">Requirement</th><th scope="col">Label</th><th scope="col">Status</th></tr></thead>
<tbody>${framework.uncovered.map((r) => `<tr><th scope="row">${escapeHtml(r.id)}</th><td>${escapeHtml(r.label)}</td><td>${r.status}</td></tr>`).join('\n')}</tbody></table>`;
  const decided =
    addressable.length === 0
      ? ''
      : `<table><caption>Addressable specifications</caption>
<thead><tr><th scope="col">Specification</th><th scope="col">Decision</th></tr></thead>
<tbody>${addressable.map((r) => `<tr><th scope="row">${escapeHtml(r.id)}</th><td>${escapeHtml(r.decision ? r.decision.words : 'not decided')}</td></tr>`).join('\n')}</tbody></table>`;
  return `<h2>${escapeHtml(framework.name)}</h2>
<p>${framework.met} of ${framework.total} requirements in scope met (covered by controls, implemented by documents, or decided not to apply).</p>
${decisions ? `<p>${escapeHtml(decisions)}</p>\n` : ''}${framework.outOfScope.length > 0 ? `<p>Not binding on this program: ${escapeHtml(framework.outOfScope.map((entry) => `${entry.id} (${entry.reason})`).join('; '))}.</p>\n` : ''}${uncovered}
${decided}`;
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
