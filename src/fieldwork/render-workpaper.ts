/** The mock audit workpaper as a standalone, printable HTML document and as CSV, one row per sampled item. */
import type { ControlStatus } from '../engine/facts.ts';
import { toCsv } from '../export/csv.ts';
import type {
  Workpaper,
  WorkpaperControl,
  WorkpaperCriterion,
  WorkpaperEvidence,
  WorkpaperItem,
  WorkpaperResult,
  WorkpaperSeries,
  WorkpaperDeviation,
} from './workpaper.ts';
import type { PersonnelTest } from './personnel-tests.ts';

/** The badge tone of each result, on the auditor site and in the HTML workpaper. */
export const resultTones: Record<WorkpaperResult | 'excluded' | 'not met', 'ok' | 'warn' | 'bad' | 'neutral'> = {
  'not met': 'bad',
  'no exception': 'ok',
  'exception disclosed': 'warn',
  'evidence missing': 'bad',
  'not tested': 'neutral',
  excluded: 'neutral',
};

/** How the check's view of a control reads in a workpaper. */
export const operationWords: Record<ControlStatus, string> = {
  operating: 'in operation',
  exception: 'in operation, with an exception disclosed',
  failing: 'in operation, but the check reports findings against its evidence',
  'not in operation': 'not in operation on the evaluation date',
};

/** What the workpaper is, and is not: said at the top of both the HTML and the site page. */
export function methodNote(w: Workpaper): string {
  return `A dry run of the tests a service auditor would apply, worked out by \`trustbook audit\` from the program's own records: the controls, the evidence index and the sample recorded for the window. It is not an audit and not an audit opinion; the auditor selects, inspects and concludes independently. Every result comes from the findings of \`trustbook check\` as of ${w.asOf}; what the records do not show is reported as not tested, never as passed.`;
}

/** The first letter up: "No exception". */
export const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const resultLabel = (result: WorkpaperResult | 'excluded') => capitalized(result);

/** A short name for a piece of evidence: a URL's last path segment, or the file's path. */
export function evidenceLabel(evidence: WorkpaperEvidence): string {
  if (evidence.kind === 'file') return evidence.ref;
  try {
    const url = new URL(evidence.ref);
    const last = url.pathname.split('/').filter(Boolean).at(-1);
    return last ? decodeURIComponent(last) : url.host;
  } catch {
    return evidence.ref;
  }
}

/** What the sample of a series was drawn from, in one sentence. */
export function seriesLine(series: WorkpaperSeries): string {
  const sample = series.sample ? `Sample: ${series.sample.size} of ${series.sample.of}.` : 'No sample recorded.';
  return `Population: ${series.population.description}. ${sample}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Escapes text, then shows `code` spans as code. */
const prose = (text: string) => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const badge = (result: WorkpaperResult | 'excluded') =>
  `<span class="result ${resultTones[result]}">${resultLabel(result)}</span>`;

function evidenceHtml(evidence: WorkpaperEvidence[]): string {
  if (evidence.length === 0) return '<span class="muted">None</span>';
  return evidence
    .map((entry) =>
      entry.kind === 'url'
        ? `<a href="${escapeHtml(entry.ref)}" title="${escapeHtml(entry.ref)}">${escapeHtml(evidenceLabel(entry))}</a>`
        : `<code>${escapeHtml(entry.ref)}</code>`,
    )
    .join('<br>');
}

/** The note of an item; a disclosed exception as the auditor reads it: what happened, then management's response. */
function noteHtml(item: WorkpaperItem): string {
  const exceptions = item.exceptions.map(
    (exception) =>
      `<p><strong>Disclosed ${escapeHtml(exception.disclosed)}.</strong> ${escapeHtml(exception.description)}</p><p><strong>Management's response.</strong> ${escapeHtml(exception.response)}</p><p class="muted">${exception.remediated ? `Remediated ${escapeHtml(exception.remediated)}.` : 'Not yet remediated.'}</p>`,
  );
  const note = item.result === 'exception disclosed' && exceptions.length > 0 ? '' : prose(item.note);
  return [note && `<p>${note}</p>`, ...exceptions].join('') || '<span class="muted">—</span>';
}

