/**
 * The reference of finding codes, docs/diagnostics.md, written from the catalogue: each code's row, grouped in
 * sections by number, with the prose that explains a section's codes together. scripts/diagnostics-doc.ts writes
 * the file; test/docs.test.ts fails when the checked-in file is not what this writes.
 */
import { catalogue, type FindingData, type FindingSeverity, type FindingStep } from './catalogue.ts';

interface Section {
  heading: string;
  /** The first and last code the section may hold (inclusive). */
  from: string;
  to: string;
  /** Prose before the table. */
  intro?: string;
  /** Paragraphs after the table. */
  after?: string[];
}

const sections: readonly Section[] = [
  {
    heading: 'Files (TB001–TB019)',
    from: 'TB001',
    to: 'TB019',
  },
  {
    heading: 'Partner workspaces (TB020–TB039)',
    from: 'TB020',
    to: 'TB039',
    intro: [
      'Raised by `trustbook sync`, `check --workspace` and the other workspace commands (docs/workspace.md), about a',
      'client of the workspace rather than a file of one program: each names the client, and its file is a path from',
      'the workspace folder. A client with an error is left as it is by sync, which is all or nothing per client.',
    ].join('\n'),
  },
  {
    heading: 'Schema (TB1xx)',
    from: 'TB101',
    to: 'TB199',
  },
  {
    heading: 'Identity and references (TB2xx)',
    from: 'TB201',
    to: 'TB299',
    after: [
      [
        'TB202 and TB104 suggest what was probably meant: `CC6.10` gets "did you mean `CC6.1`", `Quarterly` gets',
        '`quarterly`, `semi-annual` gets `semiannual`, `event-driven` gets `per-event`.',
      ].join('\n'),
    ],
  },
  {
    heading: 'Coverage and required documents (TB3xx)',
    from: 'TB301',
    to: 'TB399',
    after: [
      [
        'TB320 and TB321 are warnings while the program is set up and errors from the first day of the audit window (or',
        'the Type I date). Nothing half-written is published: the trust center leaves out a document holding a',
        'placeholder (a public policy, a trust page, a published practice) until it is filled, and a `contact` or',
        '`website` still at example.com means no security.txt, contact line, sitemap or subprocessor feed. A public',
        'subprocessor cannot be left out of the list customers are owed, so a placeholder in its public fields is an error at',
        'once. The private sites show each `<Todo>` as a "To do" box.',
      ].join('\n'),
      [
        'A policy counts as one of the required documents (TB302) only once it is in force: `effective` on or before',
        'the evaluation date. A control counts towards coverage (TB301) only while it is in operation: `implemented`',
        '(when given) on or before the evaluation date, and not yet `retired`.',
      ].join('\n'),
    ],
  },
  {
    heading: 'Missing evidence (TB4xx)',
    from: 'TB401',
    to: 'TB499',
    after: [
      [
        'Evidence is required only of controls in operation: a series whose controls are all `planned` or',
        '`not-applicable` is not checked for completeness. In readiness mode (`readiness: true` in program.yaml),',
        'before the audit window opens (or, for Type I, before the report date), TB401–TB404, TB502, TB601 and TB605',
        'are warnings marked `deferred` in the JSON output; from the first day of the window they are errors again,',
        'and TB801 says that readiness mode no longer applies.',
      ].join('\n'),
    ],
  },
  {
    heading: 'Expiry, vendors, staff and the trust center (TB501–TB538)',
    from: 'TB501',
    to: 'TB539',
    after: [
      [
        "TB504 honours a bridge letter: a report is current until `period_end` + 12 months, or until the letter's",
        '`covers_until` if that is later.',
      ].join('\n'),
    ],
  },
  {
    heading: 'Branding (TB540–TB544)',
    from: 'TB540',
    to: 'TB549',
    intro: [
      '`brand:` in `content/program.yaml` names the logo and favicon (files in `public/`, which every site serves as',
      'they are) and the accent colour of links, buttons and focus rings.',
    ].join('\n'),
  },
  {
    heading: 'Grant keys (TB550–TB551)',
    from: 'TB550',
    to: 'TB599',
  },
  {
    heading: 'Type II (TB6xx)',
    from: 'TB601',
    to: 'TB699',
    after: [
      [
        "An artifact evidences one occurrence: the period of the series' frequency in which it was `performed` (else",
        "`collected`). Grace days after a period's end, before its artifact is missing or its occurrence late: 1 for a",
        'day, 3 for a week, 10 for a month, 30 for a quarter, half or year. A period that ended before the control was',
        '`implemented`, or after it was `retired`, is not required.',
      ].join('\n'),
    ],
  },
  {
    heading: 'Integrity (TB7xx)',
    from: 'TB701',
    to: 'TB799',
  },
  {
    heading: 'Dates that cannot be true, and the audit itself (TB8xx)',
    from: 'TB801',
    to: 'TB899',
  },
  {
    heading: 'Fieldwork (TB901–TB909)',
    from: 'TB901',
    to: 'TB909',
    intro: [
      'The sample `trustbook sample` records in `evidence-index/samples/`, tied out to the evidence (docs/sampling.md).',
    ].join('\n'),
  },
  {
    heading: 'Request lists (TB910–TB919)',
    from: 'TB910',
    to: 'TB999',
    intro: [
      "The audit firm's request list, imported into `content/requests/` by `trustbook requests import` (docs/content-model.md).",
    ].join('\n'),
  },
];