function seriesHtml(series: WorkpaperSeries): string {
  const findings =
    series.findings.length === 0
      ? ''
      : `<p class="findings">Also reported by the check: ${series.findings.map((d) => `<strong>${d.code}</strong> ${escapeHtml(d.message)}`).join('; ')}.</p>`;
  const caption = `<strong>${escapeHtml(series.id)}</strong> ${escapeHtml(series.title)}<br><span class="muted">${escapeHtml(seriesLine(series))}</span>`;
  if (series.items.length === 0) {
    return `<div class="series"><p class="caption">${caption}</p><p>${badge('not tested')} ${prose(series.notTested ?? '')}</p>${findings}</div>`;
  }
  const rows = series.items
    .map(
      (item) =>
        `<tr><th scope="row">${item.item
          .split('..')
          .map((part) => `<span class="id">${escapeHtml(part)}</span>`)
          .join(
            ' to ',
          )}</th><td class="evidence">${evidenceHtml(item.evidence)}</td><td>${badge(item.result)}</td><td class="note">${noteHtml(item)}</td></tr>`,
    )
    .join('\n');
  return `<div class="series"><table class="items">
<caption>${caption}</caption>
<thead><tr><th scope="col">${series.kind === 'events' ? 'Event' : 'Period'}</th><th scope="col">Evidence inspected</th><th scope="col">Result</th><th scope="col">Note</th></tr></thead>
<tbody>${rows}</tbody>
</table>${findings}</div>`;
}

/** Whether a control operated effectively, in words: "no (2 of 12 occurrences deviated; 1 tolerated)". */
export function effectivenessWords(effectiveness: NonNullable<WorkpaperControl['effectiveness']>): string {
  if (effectiveness.neverRan) return 'no, it never ran';
  const counted = `${effectiveness.deviations} of ${effectiveness.occurrences} occurrences deviated; ${effectiveness.tolerable} tolerated`;
  if (!effectiveness.effective) return `no (${counted})`;
  return effectiveness.deviations > 0 ? `yes (${counted})` : 'yes';
}

/** One disclosed deviation in a line: where, whether the sample reached it, what happened and the response. */
export function deviationWords(deviation: WorkpaperDeviation): string {
  const { exception } = deviation;
  return `${deviation.item} (${deviation.series}, ${deviation.sampled ? 'in the sample' : 'not in the sample'}), disclosed ${exception.disclosed}: ${exception.description} Management's response: ${exception.response} ${
    exception.remediated ? `Remediated ${exception.remediated}.` : 'Not yet remediated.'
  }`;
}

function deviationsHtml(control: WorkpaperControl): string {
  if (control.deviations.length === 0) return '';
  return `<p>Deviations management disclosed, each evaluated whether or not the sample reached it:</p>
<ul class="deviations">${control.deviations.map((deviation) => `<li>${prose(deviationWords(deviation))}</li>`).join('')}</ul>`;
}

function controlHtml(control: WorkpaperControl): string {
  const why =
    control.notTested !== undefined
      ? `<p>${control.result === 'not tested' ? 'Not tested' : 'Partly not tested'}: ${prose(control.notTested)}.</p>`
      : '';
  return `<section class="control" id="${escapeHtml(control.id)}" aria-labelledby="${escapeHtml(control.id)}-heading">
<h3 id="${escapeHtml(control.id)}-heading">${escapeHtml(control.id)}: ${escapeHtml(control.title)} ${badge(control.result)}</h3>
<p class="facts">Test: <strong>${escapeHtml(control.test)}</strong> · Criteria: ${escapeHtml(control.criteria.join(', '))} · Operation: ${escapeHtml(operationWords[control.operation])}${control.effectiveness ? ` · Operated effectively over the window: ${escapeHtml(effectivenessWords(control.effectiveness))}` : ''}</p>
${why}${deviationsHtml(control)}${control.series.map(seriesHtml).join('\n')}
</section>`;
}

function criterionRow(criterion: WorkpaperCriterion): string {
  const notes = criterion.notes
    .map(
      (note) =>
        `<p><span class="result ${resultTones[note.result]}">${escapeHtml(capitalized(note.heading))}</span>${note.detail ? ` ${prose(note.detail)}` : ''}</p>`,
    )
    .join('');
  return `<tr><th scope="row">${escapeHtml(criterion.id)} <span class="label">${escapeHtml(criterion.label)}</span></th><td>${criterion.controls.map((id) => `<a class="id" href="#${escapeHtml(id)}">${escapeHtml(id)}</a>`).join(', ') || '<span class="muted">None</span>'}</td><td class="note">${notes}</td></tr>`;
}

/** The title and description of each personnel cohort, on the site and in the HTML workpaper. */
export const personnelCohorts = [
  {
    key: 'newHires',
    id: 'new-hires',
    title: 'New hires in the window',
    note: 'Screened before any access, access recorded, first training within 30 days, policies acknowledged.',
  },
  {
    key: 'leavers',
    id: 'leavers',
    title: 'Leavers in the window',
    note: 'Every access removed within the offboarding deadline after the last day of work.',
  },
] as const;

function personHtml(test: PersonnelTest): string {
  const facts = test.facts
    .map((fact) => `<p><strong>${escapeHtml(fact.label)}:</strong> ${escapeHtml(fact.value)}</p>`)
    .join('');
  const notes = [
    ...test.findings.map((finding) => `<p>${prose(finding)}</p>`),
    ...test.exceptions.map(
      (exception) =>
        `<p><strong>Disclosed ${escapeHtml(exception.disclosed)}.</strong> ${escapeHtml(exception.description)}</p><p class="muted">${exception.remediated ? `Remediated ${escapeHtml(exception.remediated)}.` : 'Not yet remediated.'}</p>`,
    ),
  ].join('');
  return `<tr><th scope="row">${escapeHtml(test.name)}<span class="label">${escapeHtml(test.role)}</span></th><td class="date">${escapeHtml(test.date)}</td><td class="note">${facts}</td><td>${badge(test.result)}</td><td class="note">${notes || '<span class="muted">—</span>'}</td></tr>`;
}

function personnelHtml(w: Workpaper): string {
  if (!w.personnel) return '';
  const personnel = w.personnel;
  const tables = personnelCohorts
    .map((cohort) => {
      const tests = personnel[cohort.key];
      const body =
        tests.length === 0
          ? '<p class="muted">None in the window.</p>'
          : `<table class="people"><caption>${escapeHtml(cohort.note)}</caption>
<thead><tr><th scope="col">Person</th><th scope="col">${cohort.id === 'new-hires' ? 'Hired' : 'Left'}</th><th scope="col">Inspected</th><th scope="col">Result</th><th scope="col">Note</th></tr></thead>
<tbody>${tests.map(personHtml).join('\n')}</tbody></table>`;
      return `<h3 id="${cohort.id}">${escapeHtml(cohort.title)} (${tests.length})</h3>\n${body}`;
    })
    .join('\n');
  return `<section aria-labelledby="personnel-heading">
<h2 id="personnel-heading">Personnel</h2>
<p>Every person who joined or left during the window, from the staff register, with the onboarding or offboarding facts on record.</p>
${tables}
</section>`;
}

/** Each count with its label, in the order the summary shows them. */
export function countLines(w: Workpaper): [label: string, value: string][] {
  const c = w.counts;
  return [
    ['Controls tested', `${c.controlsTested} of ${c.controls}`],
    ['Items tested', String(c.itemsTested)],
    ['No exception', String(c.noException)],
    ['Exceptions disclosed', String(c.exceptions)],
    ['Evidence missing', String(c.missing)],
    [
      'Not tested',
      `${c.controlsNotTested} ${c.controlsNotTested === 1 ? 'control' : 'controls'}, ${c.itemsNotTested} sampled ${c.itemsNotTested === 1 ? 'item' : 'items'}`,
    ],
  ];
}

const style = `body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#1b1f24;line-height:1.45;font-size:15px}
h1{margin-bottom:.25rem}h2{margin-top:2.25rem;border-bottom:2px solid #1b1f24;padding-bottom:.2rem}h3{margin:1.75rem 0 .4rem;font-size:1.1rem}
dl.header{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:1rem 0}dl.header dt{font-weight:600}dl.header dd{margin:0}
.facts{margin:.2rem 0 .6rem;font-size:.92em}
.method{border-left:4px solid #8a6d00;background:#fbf6e6;padding:.6rem .9rem}
table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}caption,.caption{text-align:left;padding-bottom:.35rem;font-size:.92em}
th,td{border-bottom:1px solid #d5dbe1;padding:.3rem .5rem;text-align:left;vertical-align:top}thead th{border-bottom:2px solid #9aa4ae;font-size:.88em}
tbody th{font-weight:600}td.evidence{word-break:break-word;max-width:20rem}th .label{display:block;font-weight:400;font-size:.85em;color:#4a535c;white-space:normal}
table.counts{width:auto}table.items{table-layout:fixed}table.items th:nth-child(1){width:13%}table.items th:nth-child(2){width:25%}table.items th:nth-child(3){width:17%}table.criteria{table-layout:fixed}table.people{table-layout:fixed}table.people th:nth-child(1){width:20%}table.people th:nth-child(2){width:10%}table.people th:nth-child(4){width:12%}td.date{white-space:nowrap}table.criteria th:nth-child(1){width:30%}table.criteria th:nth-child(2){width:24%}td.note p{margin:0 0 .3rem}td.note p:last-child{margin:0}
table.counts td{text-align:right;font-variant-numeric:tabular-nums}
.result{display:inline-block;border-radius:.25rem;padding:0 .4rem;font-size:.82rem;font-weight:600;white-space:nowrap;border:1px solid}
.result.ok{background:#e6f4ea;color:#14532d;border-color:#8cc49c}.result.warn{background:#fff4d6;color:#6b4a00;border-color:#e0b84f}
.result.bad{background:#fde8e8;color:#8a1c1c;border-color:#e59a9a}.result.neutral{background:#eef1f4;color:#333b44;border-color:#aab3bc}
.muted{color:#5b646d}.id{white-space:nowrap}.findings{font-size:.9em;color:#4a535c}code{font-size:.9em;word-break:break-all}
footer{margin-top:3rem;font-size:.85em;color:#5b646d;border-top:1px solid #d5dbe1;padding-top:.5rem}
@media print{body{margin:0;max-width:none;font-size:10.5pt}.result{white-space:normal}a{color:inherit;text-decoration:none}.result{border-color:currentColor}
h2,h3{break-after:avoid}tr,.caption{break-inside:avoid}table{break-inside:auto}thead{display:table-header-group}
.control{break-before:auto}}`;