const opening = [
  'Every finding of `trustbook check` (and of `npm run build`) has a severity, a code, the file, the line',
  'where one applies, a message and a fix. Errors fail the check (exit code 1); warnings do not.',
  'The same code is a warning when something is due within `warn_within_days` and an error once it is past due.',
].join('\n');

const columns = [
  'In each table, **severity** is how the code is raised: an error, a warning, an error that readiness mode',
  'reports as a warning (marked `deferred`), or either, as the case decides. **Step** is the step of',
  '`trustbook todo` (and of the readiness page) the finding keeps open: scope, gaps, controls, policies,',
  "training, risks, evidence, vendors or audit; *the document's* when it is the step of the document the",
  'finding is about; — when it keeps no step open, on purpose. **Fails a control** marks the codes that make',
  'a control "failing" wherever its status is shown (the trust center, the control matrix, the request list',
  'and the workpaper).',
].join('\n');

const severityLabels: Record<FindingSeverity, string> = {
  error: 'error',
  warning: 'warning',
  deferrable: 'error (deferred in readiness mode)',
  varies: 'error or warning',
};

const stepLabel = (step: FindingStep) => (step === null ? '—' : step === 'document' ? "the document's" : step);

/** The anchor of a code's row in docs/diagnostics.md, which `trustbook check` links each finding to. */
export const referenceAnchor = (code: string) => code.toLowerCase();

function row(code: string, data: FindingData): string {
  const retired = data.retired ? ` **Retired ${data.retired.since}**: ${data.retired.why}` : '';
  const cells = [
    `<a id="${referenceAnchor(code)}"></a>${code}`,
    data.title,
    data.meaning + retired,
    severityLabels[data.severity],
    stepLabel(data.step),
    data.failsControl ? 'yes' : '',
    data.fix,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** The whole of docs/diagnostics.md. Throws when a code falls in no section, so none goes unlisted. */
export function renderReference(): string {
  const entries = Object.entries(catalogue) as [string, FindingData][];
  const placed = new Set<string>();
  const parts = [
    '# Diagnostic codes',
    '<!-- Written by scripts/diagnostics-doc.ts from src/engine/findings/catalogue.ts: edit the catalogue, then run `node_modules/.bin/node scripts/diagnostics-doc.ts`. -->',
    opening,
    columns,
  ];
  for (const section of sections) {
    const inSection = entries.filter(([code]) => code >= section.from && code <= section.to);
    for (const [code] of inSection) placed.add(code);
    parts.push(`## ${section.heading}`);
    if (section.intro) parts.push(section.intro);
    parts.push(
      [
        '| code | title | meaning | severity | step | fails a control | how to fix it |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...inSection.map(([code, data]) => row(code, data)),
      ].join('\n'),
    );
    parts.push(...(section.after ?? []));
  }
  const unplaced = entries.map(([code]) => code).filter((code) => !placed.has(code));
  if (unplaced.length > 0) throw new Error(`no section of the reference holds ${unplaced.join(', ')}`);
  return `${parts.join('\n\n')}\n`;
}