/** The workpaper as a standalone HTML document: no script, no external file, printable. */
export function workpaperHtml(w: Workpaper): string {
  const window = w.window ? `${w.window.start} to ${w.window.end}` : 'none (Type I: design only, no samples)';
  const header: [string, string][] = [
    ['Organization', escapeHtml(w.organization)],
    ['System', escapeHtml(w.system)],
    ['Report', w.window ? 'SOC 2 Type II' : 'SOC 2 Type I'],
    ['Audit window', escapeHtml(window)],
    ['Evaluated as of', escapeHtml(w.asOf)],
    ...(w.auditor ? ([['Service auditor', escapeHtml(w.auditor)]] as [string, string][]) : []),
    [
      'Sample',
      w.sampleRecord
        ? `<code>${escapeHtml(w.sampleRecord.file)}</code>, seed ${w.sampleRecord.seed ?? 'not recorded'}, drawn ${escapeHtml(w.sampleRecord.drawn)}`
        : 'none recorded for the window: run <code>trustbook sample</code>',
    ],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Mock audit workpaper: ${escapeHtml(w.organization)}</title>
<style>${style}</style>
</head>
<body>
<header>
<h1>Mock audit workpaper</h1>
<dl class="header">${header.map(([label, value]) => `<dt>${label}</dt><dd>${value}</dd>`).join('')}</dl>
<p class="method"><strong>Method.</strong> ${prose(methodNote(w))}</p>
</header>
<main>
<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<table class="counts"><caption>Results of the dry run</caption><tbody>
${countLines(w)
  .map(([label, value]) => `<tr><th scope="row">${label}</th><td>${escapeHtml(value)}</td></tr>`)
  .join('\n')}
</tbody></table>
${w.sampleRecord ? `<p class="muted">Selection: ${escapeHtml(w.sampleRecord.method)}</p>` : ''}
</section>
<section aria-labelledby="controls-heading">
<h2 id="controls-heading">Tests of controls</h2>
<p>Each control, with the test it gets, and for each of its evidence series the population, the sampled items, the evidence inspected for each and the result.</p>
${w.controls.map(controlHtml).join('\n')}
</section>
${personnelHtml(w)}
<section aria-labelledby="criteria-heading">
<h2 id="criteria-heading">Summary by criterion</h2>
<table class="criteria"><caption>Every criterion in scope, the controls in operation that address it, and what an auditor would likely note</caption>
<thead><tr><th scope="col">Criterion</th><th scope="col">Controls</th><th scope="col">Likely noted</th></tr></thead>
<tbody>${w.criteria.map(criterionRow).join('\n')}</tbody></table>
</section>
</main>
<footer>Generated by <code>trustbook audit</code> from the program's records as of ${escapeHtml(w.asOf)}. A dry run, not an audit opinion.</footer>
</body>
</html>
`;
}

export const workpaperHeader = [
  'control',
  'criteria',
  'test',
  'series',
  'population size',
  'item',
  'evidence',
  'result',
  'note',
] as const;

/** One row per sampled item; a series or control with nothing sampled gets one row with the item empty. */
export function workpaperCsv(w: Workpaper): string {
  const rows = w.controls.flatMap((control) => {
    const base = [control.id, control.criteria.join('; '), control.test];
    if (control.series.length === 0) {
      return [[...base, '', '', '', '', control.result, control.notTested ?? '']];
    }
    return control.series.flatMap((series) =>
      series.items.length === 0
        ? [[...base, series.id, series.population.size, '', '', 'not tested', series.notTested ?? '']]
        : series.items.map((item) => [
            ...base,
            series.id,
            series.population.size,
            item.item,
            item.evidence.map((entry) => entry.ref).join('; '),
            item.result,
            item.note,
          ]),
    );
  });
  for (const cohort of personnelCohorts) {
    for (const test of w.personnel?.[cohort.key] ?? []) {
      rows.push([
        `personnel: ${cohort.id}`,
        '',
        'inspection',
        '',
        w.personnel![cohort.key].length,
        test.person,
        test.facts.map((fact) => `${fact.label}: ${fact.value}`).join('; '),
        test.result,
        [
          ...test.findings,
          ...test.exceptions.map((exception) => `Disclosed ${exception.disclosed}: ${exception.description}`),
        ].join(' '),
      ]);
    }
  }
  return toCsv(workpaperHeader, rows);
}
