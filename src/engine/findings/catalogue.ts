/**
 * The catalogue of finding codes: the one place a code's meaning lives. Each entry gives the code's title, the
 * severity it is raised with, the to-do step it keeps open, whether it makes a control "failing", the `<Check
 * rule>` it unticks, the reference text docs/diagnostics.md is generated from, and the words of every finding
 * of the code: its message and hint, worked out from the values the raise site passes to `finding()`. No other
 * file writes them (test/architecture/findings-through-catalogue.test.ts).
 *
 * Codes are permanent. A code that no longer applies is retired (`retired:`), never deleted and never given a
 * new meaning: users search for it, and old reports name it. test/engine/finding-catalogue.test.ts holds the
 * list of every code ever issued and fails when one disappears or a retired one is raised.
 */
import type { Frequency } from '../../schema/index.ts';
import type { CheckRule } from '../checklist-bindings.ts';
import { plural } from '../words.ts';
import type { YamlSyntax } from '../yaml-errors.ts';

/** The steps of `trustbook todo`, in the order of the SOC 2 checklist (src/engine/todo.ts lists them). */
export type TodoStepId =
  'scope' | 'gaps' | 'controls' | 'policies' | 'training' | 'risks' | 'evidence' | 'vendors' | 'audit';

/**
 * How a code is raised: always an error or always a warning; `deferrable`, an error that readiness mode
 * reports as a warning marked `deferred`; or `varies`, when the case decides (due soon or overdue, say).
 */
export type FindingSeverity = 'error' | 'warning' | 'deferrable' | 'varies';

/**
 * The to-do step a code keeps open: one of `trustbook todo`'s steps; `document`, the step of the document the
 * finding is about (a placeholder in a policy keeps the policies open); or `null`, in no step on purpose (the
 * file cannot be read, it concerns the trust center's publishing and not the SOC 2 checklist, or there is
 * nothing left to do).
 */
export type FindingStep = TodoStepId | 'document' | null;

export interface FindingData {
  /** A few words, shown in summaries and the reference. */
  title: string;
  severity: FindingSeverity;
  step: FindingStep;
  /** True when the finding says a control's evidence does not show it operating: the control is "failing". */
  failsControl: boolean;
  /** The `<Check rule="…">` item the finding keeps unticked, if any. */
  checklistRule?: CheckRule;
  /** What the code means, for the reference (Markdown). */
  meaning: string;
  /** How to fix it in general, for the reference (Markdown); a finding's own hint is more specific. */
  fix: string;
  /** The finding's message, from the values the raise site passes. */
  message?: (...args: never) => string;
  /** The finding's hint: the same for every finding of the code, or worked out from the message's values. */
  hint?: string | ((...args: never) => string);
  /** Set once the code is no longer raised: the day, and why. The entry stays; the code is never reused. */
  retired?: { since: string; why: string };
}

type Span = { start: string; end: string };

/** TB307: how the assertion and the audit disagree. */
export type AssertionMismatch =
  | { field: 'period'; asserted: Span | undefined; window: Span }
  | { field: 'date'; date: string; windowEnd: string }
  | { field: 'as_of'; asserted: string | undefined; reportDate: string };

/** TB212: what an answer cites that does not exist, or that it cites nothing. */
export type MissingCitation =
  | { what: 'policy' | 'control' | 'document'; id: string }
  | { what: 'section'; policy: string; section: string; known: string[] }
  | { what: 'nothing' };

const citedNouns = { policy: 'policy', control: 'control', document: 'trust document' };
const citable = {
  policy: 'a policy of policies/',
  control: 'a control of content/controls/',
  document: 'a document of content/trust/documents/',
};

/** TB213: what an answer cites that it may not rest on, or that its audience may not see. */
export type UnfitCitation =
  | { what: 'unpublished-policy'; id: string }
  | { what: 'not-in-operation'; id: string; status: string; retired: string | undefined }
  | { what: 'undescribed-control'; id: string };

/**
 * TB544: the accent as written (empty when YAML read nothing), and the colour it means when it can be read: as
 * hex, and a shade of it that passes the contrast (the same hex when it passes already) with that shade's ratio.
 */
export interface AccentProblem {
  written: string;
  meant?: { hex: string; better: string; betterRatio: string } | undefined;
}

/** TB533: why a grant cannot give a document, by its id (when it does not exist) or its title. */
export type UngivableDocument =
  { what: 'unknown'; id: string } | { what: 'public' | 'elsewhere' | 'not-pdf'; title: string };

/**
 * TB532: a trust document's file missing from `dir`, or its validity ended (`days` until it ends, when it has
 * not yet).
 */
export type TrustDocumentProblem =
  { file: string; dir: string } | { title: string; validUntil: string; days?: number | undefined };

/**
 * TB513: a leaver's access removal not recorded by its deadline, or recorded after it (`days`: the days after
 * leaving the program allows).
 */
export type AccessRemoval =
  { left: string; deadline: string } | { left: string; deadline: string; removed: string; days: number };

/** TB905: how a sample record differs from its redraw, or the draw of a series it leaves out. */
export type Redraw = { difference: string } | { controls: string[]; size: number; population: number };

const REDRAW_HINT =
  'Never edit a drawn sample: draw it again with `trustbook sample --redraw` (or `--control ID` for one control) and record the evidence of the items it selects.';

/** TB331 and TB332: a category in scope without the document it needs, named with the criterion it addresses. */
const documentOfCategory = {
  message: (label: string, criterion: string, name: string) =>
    `${label} is in scope, but no policy in force addresses ${criterion}: the ${name} are missing`,
  hint: (_label: string, criterion: string, name: string, category: string) =>
    `Write the ${name} as a policy with \`criteria: [${criterion}]\` (and publish what customers and data subjects must read), or take ${category} out of scope.`,
};

/** TB201: an id used twice, by two documents of one kind, or by two roles or staff members. */
export type DuplicateId = { of: 'document'; kind: string; id: string; also: string } | { of: 'people'; id: string };

/** TB202: what an unknown criterion id may have meant: the same id in upper case, or the closest one. */
export type CriterionSuggestion = { upper: string } | { closest: string | undefined };

/** TB210: a point of focus that does not exist, or that belongs to a criterion the control does not address. */
export type PointOfFocusProblem =
  | { what: 'unknown'; id: string; criterion: string; count: number }
  | { what: 'elsewhere'; id: string; criterion: string; control: string };

/** TB203, TB204, TB205 and TB207: a reference to an id no document of its kind has. */
const unknownReference = {
  message: (noun: string, id: string) => `no ${noun} has the id \`${id}\``,
  hint: (_noun: string, _id: string, suggestion: string | undefined, folder: string) =>
    suggestion ? `Did you mean \`${suggestion}\`?` : `Create it in ${folder} or correct the id.`,
};

/** TB314 and TB315: criteria left uncovered by one cause over the same days, `span` in words. */
export interface UncoveredStretch {
  criteria: readonly { id: string; label: string }[];
  span: string;
  /** The controls addressing them, listed. */
  controls: string;
}

const criteriaNamed = ({ criteria }: UncoveredStretch) =>
  criteria.length === 1
    ? `${criteria[0]!.id} (${criteria[0]!.label})`
    : `${criteria.length} criteria (${criteria.map((criterion) => criterion.id).join(', ')})`;

/** The first `max` items, listed, and how many more there are. */
const someOf = (items: readonly string[], max: number) => {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
};

const CONTENT_MODEL_DOCS = 'See docs/content-model.md for every field.';

/**
 * TB104: a value the schema refuses (`issue`, the schema's words; `suggestion`, one of the `accepted` values it
 * may have meant), an ISO week its year does not have, or a document whose fields are not a mapping.
 */
export type BadValue =
  | { what: 'schema'; field: string; issue: string; accepted: readonly string[]; suggestion: string | undefined }
  | { what: 'week'; period: string }
  | { what: 'not-mapping'; noun: string };

/** TB601: the period of a series with no artifact; for an annual series, the window it has none in. */
export type MissingPeriod =
  { annual: true; window: Span } | { annual: false; period: Span & { label: string }; frequency: string };

/** TB603: an artifact collected before the control was performed, or dated before the period it claims. */
export type EarlyArtifact =
  | { collectedFirst: true; collected: string; performed: string | undefined }
  | { collectedFirst: false; dated: string; claimed: Span & { label: string } };

/**
 * TB405: a population outside the audit window, exported before its period ended, or (kept as CSV) listing
 * another number of events than its `rows`.
 */
export type PopulationProblem =
  | { what: 'outside'; source: string; period: string; window: Span }
  | { what: 'early'; source: string; exported: string; end: string }
  | { what: 'rows'; file: string; listed: number; rows: number };

/**
 * TB408: a cohort named by a series that is not per-event, or an export and the staff register that disagree
 * (`label`: the cohort in words; the people each side lists that the other does not, described).
 */
export type CohortProblem =
  | { what: 'not-per-event'; series: string; cohort: string; frequency: string }
  | {
      what: 'disagree';
      series: string;
      register: string;
      cohort: string;
      label: string;
      notInRegister: readonly string[];
      notExported: readonly string[];
    };

/** TB409: a `date_column` the export does not have, or rows (described) dated outside the population's period. */
export type RowDateProblem =
  | { what: 'no-column'; file: string; column: string; columns: readonly string[] }
  | { what: 'outside'; file: string; rows: readonly string[]; period: Span };

/**
 * TB501 to TB507 and TB509, from a deadline: what falls due (a phrase), the day, how many days off or past it
 * that is, and the deadline's hint (`deadlineHints`).
 */
export interface DueDate {
  what: string;
  due: string;
  days: number;
  overdue: boolean;
  hint: string;
}

const dueDate = {
  message: ({ what, due, days, overdue }: DueDate) =>
    overdue ? `${what} was due ${due}, ${plural(days, 'day')} ago` : `${what} is due ${due}, in ${plural(days, 'day')}`,
  hint: (due: DueDate) => due.hint,
};

/** What to do about each kind of deadline: the hint of its finding, and of `check --upcoming`'s list. */
export const deadlineHints = {
  TB501: 'Review the policy, then set `approved:` to the approval date (and bump `version` if it changed).',
  TB502: (frequency: string, maxAge: number) =>
    `Collect current evidence and add it under \`artifacts:\`. A ${frequency} series is stale ${maxAge} days after its newest artifact.`,
  TB503: 'Review the vendor (assurance report, contract, access), then set `reviewed:` to the review date.',
  /** `renewal`: what the vendor's assurance is, a report for a period or a certificate that expires. */
  TB504: (renewal: 'report' | 'certificate') =>
    renewal === 'report'
      ? "Obtain the vendor's current report (or a bridge letter) and update `assurance.period_end` (or `assurance.bridge_letter`)."
      : "Obtain the vendor's renewed certificate and update `assurance.expires`.",
  TB505: 'Review the risk (likelihood, impact, treatment, controls), then set `reviewed:` to the review date.',
  TB506: 'Finish the treatment and remove `due`, or agree a new date with the risk owner and set it.',
  TB507: 'Record the completion date under `trainings:` on the staff record.',
  TB509: 'Review the description against the system as it is, then set `reviewed:` to the review date.',
};

/** TB507 from the people rule: a new hire's first training after it was due, or a leaver who never had it. */
export type LateTraining = { person: string; due: string } & (
  { trained: string; hired: string; graceDays: number } | { left: string | undefined }
);

/** TB520: an acknowledgement due soon, or overdue (for a leaver, on the day they `left`). */
export type AcknowledgementDue = { person: string; policy: string; major: string; due: string; days: number } & (
  { state: 'due' } | { state: 'overdue'; current: boolean; left: string | undefined }
);

/** TB522: an acknowledgement naming a person not on staff (`file`: the people file), or a policy that does not exist. */
export type UnknownAcknowledged =
  | { what: 'person'; id: string; file: string; suggestion: string | undefined }
  | { what: 'policy'; id: string; suggestion: string | undefined };

/** TB523: an acknowledgement dated in the future, or before the person was hired. */
export type ImpossibleAcknowledgement = { person: string; policy: string; date: string } & (
  { what: 'future'; asOf: string } | { what: 'before-hire'; hired: string }
);

/**
 * TB808: a control retired before it was implemented, implemented only after the evaluation date, or not
 * implemented yet dated (`field`: the date it has).
 */
export type ControlDates =
  | { what: 'retired-first'; control: string; retired: string; implemented: string }
  | { what: 'not-yet'; control: string; implemented: string }
  | { what: 'not-implemented'; control: string; status: string; field: 'implemented' | 'retired' };

/**
 * TB320 and TB321: a placeholder left in a document or the program (`field`, when it is a field's value). For a
 * document, `reach` says what the trust center does about it; for a program field, `programField` names it.
 */
export interface PlaceholderLeft {
  field: string | undefined;
  text: string;
  reach?: 'withheld' | 'published' | 'private' | undefined;
  programField?: string | undefined;
}

/** What the trust center leaves out while a program field holds a template default. */
const programFieldEffects: Record<string, string> = {
  contact: 'the trust center publishes no security.txt and no contact address until it is yours',
  website: 'the trust center publishes no sitemap and no subprocessor feed until it is yours',
  trust_center_url: 'the trust center publishes no sitemap and no subprocessor feed until it is yours',
};

/** How much of a placeholder's text a message quotes. */
const SHOWN_PLACEHOLDER = 70;

const placeholderLeft = (todo: boolean) => ({
  message: (left: PlaceholderLeft) => {
    const where = left.field ? `\`${left.field}\` ` : '';
    const text = left.text.length > SHOWN_PLACEHOLDER ? `${left.text.slice(0, SHOWN_PLACEHOLDER - 1)}…` : left.text;
    const described = todo
      ? `${where}still to write: "${text}"`
      : `${where}still holds the template default ${left.text}`;
    if (left.programField !== undefined) {
      const effect = programFieldEffects[left.programField];
      return `${described}${effect ? `: ${effect}` : ''}`;
    }
    return `${described}${
      left.reach === 'withheld'
        ? '; the trust center leaves this document out until it is done'
        : left.reach === 'published'
          ? '; the trust center lists this subprocessor, so the placeholder would be published'
          : ''
    }`;
  },
  hint: (left: PlaceholderLeft) =>
    todo
      ? left.field
        ? 'Replace the TODO value with the real one.'
        : 'Write the text the `<Todo>` asks for in its place, and remove the `<Todo>` element.'
      : left.field
        ? 'Write your own address or site in place of the example.com one.'
        : 'Write your own address or site; an example meant as such goes in code: `user@example.com`.',
});

/**
 * TB008: a file in a document folder that is never read: the kind's folder (`path`; `single` when the kind is
 * one file), whether it sits in a sub-folder, its ending and the endings read, and where it belongs (`target`,
 * `taken` when a file is there already).
 */
export interface UnreadFile {
  noun: string;
  path: string;
  single: boolean;
  nested: boolean;
  ending: string;
  endings: string;
  target: string;
  taken: boolean;
}

const readOnly = (file: UnreadFile) =>
  file.single
    ? `the ${file.noun} is read only from ${file.path}`
    : `documents are read only directly inside ${file.path}/, with the ending ${file.endings}`;

/** Every code, in numeric order. */
export const catalogue = {
  TB001: {
    title: 'YAML syntax error',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (syntax: YamlSyntax) => {
      const at = syntax.column === undefined ? '' : ` (column ${syntax.column})`;
      switch (syntax.what) {
        case 'tab':
          return `the line is indented with a tab${at}; YAML indents with spaces only`;
        case 'unclosed-quote':
          return `the value opened with ${syntax.quote} on this line${at} is never closed`;
        case 'unclosed-bracket':
          return `the ${syntax.bracket === '[' ? 'list' : 'map'} opened with ${syntax.bracket} on this line${at} is never closed with ${syntax.bracket === '[' ? ']' : '}'}`;
        case 'duplicate-key':
          return `\`${syntax.key}\` is given twice in the same place${at}; YAML allows each key once`;
        case 'colon-in-value':
          return `a colon inside the unquoted value of \`${syntax.key}\`${at}: YAML reads it as the start of another key`;
        case 'reserved-start':
          return `a value cannot start with \`${syntax.character}\`${at} unless it is quoted`;
        case 'item-indent':
          return `this list item is indented differently from the items of its list${at}`;
        case 'key-indent':
          return `the indentation of this key${at} does not match the keys beside it`;
        case 'no-space-after-colon':
          return `\`${syntax.key}:\` needs a space after its colon${at}`;
        case 'parser':
          return `${syntax.reason}${at}`;
      }
    },
    hint: (syntax: YamlSyntax) => {
      switch (syntax.what) {
        case 'tab':
          return 'Replace the tab at the start of the line with spaces, as many as the lines around it use (most editors can show tabs).';
        case 'unclosed-quote':
          return `Add the closing ${syntax.quote} at the end of the value; a ${syntax.quote} inside it is written ${syntax.quote === '"' ? '\\"' : "''"}.`;
        case 'unclosed-bracket':
          return `Add the closing ${syntax.bracket === '[' ? ']' : '}'} after the last entry, on the same line or one indented below it.`;
        case 'duplicate-key':
          return `Keep one \`${syntax.key}\`: delete the other, or merge what it says into the one you keep.`;
        case 'colon-in-value':
          return `Quote the value: \`${syntax.key}: "…: …"\`, with the whole value between double quotes.`;
        case 'reserved-start':
          return 'Put the value in double quotes.';
        case 'item-indent':
          return 'Start each `-` of one list in the same column, under the first item of the list.';
        case 'key-indent':
          return 'Indent the key as far as the keys of the same mapping: the line above shows where they start.';
        case 'no-space-after-colon':
          return `Write \`${syntax.key}: value\`, with a space after the colon.`;
        case 'parser':
          return 'Fix the YAML syntax on that line: check indentation, a missing space after `:`, and quote values that contain `: ` or start with a special character.';
      }
    },
    meaning:
      'YAML syntax error in frontmatter or a YAML file, on the line to fix: a tab in the indentation, a quote or bracket never closed, a key given twice, a colon inside an unquoted value, a list item or key out of line',
    fix: 'Do as the finding says on the line named: replace tabs with spaces, close the quote or bracket, keep one of two keys, quote a value that contains `: ` or starts with a special character, line up the items',
  },
  TB002: {
    title: 'Frontmatter is not closed',
    severity: 'error',
    step: null,
    failsControl: false,
    message: () => 'the frontmatter opened on line 1 is never closed with `---`',
    hint: 'Close the frontmatter with a line holding only `---`.',
    meaning: 'Frontmatter opened with `---` is never closed',
    fix: 'Add a line holding only `---` after the fields',
  },
  TB003: {
    title: 'File is not UTF-8 text',
    severity: 'error',
    step: null,
    failsControl: false,
    message: () => 'the file is not valid UTF-8 text',
    hint: 'Save the file as UTF-8 (most editors offer "Save with encoding").',
    meaning: 'The file is not UTF-8 text',
    fix: 'Save it as UTF-8',
  },
  TB004: {
    title: 'No frontmatter',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (empty: boolean) => (empty ? 'the file is empty' : 'the file does not start with `---` frontmatter'),
    hint: 'Start the file with a `---` line, the YAML fields, and another `---` line. See docs/content-model.md.',
    meaning: 'The file is empty or does not start with `---` frontmatter',
    fix: 'Start with `---`, the fields, and `---`',
  },
  TB005: {
    title: 'Required file missing',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (file: 'program' | 'people') =>
      file === 'program'
        ? 'the program file is missing'
        : 'the people file is missing: owners and approvers cannot be checked',
    hint: (file: 'program' | 'people') =>
      file === 'program'
        ? 'Create content/program.yaml (`trustbook init` writes one). See docs/content-model.md.'
        : 'Create content/people.yaml with `roles:` and `staff:`. See docs/content-model.md.',
    meaning: '`content/program.yaml` or `content/people.yaml` is missing',
    fix: 'Create it (`trustbook init` writes both)',
  },
  TB006: {
    title: 'File cannot be read',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `reason`: what reading the file reported. */
    message: (reason: string) => `the file could not be read (${reason})`,
    hint: 'Check that it is a readable file: its permissions, or where a link points.',
    meaning: 'A file could not be read',
    fix: 'Check permissions',
  },
  TB007: {
    title: 'MDX syntax error',
    severity: 'error',
    step: null,
    failsControl: false,
    /**
     * The body's syntax problem as body-syntax.ts words it: the parser's message, or a plain explanation of it
     * (an HTML comment, a stray `<` or `{`, a tag never closed), with the fix.
     */
    message: (problem: { message: string; hint: string }) => problem.message,
    hint: (problem: { message: string; hint: string }) => problem.hint,
    meaning:
      'The body is not valid MDX, so the build would fail on it (`<insert email here>`, `{{.Name}}`, an unclosed `<div>`, an HTML comment)',
    fix: 'Escape the character (`\\<`, `\\{`) or write the text as code; the message names the line',
  },
  TB008: {
    title: 'Document not read',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (file: UnreadFile) =>
      `this file is never read, so the ${file.noun} in it is neither checked nor published: ${
        file.single
          ? `it is not named ${file.path}`
          : file.nested
            ? `it is in a sub-folder of ${file.path}/`
            : `its ending \`${file.ending}\` is not read (only ${file.endings}, in lower case)`
      }`,
    hint: (file: UnreadFile) =>
      !file.taken
        ? `${file.nested ? 'Move' : 'Rename'} it to ${file.target}: ${readOnly(file)}.`
        : file.single
          ? `Merge what it holds into ${file.target} and delete it: ${readOnly(file)}.`
          : `${file.nested ? 'Move' : 'Rename'} it to a name not yet taken in ${file.path}/ (${file.target} exists): ${readOnly(file)}.`,
    meaning:
      'A file in a document folder that is never read (a sub-folder, or an ending such as `.MDX` or `.markdown`)',
    fix: 'Move it to the folder named, with the ending `.mdx` or `.md`',
  },
  TB009: {
    title: 'Code in a body of a content-only program',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `components`: the components a content-only body may use, listed as `<Check>, <Todo>`. */
    message: (what: string) => `${what} would run when the site is built, and the program is content-only`,
    hint: (_what: string, components: string) =>
      `Write it as text: Markdown, HTML without scripts or handlers, and ${components} with plain "quoted" ` +
      'attributes; `\\{` for a brace; a comment as `{/* comment */}`. If the body truly needs code, trust ' +
      'its authors as build operators and set `content_only: false` (docs/security.md says what that opens).',
    meaning:
      'The program is content-only (`content_only: true`) and an MDX body holds code that the build would run: an `import`/`export` statement, a `{ }` expression that is not only a comment, an attribute written `{...}`, a component other than `<Check>` and `<Todo>`, a `<script>`-like element or an `on…` handler',
    fix: 'Write it as text (`\\{` for a brace, `{/* comment */}` for a comment, plain `"quoted"` attributes), or, if the body truly needs code, set `content_only: false` and trust its authors as build operators',
  },
  TB010: {
    title: 'Link with a script or data address',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (where: string, address: string) =>
      `${where} goes to "${address}", which runs script or opens a page of its own in the reader's browser`,
    hint: 'Link to an https: address or a page of the site; put an image in public/ and link to it by its path.',
    meaning:
      "A link or image in a body (Markdown `[text](…)`, a reference definition, or an HTML/JSX `href`/`src`) whose address is `javascript:`, `vbscript:` or `data:` (a `data:` image of PNG, GIF, JPEG or WebP is allowed): a reader's click would run script, or open a page the trust center does not serve",
    fix: 'Link to an `https:` address (or a page of the site); put an image file in `public/`',
  },
  TB011: {
    title: 'Trust file is not what its path says',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `reason`: what the file is instead; `dir`: the folder trust files are kept in. */
    message: (file: string, reason: string) => `the file ${file} is ${reason}, so the trust center will not publish it`,
    hint: (_file: string, _reason: string, dir: string) =>
      `Put the document itself (a real PDF, exported again if need be) in ${dir}/ as a plain file, and name it by that path.`,
    meaning:
      "A trust document's `file:` is not a plain file in `content/trust/files/`: a path out of the folder, through a dot-folder (`.git/`) or with `..`, a symbolic link (or a path through one), or a `.pdf` that does not start with `%PDF-` (an HTML page saved as `.pdf`, say). The build copies or encrypts the file byte for byte, so it would publish whatever the link or path leads to",
    fix: 'Put the document itself in `content/trust/files/` as a plain file and name it by that path; export a PDF again if it is not one',
  },
  TB012: {
    title: 'Unresolved merge conflict',
    severity: 'error',
    step: 'document',
    failsControl: false,
    message: (opened: number, closed: number) =>
      `the body holds merge conflict markers (lines ${opened} to ${closed}): two versions of the text side by side, which the sites would publish as they are`,
    hint: 'Keep the text the document should say, delete the other version and the marker lines (<<<<<<<, |||||||, =======, >>>>>>>), then check again.',
    meaning:
      'A body holds the conflict markers git or `trustbook sync --markers` writes (a line starting `<<<<<<<`, later one starting `>>>>>>>`): both versions would be published, and Markdown reads the markers as text and a heading underline, so nothing else catches them',
    fix: 'Resolve the conflict: keep the right text, remove the other version and the four kinds of marker line',
  },
  TB013: {
    title: 'Body expression names something undefined',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `where`: the expression as written, `{year}` or `control={id}`. */
    message: (name: string, where: string) =>
      `\`${where}\` reads \`${name}\`, which nothing defines when the page is built: the build would stop on this page with "${name} is not defined"`,
    hint: (name: string) =>
      `Write the text itself, or \`\\{${name}\\}\` to show the braces; or define it in the body (\`export const ${name} = …\`). A body's expressions can read \`frontmatter\` (the document's own fields) and JavaScript's built-ins.`,
    meaning:
      'An expression in an MDX body (`{year}`, or an attribute written `{…}`) reads a name the build does not define: not `props`, `frontmatter`, a name the body imports or exports, nor a JavaScript global. The page would throw while the site is built. Reported for programs that allow code in bodies; a content-only program reports every expression as TB009',
    fix: 'Write the value as text, escape the braces (`\\{year\\}`), or define the name in the body with `export const`',
  },
  TB014: {
    title: 'Body uses a component it is not given',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `components`: the components bodies are rendered with, listed as `<Check>, <Todo>`. */
    message: (element: string, components: string) =>
      `the component \`${element}\` is neither one bodies are rendered with (${components}) nor imported in the body: the build would stop on this page`,
    hint: (element: string) =>
      `Import it at the top of the body (\`import Chart from '../src/Chart.astro'\`), or write \`${element.replace(/^</, '&lt;')}\` as text if it is not a component.`,
    meaning:
      'An MDX body uses a component (`<Chart />`, a capitalised or dotted element name) that it does not import and that is not one of the components bodies are rendered with (`<Check>`, `<Todo>`): MDX throws "Expected component to be defined" while the site is built. Reported for programs that allow code in bodies; a content-only program reports it as TB009',
    fix: 'Import the component in the body, or write the angle bracket as text (`&lt;`)',
  },
  TB020: {
    title: 'Client folder is not a program',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `path`: the client's folder, relative to the workspace. */
    message: (client: string, path: string) =>
      `the folder ${path} of client "${client}" is not a program (it has no content/program.yaml), so it is neither checked nor synced`,
    hint: (client: string, path: string) =>
      `Correct the client's \`path:\` in trustbook.workspace.yaml, or remove the entry and run \`trustbook client add ${client}\`, which creates the program in ${path} from the library.`,
    meaning:
      'A client of `trustbook.workspace.yaml` whose `path:` holds no `content/program.yaml`: a typo in the path, or a folder moved away. The client is left alone rather than checked file by file, which would only list every missing document',
    fix: 'Correct the `path:`, or add the client with `trustbook client add NAME`, which creates its program',
  },
  TB021: {
    title: 'Library document gone',
    severity: 'warning',
    step: null,
    failsControl: false,
    /** `layer` and `version`: where the client last took the document from. */
    message: (client: string, path: string, layer: string, version: string) =>
      `client "${client}" took ${path} from ${layer} ${version}, and the library no longer has it: the client's copy is now its own and no longer synced`,
    hint: (client: string) =>
      `Nothing is lost. If the library dropped the document by mistake, restore it there; otherwise \`trustbook sync ${client}\` records that the copy is the client's own (delete the file too if the client no longer needs it).`,
    meaning:
      "A client's sync record names a document that no layer of the library holds any more (deleted or renamed in the library, or its overlay taken off the client). The client keeps its copy, but no library change reaches it again",
    fix: "Restore the document in the library if it went by mistake; otherwise sync, which records the copy as the client's own",
  },
  TB022: {
    title: 'Library layer missing',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (client: string, layer: string) =>
      `client "${client}" takes the library layer ${layer}, which is not a library (it has no library.yaml), so the client is not synced`,
    hint: (_client: string, layer: string) =>
      `Correct the overlay's path in the client's \`overlays:\` in trustbook.workspace.yaml, or restore ${layer}/library.yaml (its name and version).`,
    meaning:
      "An overlay a client takes (`overlays:` in `trustbook.workspace.yaml`) is not a folder with a `library.yaml`: moved, renamed or never committed. Syncing without it would take the overlay's documents away from the client",
    fix: 'Correct the path in `overlays:`, or restore the overlay folder with its `library.yaml`',
  },
  TB023: {
    title: 'Library variable without an answer',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `file`: the library document, relative to the workspace. */
    message: (client: string, variable: string, file: string) =>
      `${file} uses {{${variable}}}, and client "${client}" has no answer for it (nor does the library give a default), so the client is not synced`,
    hint: (client: string, variable: string) =>
      `Give the answer: \`trustbook sync ${client} --answer ${variable}=VALUE\`; or add a question \`${variable}\` with a default to library.yaml.`,
    meaning:
      'A library document names a variable (`{{name}}`) that the client has not answered and that has no default in `library.yaml`: the client would get the placeholder text itself',
    fix: 'Answer it with `trustbook sync CLIENT --answer name=VALUE`, or give the question a default in `library.yaml`',
  },
  TB024: {
    title: 'Sync conflict',
    severity: 'varies',
    step: null,
    failsControl: false,
    /** `names`: the fields and sections both sides changed; `markers`: whether sync wrote conflict markers. */
    message: (client: string, names: string, markers: boolean) =>
      markers
        ? `the library and client "${client}" both changed ${names}: written with conflict markers, which the check refuses until they are resolved`
        : `the library and client "${client}" both changed ${names}, so the client was not synced and none of its files changed`,
    hint: (client: string) =>
      `Compare the three versions sync prints, edit the client's file to say what it should, then \`trustbook sync ${client}\` again (it still merges against the text the client last took); or \`--markers\` to resolve it in an editor.`,
    meaning:
      "A library change and the client's own edit touch the same frontmatter key or the same lines of a section. Sync is all or nothing per client: an error in `trustbook sync`, which changes none of the client's files; a warning in `check --workspace`, where it says the next sync will stop on it",
    fix: "Edit the client's file to take what it should of the library text, then sync again; or sync with `--markers` and resolve them",
  },
  TB025: {
    title: 'Two clients with one name',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `first`: the line of the first client with that name. */
    message: (name: string, first: number) =>
      `two clients are named "${name}" (the first on line ${first}): neither is checked or synced until one is renamed`,
    hint: 'Give each client a name of its own: commands, reports and the build folders dist/<client>/ address clients by name.',
    meaning:
      '`trustbook.workspace.yaml` lists two clients under one name. Commands address clients by name, so the tool cannot tell which is meant and leaves both alone',
    fix: 'Rename one of them',
  },
  TB026: {
    title: 'Sync record edited by hand',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `problem`: what is wrong with the record, in words. */
    message: (client: string, problem: string) =>
      `the sync record of client "${client}" ${problem}, so the client is not synced: a merge against the wrong base text would undo the client's work`,
    hint: 'Restore .trustbook-sync/ from git (only `trustbook sync` writes it); nothing was changed.',
    meaning:
      "A client's `.trustbook-sync/` is not what `trustbook sync` wrote: `sync.yaml` does not read, or a kept library text is missing or does not match the hash the record gives it",
    fix: 'Restore the `.trustbook-sync/` folder from git',
  },
  TB027: {
    title: 'Library change under an override',
    severity: 'warning',
    step: null,
    failsControl: false,
    /** `what`: `section exceptions` or `field review_months`; `since`: the day sync found the change. */
    message: (client: string, what: string, since: string) =>
      `the library changed ${what} (found ${since}), which client "${client}" overrides: the change did not reach the client`,
    hint: (_client: string, _what: string, since: string) =>
      `Compare the library text with the client's. Keep the override by approving it again (its \`approved:\` on or after ${since}), or remove it and take the library text by hand.`,
    meaning:
      'The library changed a field or section that a client keeps different on purpose (`overrides:`). Sync never touches an override, so a person compares the two texts; the finding stays until the override is approved again on or after the day the change was found, or removed',
    fix: 'Approve the override again after comparing the texts, or remove it and take the library text',
  },
  TB030: {
    title: 'Variable without a value',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `known`: the variables the program has values for, listed, or an empty string. */
    message: (name: string, known: string) =>
      `\`<Var name="${name}" />\` reads the variable ${name}, which has no value in this program${known ? ` (it has ${known})` : ' (it has none)'}: the page would show nothing where the text expects it`,
    hint: (name: string) =>
      `In a partner workspace, answer it: \`trustbook sync CLIENT --answer ${name}=…\` (the answers live in .trustbook-sync/sync.yaml). Otherwise write the text itself in place of the \`<Var>\`, or correct a misspelt name.`,
    meaning:
      'A body names a variable with `<Var name="…" />` that the program has no value for. A workspace client\'s values are the answers in its sync record (`.trustbook-sync/sync.yaml`); a program outside a workspace has none',
    fix: 'Answer the variable with `trustbook sync CLIENT --answer NAME=VALUE`, correct the name, or write the text',
  },
  TB031: {
    title: 'Variable written wrongly',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `problem`: what is wrong with the element, in words. */
    message: (problem: string) => `this \`<Var>\` ${problem}: the build renders only \`<Var name="variable" />\``,
    hint: 'Write the variable as `<Var name="organization" />`: one `name` in quotes, a variable name of lower-case letters, digits and _, nothing inside.',
    meaning:
      'A `<Var>` element in a body is not `<Var name="…" />` with a plain variable name: it has no name, a name computed with `{…}`, other attributes, or content; or it is in a Markdown (`.md`) body, whose HTML the build passes through as it is. Only the plain form in an MDX body is resolved by the check and rendered as text by the build',
    fix: 'Write `<Var name="organization" />`, in an `.mdx` document',
  },
  TB032: {
    title: 'Answer cannot be written into a placeholder',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `file`: the library file, from the workspace folder. */
    message: (client: string, name: string, file: string) =>
      `the answer of client "${client}" to ${name} holds one of { } < > or \`, and ${file} writes it into the text as {{${name}}}, where MDX would read it as code or markup; the client is not synced`,
    hint: (_client: string, name: string) =>
      `In the library text, write \`<Var name="${name}" />\` instead of {{${name}}} in a body (the build renders it as text, whatever it holds); or give an answer without those characters.`,
    meaning:
      'A `{{variable}}` placeholder is filled in when sync writes the document, so its answer becomes part of the MDX or YAML. An answer holding `{ } < >` or a backtick would be read as code or markup there. `<Var name="…" />` renders any answer as text at build time',
    fix: 'Use `<Var name="…" />` in the library body, or change the answer',
  },
  TB033: {
    title: 'Managed-by line without a partner',
    severity: 'error',
    step: null,
    failsControl: false,
    message: () =>
      "`brand.managed_by` shows the partner who runs this program in the trust center's footer, but the program names no partner: it has no sync record from a workspace whose `partner:` gives one",
    hint: 'Remove `managed_by`, or sync the client from its workspace (`trustbook sync CLIENT`) so its record names the partner.',
    meaning:
      'A program asks for the "managed by" line (`brand.managed_by: true`) but has no partner to name: the partner comes from the workspace file, through the client\'s sync record, and a program outside a workspace (or one that left it) has none',
    fix: 'Remove `brand.managed_by`, or sync the client from its workspace',
  },
  TB035: {
    title: 'Library move onto a client file',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `from`, `to`: the document's old and new path; `by`: the migration, `Baseline 3`. */
    message: (client: string, from: string, to: string, by: string) =>
      `the library's migration ${by} moves ${from} to ${to}, but client "${client}" already has a file there, so the client is not synced`,
    hint: (_client: string, from: string, to: string) =>
      `Rename or remove the client's ${to} (or merge it into ${from} by hand), then sync again; nothing was changed.`,
    meaning:
      'A library migration moves a document to a path where the client already keeps a file of its own. Sync would have to overwrite one of them, so it changes nothing in that client',
    fix: "Move the client's own file out of the way, then sync again",
  },
  TB101: {
    title: 'Required field missing',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (field: string, noun: string) => `required field \`${field}\` is missing from this ${noun}`,
    /** `key`: the missing field's own name, the last part of `field`. */
    hint: (_field: string, _noun: string, key: string) => `Add \`${key}:\` to the frontmatter. ${CONTENT_MODEL_DOCS}`,
    meaning: 'A required field is missing',
    fix: 'Add it; docs/content-model.md lists the fields of each kind',
  },
  TB102: {
    title: 'Unknown field',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (field: string, noun: string) => `unknown field \`${field}\` in this ${noun}`,
    hint: (_field: string, _noun: string, suggestion: string | undefined) =>
      suggestion
        ? `Did you mean \`${suggestion}\`? Unknown fields are errors so that a typo never drops a value.`
        : `Remove it or correct its name. ${CONTENT_MODEL_DOCS}`,
    meaning: 'A field the schema does not know (often a typo such as `reveiw_months`)',
    fix: 'Correct or remove it; the message suggests the likely field',
  },
  TB103: {
    title: 'Invalid date',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `value`: what was written, as JSON. */
    message: (field: string, value: string) => `\`${field}\` is not a calendar date: ${value}`,
    hint: 'Write a real date as YYYY-MM-DD, for example 2026-03-31.',
    meaning: 'A date that is not a calendar date (`2026-02-30`, `2026-13-01`, `March 3`)',
    fix: 'Write a real date as `YYYY-MM-DD`',
  },
  TB104: {
    title: 'Wrong type or value',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (problem: BadValue) =>
      problem.what === 'schema'
        ? `${problem.field ? `\`${problem.field}\`: ` : ''}${problem.issue}`
        : problem.what === 'week'
          ? `period \`${problem.period}\` does not exist (that year has fewer ISO weeks)`
          : `the ${problem.noun}'s fields must be a YAML mapping of \`key: value\` lines`,
    hint: (problem: BadValue) =>
      problem.what === 'week'
        ? 'Use a week number that exists in that year, or write the period as `{ start, end }`.'
        : problem.what === 'not-mapping'
          ? 'Write one `field: value` per line. See docs/content-model.md.'
          : problem.suggestion
            ? `Did you mean \`${problem.suggestion}\`? Accepted values: ${problem.accepted.join(', ')}.`
            : `Fix the value of \`${problem.field || 'the document'}\`. ${CONTENT_MODEL_DOCS}`,
    meaning:
      'A value of the wrong type or outside the allowed values (a list where text is expected, an unknown `frequency`, a `javascript:` location, a week that does not exist)',
    fix: 'Use a value the field accepts',
  },
  TB201: {
    title: 'Duplicate id',
    severity: 'error',
    step: 'document',
    failsControl: false,
    message: (duplicate: DuplicateId) =>
      duplicate.of === 'document'
        ? `duplicate ${duplicate.kind} id \`${duplicate.id}\`: ${duplicate.also} uses it too`
        : `duplicate role or staff id \`${duplicate.id}\``,
    hint: (duplicate: DuplicateId) =>
      duplicate.of === 'document'
        ? 'Give each document its own id; references would otherwise point at either.'
        : 'Roles and staff share one namespace, because `owner` may name either. Rename one.',
    meaning: 'Two documents of the same kind share an id (or a role and a staff member do)',
    fix: 'Give each its own id',
  },
  TB202: {
    title: 'Unknown criterion',
    severity: 'error',
    step: 'document',
    failsControl: false,
    /** `excluded`: the id is one of `excluded_criteria`. */
    message: (id: string, excluded: boolean) =>
      `${excluded ? 'excluded criterion ' : ''}\`${id}\` is not a Trust Services Criterion`,
    hint: (_id: string, _excluded: boolean, suggestion: CriterionSuggestion) =>
      'upper' in suggestion
        ? `Did you mean \`${suggestion.upper}\`? Criterion ids are upper case.`
        : `${suggestion.closest ? `Did you mean \`${suggestion.closest}\`? ` : ''}Use an id from the 2017 Trust Services Criteria, such as CC6.1 or A1.2 (see docs/criteria.md for the list).`,
    meaning: 'A criterion id that is not in the Trust Services Criteria (`CC9.9`)',
    fix: 'Use an id such as `CC6.1`; see docs/criteria.md',
  },
  TB203: {
    title: 'Unknown policy',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    ...unknownReference,
    meaning: 'A reference to a policy id that does not exist',
    fix: 'Correct the id, or create the policy',
  },
  TB204: {
    title: 'Unknown control',
    severity: 'error',
    step: 'controls',
    failsControl: false,
    ...unknownReference,
    meaning: 'A reference to a control id that does not exist',
    fix: 'Correct the id, or create the control',
  },
  TB205: {
    title: 'Unknown procedure',
    severity: 'error',
    step: 'controls',
    failsControl: false,
    ...unknownReference,
    meaning: 'A reference to a procedure id that does not exist',
    fix: 'Correct the id, or create the procedure',
  },
  TB206: {
    title: 'Unknown person or role',
    severity: 'error',
    step: 'document',
    failsControl: false,
    /** `what`: what the field may name, "role" or "role or staff member"; `file`: the people file. */
    message: (field: string, id: string, what: string, file: string) =>
      `\`${field}\` names \`${id}\`, which is not a ${what} in ${file}`,
    hint: (_field: string, id: string, _what: string, file: string, suggestion: string | undefined) =>
      suggestion ? `Did you mean \`${suggestion}\`?` : `Add \`${id}\` to ${file} or name an existing id.`,
    meaning: '`owner`, `approved_by` or `role` names no role or staff member in `content/people.yaml`',
    fix: 'Name an existing id, or add it to people.yaml',
  },
  TB207: {
    title: 'Unknown evidence series',
    severity: 'error',
    step: 'document',
    failsControl: false,
    ...unknownReference,
    meaning: 'A checklist item names an evidence series that does not exist',
    fix: 'Correct the id',
  },
  TB208: {
    title: 'Excluded criterion not applicable',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    message: (id: string, category: string) => `\`${id}\` is excluded, but its category (${category}) is not in scope`,
    hint: 'Only criteria of in-scope categories can be excluded. Remove the entry, or add the category to `scope`.',
    meaning: '`excluded_criteria` names a criterion whose category is not in scope',
    fix: 'Remove the entry or add the category to `scope`',
  },
  TB209: {
    title: 'Unknown checklist rule',
    severity: 'error',
    step: 'document',
    failsControl: false,
    message: (rule: string) => `\`<Check rule="${rule}">\` names no rule the build knows`,
    hint: (_rule: string, rules: readonly string[]) => `Use one of: ${rules.join(', ')}.`,
    meaning: '`<Check rule="...">` names a rule the build does not know',
    fix: 'Use `coverage`, `required-documents`, `training`, `vendors` or `risks`',
  },
  TB210: {
    title: 'Unknown point of focus',
    severity: 'error',
    step: 'document',
    failsControl: false,
    message: (problem: PointOfFocusProblem) =>
      problem.what === 'unknown'
        ? `\`${problem.id}\` is not a point of focus`
        : `\`${problem.id}\` is a point of focus of ${problem.criterion}, which ${problem.control} does not address`,
    hint: (problem: PointOfFocusProblem) =>
      problem.what === 'elsewhere'
        ? `Add ${problem.criterion} to the control's \`criteria\`, or remove the point of focus.`
        : problem.count > 0
          ? `${problem.criterion} has points of focus ${problem.criterion}.1 to ${problem.criterion}.${problem.count}; see docs/criteria.md.`
          : 'Write a point of focus as its criterion id, a dot and its number, e.g. `CC6.1.3`; see docs/criteria.md.',
    meaning:
      'A control cites a point of focus that does not exist (`CC6.1.99`), or one of a criterion the control does not address',
    fix: "Cite `<criterion>.<n>` from docs/criteria.md, for one of the control's own `criteria`",
  },
  TB211: {
    title: 'Unknown trust document',
    severity: 'varies',
    step: 'audit',
    failsControl: false,
    message: (id: string) => `names the trust document "${id}", which does not exist`,
    hint: 'Name a document of content/trust/documents/ by its id (its file name), or add it there.',
    meaning: 'An attestation names a report or bridge letter that is not a trust document (`content/trust/documents/`)',
    fix: 'Name the document by its id (its file name), or add it',
  },
  TB212: {
    title: 'Answer cites something that does not exist',
    severity: 'varies',
    step: null,
    failsControl: false,
    message: (problem: MissingCitation) =>
      problem.what === 'nothing'
        ? 'cites nothing: a reviewer cannot see what the answer rests on'
        : problem.what === 'section'
          ? `cites the section "${problem.section}" of ${problem.policy}, which has no such heading`
          : `cites the ${citedNouns[problem.what]} "${problem.id}", which does not exist`,
    hint: (problem: MissingCitation) =>
      problem.what === 'nothing'
        ? 'Cite the policy (and section), control or trust document that shows it, under `cites:`.'
        : problem.what === 'section'
          ? `Use the anchor of one of its headings (${problem.known.slice(0, 6).join(', ')}${problem.known.length > 6 ? ', …' : ''}).`
          : `Cite ${citable[problem.what]} by its id.`,
    meaning:
      'An answer (`content/answers/`) cites a policy, a section of a policy (`encryption#key-management`), a control or a trust document that does not exist; or cites nothing at all (warning)',
    fix: "Cite what exists: the section is the anchor of one of the policy's headings",
  },
  TB213: {
    title: 'Answer cites what its audience may not see',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (problem: UnfitCitation) =>
      problem.what === 'unpublished-policy'
        ? `is public but cites ${problem.id}, a policy the trust center does not publish`
        : problem.what === 'not-in-operation'
          ? `cites ${problem.id}, which is not in operation (${problem.status}${problem.retired ? `, retired ${problem.retired}` : ''}): an answer cannot rest on it`
          : `is public but cites ${problem.id}, a control the trust center does not describe (it has no \`public_summary\`)`,
    hint: (problem: UnfitCitation) =>
      problem.what === 'unpublished-policy'
        ? 'Cite a public policy, make this policy public, or take `public` out of the answer’s audience.'
        : problem.what === 'not-in-operation'
          ? 'Cite the control that operates today, or say in the answer that this one is planned.'
          : 'Give the control a `public_summary`, cite a published practice, or take `public` out of the answer’s audience.',
    meaning:
      'An answer cites a control that is not in operation (planned, not applicable, retired); or a public answer cites a policy the trust center does not publish, or a control without a `public_summary`',
    fix: "Cite what operates and what the answer's audience may see, or narrow the answer's `audience`",
  },
  TB214: {
    title: 'Policy not yet approved',
    severity: 'deferrable',
    step: 'policies',
    failsControl: false,
    /** `version`: the version that awaits approval. */
    message: (id: string, title: string, version: string) =>
      `policy ${id} ("${title}") version ${version} has not been approved: it is a draft, so the trust center and the employee portal leave it out`,
    hint: (id: string) =>
      `Once someone has approved ${id}, record it: \`approved_by:\` (a role or staff id from content/people.yaml, on staff that day) and \`approved:\` (the day). Add \`effective:\` only if it took effect on another day.`,
    meaning:
      'A policy has no `approved` and `approved_by`: nobody has approved it, so it is a draft rather than a policy in force. The trust center and the employee portal leave it out (the auditor site lists it as not approved), it asks no one to acknowledge it and has no review date. Required documents and criteria count it, so that this one finding says what is missing. An error, deferred in readiness mode',
    fix: 'When the policy is approved, set `approved_by` (a role or staff id from `content/people.yaml`) and `approved` (the date); `effective` defaults to that date',
  },
  TB215: {
    title: 'Policy approval half recorded',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    /** `set`: the approval field that is written; the other one is missing. */
    message: (id: string, set: 'approved' | 'approved_by', value: string) =>
      set === 'approved'
        ? `policy ${id} says it was approved on ${value} but not by whom (\`approved_by\` is missing)`
        : `policy ${id} says it was approved by ${value} but not when (\`approved\` is missing)`,
    hint: (_id: string, set: 'approved' | 'approved_by') =>
      set === 'approved'
        ? 'Add `approved_by:` with the role or staff id (content/people.yaml) of who approved this version, or remove `approved:` if nobody has.'
        : 'Add `approved:` with the day this version was approved, or remove `approved_by:` if nobody has approved it yet.',
    meaning:
      'A policy gives one of `approved` and `approved_by` without the other: an approval is a person and a day, and the policy is treated as not approved until both are written',
    fix: 'Write both fields, or neither while the policy awaits approval',
  },
  TB301: {
    title: 'Criterion not covered',
    severity: 'error',
    step: 'gaps',
    failsControl: false,
    checklistRule: 'coverage',
    /** `category`: the label of the category in scope. */
    message: (id: string, label: string, category: string) =>
      `${id} (${label}) has no implemented control, and ${category.toLowerCase()} is in scope`,
    hint: (id: string) =>
      `Add \`${id}\` to the \`criteria\` of an implemented control in content/controls/, or list it in \`excluded_criteria\` with the reason it does not apply.`,
    meaning: 'A criterion of an in-scope category has no implemented control',
    fix: "Add the criterion to a control's `criteria`, or exclude it with a reason",
  },
  TB302: {
    title: 'Required policy missing',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    checklistRule: 'required-documents',
    /** `pending`: a policy of the kind that is not in force yet. */
    message: (name: string, kind: string, pending?: { file: string; effective: string }) =>
      pending
        ? `${name} missing: ${pending.file} has \`kind: ${kind}\` but takes effect only ${pending.effective}`
        : `${name} missing: no policy has \`kind: ${kind}\``,
    hint: (_name: string, kind: string) =>
      `Add \`kind: ${kind}\` to the policy that covers it, or create one with \`trustbook new policy ${kind}\`.`,
    meaning: 'One of the six policies SOC 2 requires is missing (no policy has that `kind`)',
    fix: 'Mark the policy with `kind:`, or write it',
  },
  TB303: {
    title: 'Risk assessment missing',
    severity: 'error',
    step: 'risks',
    failsControl: false,
    checklistRule: 'required-documents',
    message: () => 'risk assessment missing: no policy has `kind: risk-assessment` and content/risks/ is empty',
    hint: 'Record risks in content/risks/ (`trustbook new risk R-01`) and mark the risk management policy `kind: risk-assessment`.',
    meaning: 'No risk assessment: no policy of kind `risk-assessment` and no risks in `content/risks/`',
    fix: 'Record the risk register and mark the risk policy',
  },
  TB304: {
    title: 'System description missing',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    checklistRule: 'required-documents',
    message: () => 'the system description is missing',
    hint: (file: string) => `Create ${file} with one \`## DCn\` section per description criterion (DC1 to DC9).`,
    meaning: '`content/system-description.mdx` is missing',
    fix: 'Write the system description',
  },
  TB305: {
    title: 'System description section missing',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    checklistRule: 'required-documents',
    message: (id: string, label: string) => `the system description has no section for ${id} (${label})`,
    hint: (id: string, label: string) => `Add a section headed \`## ${id} ${label}\`.`,
    meaning: 'The system description has no `## DCn` section for a description criterion',
    fix: 'Add the section',
  },
  TB306: {
    title: "Management's assertion missing",
    severity: 'error',
    step: 'scope',
    failsControl: false,
    /** `day`: the last day of the Type II window, or the Type I report date. */
    message: (type: 'I' | 'II', day: string) =>
      `management's assertion is missing, and the ${type === 'II' ? 'audit window ended' : 'report date was'} ${day}`,
    hint: "Write content/assertion.mdx: management's statement that the description is fair and the controls were suitably designed (and operated), with `date`, `signed_by` and the `period` (or `as_of`).",
    meaning:
      "Management's assertion (`content/assertion.mdx`) is missing once the window has ended (Type II) or the report date has come (Type I)",
    fix: 'Write it: `date`, `signed_by`, `period` (or `as_of`) and the statement',
  },
  TB307: {
    title: "Management's assertion does not match the audit",
    severity: 'error',
    step: 'scope',
    failsControl: false,
    message: (mismatch: AssertionMismatch) =>
      mismatch.field === 'period'
        ? `the assertion speaks for ${mismatch.asserted ? `${mismatch.asserted.start} to ${mismatch.asserted.end}` : 'no period'}, but the audit window is ${mismatch.window.start} to ${mismatch.window.end}`
        : mismatch.field === 'date'
          ? `the assertion is dated ${mismatch.date}, before the audit window ends (${mismatch.windowEnd})`
          : `the assertion speaks for ${mismatch.asserted ?? 'no date'}, but the Type I report date is ${mismatch.reportDate}`,
    hint: (mismatch: AssertionMismatch) =>
      mismatch.field === 'period'
        ? 'Set `period: { start, end }` to the audit window in content/program.yaml.'
        : mismatch.field === 'date'
          ? 'Management asserts on a period once it is over: date the assertion on or after the last day of the window.'
          : 'Set `as_of:` to `audit.date` in content/program.yaml.',
    meaning:
      'The assertion speaks for another period than the audit window (or another date than the Type I date), or is dated before the window ends',
    fix: 'Make `period` the audit window and date it on or after its last day',
  },
  TB310: {
    title: 'Common criterion excluded',
    severity: 'warning',
    step: 'scope',
    failsControl: false,
    message: (id: string) => `${id} is a common criterion, and common criteria apply to every SOC 2 examination`,
    hint: 'Expect the auditor to challenge this exclusion; most systems address every common criterion with a control.',
    meaning: 'A common criterion (CC) is excluded: they apply to every SOC 2 examination (warning)',
    fix: 'Expect the auditor to challenge it; address the criterion with a control if you can',
  },
  TB311: {
    title: 'Exclusion without a substantive reason',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    checklistRule: 'coverage',
    message: (id: string, reason: string) =>
      `the exclusion of ${id} gives no reason an auditor can weigh ("${reason.trim()}")`,
    hint: 'Say in a sentence why the criterion does not apply to this system (what the system does not do or hold), as the system description (DC8) will.',
    meaning: "An exclusion's reason is no reason: blank, `n/a`, `none`, `TBD`, or under four words",
    fix: 'Say in a sentence why the criterion does not apply to this system',
  },
  TB312: {
    title: 'Whole category excluded',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    checklistRule: 'coverage',
    message: (label: string) => `every criterion of ${label.toLowerCase()} is excluded, yet the category is in scope`,
    hint: (_label: string, category: string) =>
      category === 'security'
        ? 'Security is always in scope: address its criteria with controls instead of excluding them.'
        : `Remove \`${category}\` from \`scope\` if the report is not to cover it; otherwise address its criteria with controls.`,
    meaning: 'Every criterion of an in-scope category is excluded',
    fix: 'Take the category out of `scope`, or address its criteria (security cannot be taken out)',
  },
  TB313: {
    title: 'Criterion both excluded and addressed',
    severity: 'warning',
    step: 'scope',
    failsControl: false,
    message: (id: string, controls: readonly string[]) =>
      `${id} is excluded, yet ${controls.join(', ')} address${controls.length === 1 ? 'es' : ''} it`,
    hint: 'Either the criterion applies (remove the exclusion) or the controls do not address it (remove it from their `criteria`).',
    meaning: 'A criterion is excluded and yet addressed by a control (warning)',
    fix: 'Remove the exclusion, or the criterion from the control',
  },
  TB314: {
    title: 'Criterion not covered for part of the period',
    severity: 'error',
    step: 'gaps',
    failsControl: false,
    checklistRule: 'coverage',
    message: (stretch: UncoveredStretch) =>
      `${criteriaNamed(stretch)} had no control in operation ${stretch.span}; the report speaks for every day of the audit window`,
    hint: ({ criteria, controls }: UncoveredStretch) => {
      const one = criteria.length === 1;
      return `The controls addressing ${one ? 'it' : 'them'} (${controls}) were not in operation then: if one was, correct its \`implemented\` or \`retired\` date; otherwise the auditor will report ${one ? 'the criterion' : 'them'} not met for part of the period. Address ${one ? 'it' : 'them'} with a control that operated then.`;
    },
    meaning:
      'Type II: a stretch of the audit window (up to the evaluation date) in which no control addressing a criterion was in operation (before its `implemented`, after its `retired`): "CC6.1 had no control in operation from 2025-12-01 to 2026-08-31". A control retired after the window ends covers it; a Type I is judged on its date',
    fix: "Correct the control's dates if it did operate then; otherwise address the criterion with a control that operated in that stretch, or expect the auditor to report the criterion not met for part of the period",
  },
  TB315: {
    title: 'Criterion not met: its controls did not operate effectively',
    severity: 'error',
    step: 'gaps',
    failsControl: false,
    checklistRule: 'coverage',
    message: (stretch: UncoveredStretch) =>
      `${criteriaNamed(stretch)} ${stretch.criteria.length === 1 ? 'was' : 'were'} not met ${stretch.span}: ${stretch.controls} did not operate effectively over the window`,
    hint: 'Disclosing a deviation makes it honest, not passing: more deviations than the sample tolerates (docs/sampling.md, "Tolerable deviations") mean the control did not operate effectively. Have another control that operated effectively address the criteria, or expect the auditor to report them not met.',
    meaning:
      'Type II: a stretch in which controls addressing a criterion were in operation, but every one of them did not operate effectively over the window (TB609, TB610)',
    fix: 'Have a control that operated effectively address the criterion; a disclosed deviation is honest, not passing',
  },
  TB316: {
    title: 'Required document not in force from the start of the period',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    checklistRule: 'required-documents',
    /** `name`: the required document's name; `field`: the date it is in force from, as the policy gives it. */
    message: (name: string, since: string, start: string) =>
      `the ${name.toLowerCase()} has been in force only since ${since}, after the period began on ${start}`,
    hint: (_name: string, _since: string, start: string, field: 'effective' | 'in_force_since') =>
      field === 'effective'
        ? `If an earlier version was in force on ${start}, say since when with \`in_force_since:\` (the day its first version took effect; the auditor will ask for that version). Otherwise the report cannot say the policy was in place throughout the period: the auditor will report it.`
        : `Correct \`in_force_since\` if an earlier version was in force on ${start}; otherwise the auditor will report that the policy was not in place for part of the period.`,
    meaning:
      "A policy the SOC 2 checklist requires was not in force on the first day the report speaks for (the Type II window's start, or the Type I date): its first version took effect later",
    fix: 'If an earlier version was in force, say since when with `in_force_since:`; otherwise the auditor will report the gap',
  },
  TB320: {
    title: 'Text still to write',
    severity: 'varies',
    step: 'document',
    failsControl: false,
    ...placeholderLeft(true),
    meaning:
      'Text still to write: a `<Todo>` element in a body (the guidance the templates leave), or a field whose value starts with `TODO`',
    fix: 'Write the text in its place and remove the `<Todo>`; choose the value',
  },
  TB321: {
    title: 'Template default left in',
    severity: 'varies',
    step: 'document',
    failsControl: false,
    ...placeholderLeft(false),
    meaning:
      "A template default left in: an address or site at example.com, example.org or example.net, in a body's text or links, a field, or `content/program.yaml`",
    fix: 'Write your own address or site; an example meant as one goes in code, `` `user@example.com` ``',
  },
  TB330: {
    title: 'Complementary control supports a criterion out of scope',
    severity: 'error',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    /** `what`: the CSOC or CUEC, "the user entity control CUEC-1"; `reason`: why the report does not cover it. */
    message: (what: string, criterion: string, reason: string) =>
      `${what} supports ${criterion}, which the report does not cover: ${reason}`,
    hint: 'Name the in-scope criteria the control supports, or bring the category into scope (or the criterion back from `excluded_criteria`).',
    meaning:
      'A CSOC (`csocs` of a vendor) or a CUEC (`cuecs` in program.yaml) supports a criterion the report does not cover: its category is not in scope, or it is in `excluded_criteria` (an id that is no criterion at all is TB202)',
    fix: 'Name the in-scope criteria it supports, or bring the category into scope',
  },
  TB331: {
    title: 'Privacy notice missing',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    ...documentOfCategory,
    meaning:
      'Privacy is in scope and no policy in force addresses P1.1: the privacy notice and commitments are missing',
    fix: 'Write them as a policy with `criteria: [P1.1]`, or take privacy out of scope',
  },
  TB332: {
    title: 'Processing specifications missing',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    ...documentOfCategory,
    meaning:
      'Processing integrity is in scope and no policy in force addresses PI1.1: the processing specifications are missing',
    fix: 'Write them as a policy with `criteria: [PI1.1]`, or take processing integrity out of scope',
  },
  TB333: {
    title: 'One control claims a whole category',
    severity: 'warning',
    step: 'gaps',
    failsControl: false,
    /** `categories`: the categories whose every criterion the control claims, "Availability and Privacy". */
    message: (control: string, categories: string) =>
      `${control} claims every criterion of ${categories}: an auditor will not accept one control as addressing all of them`,
    hint: 'Map the control to the criteria it really addresses, and give the others controls of their own.',
    meaning:
      'Warning: one control claims every criterion of a category (availability, confidentiality, processing integrity or privacy): an auditor will not accept one generic control as addressing all of them. Security is not judged this way: its common criteria include the entity-level ones (CC1 to CC5) a governance program addresses together, and coverage judges each one on its own',
    fix: 'Map the control to the criteria it really addresses',
  },
  TB334: {
    title: 'Control tested by inquiry alone',
    severity: 'deferrable',
    step: 'controls',
    failsControl: false,
    message: (control: string) =>
      `${control} is tested by inquiry alone, which is not sufficient evidence that it operated: the audit cannot conclude on it`,
    hint: 'Set `test:` to what corroborates the inquiry: `inspection` of the evidence the control leaves, `observation` of it being performed, or `re-performance`.',
    meaning:
      'An implemented control\'s `test` is `inquiry`: inquiry alone is not sufficient evidence that a control operated, so the mock audit leaves it not tested (never "no exception noted") and says what further test it needs. An error, deferred in readiness mode',
    fix: 'Set `test:` to `inspection`, `observation` or `re-performance`, whichever corroborates the inquiry',
  },
  TB340: {
    title: 'Unknown framework requirement',
    severity: 'error',
    step: 'document',
    failsControl: false,
    /** `what`: what it should be, "a requirement of ISO/IEC 27001:2022"; `advice`: what was probably meant. */
    message: (id: string, what: string) => `\`${id}\` is not ${what}`,
    hint: (_id: string, _what: string, advice: string) => advice,
    meaning:
      'A control cites, under `iso:`, `hipaa:` or `csf:`, an id that is not a requirement of that framework (a grouping number such as ISO `9.2`, a HIPAA standard that has implementation specifications, a CSF 1.1 id withdrawn in 2.0, or a typo); or the Statement of Applicability or a HIPAA decision is keyed by one',
    fix: 'Cite the requirement by its id as docs/frameworks.md lists it; the hint suggests the nearest one',
  },
  TB341: {
    title: 'Citation of a framework not in scope',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    /** `field`: the control field (`iso`); `key`: the program's key for the framework (`iso27001`). */
    message: (control: string, field: string, framework: string) =>
      `${control} cites ${framework} requirements under \`${field}\`, but the program does not have ${framework} in scope: nothing checks them`,
    hint: (_control: string, _field: string, _framework: string, key: string) =>
      `Add \`${key}\` under \`frameworks:\` in content/program.yaml (docs/frameworks.md gives its scope parameters), or remove the citations.`,
    meaning:
      'A control cites requirements of a framework the program does not have under `frameworks:`: the citations look like coverage but no check reads them',
    fix: 'Bring the framework into scope under `frameworks:`, or remove the citations',
  },
  TB342: {
    title: 'Framework requirement without a control',
    severity: 'error',
    step: 'gaps',
    failsControl: false,
    message: (id: string, label: string, framework: string) =>
      `${id} (${label}) has no implemented control citing it, and ${framework} is in scope`,
    hint: (id: string, _label: string, _framework: string, field: string) =>
      `Add \`${id}\` to the \`${field}\` of an implemented control in content/controls/ that meets it.`,
    meaning:
      'A requirement of a framework in scope (an ISO clause requirement, a HIPAA standard or specification, a CSF subcategory of a function in scope) is cited by no implemented control. Annex A controls are judged by the Statement of Applicability instead (TB348), and addressable HIPAA specifications by their decision (TB352)',
    fix: 'Cite the requirement from the control that meets it, or write that control',
  },
  TB343: {
    title: 'Framework requirement without a control for part of the window',
    severity: 'error',
    step: 'gaps',
    failsControl: false,
    /** `named`: the requirement, or "n requirements (…)" when one cause leaves several uncovered. */
    message: (named: string, span: string) =>
      `${named} had no control in operation ${span}; the report speaks for every day of the audit window`,
    hint: (_named: string, _span: string, controls: string) =>
      `The controls citing it (${controls}) were not in operation then: correct their \`implemented\` or \`retired\` date if they were, or cite the requirement from a control that operated then.`,
    meaning:
      'Type II: for a stretch of the audit window, none of the controls citing a requirement of an added framework was in operation (as TB314 for a criterion)',
    fix: 'Correct the controls’ `implemented`/`retired` dates, or cite the requirement from a control that operated then',
  },
  TB344: {
    title: 'Framework requirement not met for part of the window',
    severity: 'error',
    step: 'gaps',
    failsControl: false,
    /** `several`: whether `named` stands for more than one requirement. */
    message: (named: string, span: string, controls: string, several: boolean) =>
      `${named} ${several ? 'were' : 'was'} not met ${span}: ${controls} did not operate effectively over the window`,
    hint: 'Have a control that operated effectively cite the requirement, or expect the assessor to find it not met.',
    meaning:
      'Type II: for a stretch of the audit window, the controls citing a requirement of an added framework were in operation but none operated effectively (as TB315 for a criterion)',
    fix: 'Cite the requirement from a control that operated effectively',
  },
  TB345: {
    title: 'Statement of Applicability missing',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    message: () =>
      'ISO/IEC 27001 is in scope, but there is no Statement of Applicability (content/statement-of-applicability.yaml)',
    hint: 'Write content/statement-of-applicability.yaml with a decision for each of the 93 Annex A controls (docs/frameworks.md); clause 6.1.3 d requires it and the certification auditor starts from it.',
    meaning: 'ISO/IEC 27001 is in scope without a Statement of Applicability',
    fix: 'Write content/statement-of-applicability.yaml (docs/frameworks.md)',
  },
  TB346: {
    title: 'Annex A control not decided',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    /** `ids`: the undecided Annex A controls, in catalog order. */
    message: (ids: string[]) =>
      ids.length === 1
        ? `the Statement of Applicability decides nothing for ${ids[0]}`
        : `the Statement of Applicability decides nothing for ${ids.length} Annex A controls: ${ids.join(', ')}`,
    hint: 'Add each under `controls:` with `applicable: true` (and why, its status and what implements it) or `applicable: false` with the justification for leaving it out.',
    meaning:
      'The Statement of Applicability has no entry for one or more Annex A controls: each of the 93 needs a decision',
    fix: 'Add an entry for each, applicable or not',
  },
  TB347: {
    title: 'Annex A exclusion without justification',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    /** `written`: the justification as written, or undefined when there is none. */
    message: (id: string, written: string | undefined) =>
      written === undefined
        ? `${id} is excluded from the Statement of Applicability without a justification`
        : `the exclusion of ${id} gives no justification an auditor can weigh ("${written}")`,
    hint: 'Say in a sentence in `justification:` why the control does not apply to the ISMS: what the organization does not do, hold or run.',
    meaning:
      'An Annex A control marked `applicable: false` has no `justification`, or one that says nothing ("n/a", a word or two)',
    fix: 'Write why the control does not apply, in a sentence',
  },
  TB348: {
    title: 'Applicable Annex A control with nothing implementing it',
    severity: 'error',
    step: 'controls',
    failsControl: false,
    message: (id: string, label: string) =>
      `${id} (${label}) is applicable in the Statement of Applicability, but no implemented control cites it and it names no policy or procedure`,
    hint: (id: string) =>
      `Add \`${id}\` to the \`iso\` of the implemented controls that carry it out, or list the policies and procedures that do under \`documents:\` in its entry.`,
    meaning:
      'An Annex A control the Statement of Applicability includes is implemented by nothing: no implemented control cites it under `iso:`, and its entry lists no `documents`',
    fix: 'Cite it from the controls that implement it, or name the documents that do',
  },
  TB349: {
    title: 'Statement of Applicability review due',
    severity: 'varies',
    step: 'scope',
    failsControl: false,
    /** `days`: days overdue (when `overdue`) or left. */
    message: (due: string, overdue: boolean, days: number) =>
      overdue
        ? `the Statement of Applicability was due for review on ${due} (${plural(days, 'day')} ago)`
        : `the Statement of Applicability is due for review on ${due} (in ${plural(days, 'day')})`,
    hint: 'Review it against the current risk treatment plan, then record the new approval (`approved`, `approved_by`, and `version` when anything changed).',
    meaning:
      'The Statement of Applicability is past `approved` + `review_months` (an error), or will be within `warn_within_days` (a warning)',
    fix: 'Review it and record the new approval',
  },
  TB350: {
    title: 'Decision names something unknown',
    severity: 'error',
    step: 'document',
    failsControl: false,
    /** `what`: "risk", "policy or procedure", "person"; `where`: the entry, "the entry for A.5.1". */
    message: (where: string, what: string, id: string) => `${where} names the ${what} \`${id}\`, which does not exist`,
    hint: (_where: string, _what: string, _id: string, suggestion: string | undefined) =>
      suggestion ? `Did you mean \`${suggestion}\`?` : 'Name an existing one by its id, or remove the reference.',
    meaning:
      'An entry of the Statement of Applicability or a HIPAA decision names a risk, a policy or procedure, or a person that does not exist',
    fix: 'Correct the id, or remove the reference',
  },
  TB351: {
    title: 'Annex A inclusion without a reason',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    message: (id: string) =>
      `${id} is applicable in the Statement of Applicability, but its entry gives no reason for including it: neither \`risks\` nor \`reason\``,
    hint: 'Name the risks it treats under `risks:`, or give the legal, contractual or business reason under `reason:`.',
    meaning:
      'An applicable Annex A control whose entry names no risk it treats and gives no legal, contractual or business `reason`: clause 6.1.3 d asks for the justification of each inclusion',
    fix: 'Name the risks it treats, or the reason',
  },
  TB352: {
    title: 'Addressable HIPAA specification without a decision',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    message: (id: string, label: string) => `the addressable specification ${id} (${label}) has no recorded decision`,
    hint: (id: string) =>
      `Add \`${id}\` under \`frameworks.hipaa.decisions\` in content/program.yaml: \`implemented\`, \`alternative\` (with the measure adopted and why) or \`not-reasonable\` (with why), and who approved it when.`,
    meaning:
      'An addressable implementation specification of the HIPAA Security Rule in scope has no decision under `frameworks.hipaa.decisions`: 164.306(d)(3) requires assessing each and documenting the outcome',
    fix: 'Record the decision, with its approver and date',
  },
  TB353: {
    title: 'HIPAA decision without its reasons',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    /** `missing`: `alternative` (the measure) or `rationale` (why); `written`: what was written, if anything. */
    message: (id: string, decision: string, missing: 'alternative' | 'rationale', written: string | undefined) =>
      written === undefined
        ? `the decision \`${decision}\` for ${id} has no \`${missing}\``
        : `the \`${missing}\` of the decision for ${id} says nothing an assessor can weigh ("${written}")`,
    hint: (_id: string, _decision: string, missing: 'alternative' | 'rationale') =>
      missing === 'alternative'
        ? 'Describe, in `alternative:`, the equivalent measure adopted instead of the specification.'
        : 'Say in a sentence in `rationale:` why the specification is not reasonable and appropriate here (the risk analysis, the size and the systems of the organization, the cost).',
    meaning:
      'A HIPAA decision `alternative` without the measure adopted (`alternative`) or its `rationale`, or `not-reasonable` without a `rationale`, or with one that says nothing',
    fix: 'Write the measure and why, in a sentence each',
  },
  TB354: {
    title: 'Decision for a HIPAA requirement that is not addressable',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    /** `what`: "a required implementation specification", "a standard", or why it does not bind the program. */
    message: (id: string, what: string) => `${id} has a decision, but it is ${what}`,
    hint: 'Only addressable specifications are decided: a required one, or a standard, is met by a control citing it. Remove the decision.',
    meaning:
      'A decision under `frameworks.hipaa.decisions` is keyed by a required specification, a standard, or one that does not bind the program (164.314(b) without `group_health_plan`, 164.308(a)(4)(ii)(A) without `clearinghouse`, 164.314(a)(2)(ii) without `government_entity`): there is nothing to decide',
    fix: 'Remove the decision; cite the requirement from a control',
  },
  TB355: {
    title: 'HIPAA documentation kept less than six years',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    /** `example`: an artifact that would be gone too early, "EV-… collected 2026-01-05: kept until …"; when there is one. */
    message: (years: number, example: string | undefined) =>
      `the program keeps its documentation ${plural(years, 'year')} after it was last in effect, short of the six years 164.316(b)(2)(i) requires${example ? `: ${example}` : ''}`,
    hint: 'Set the retention of policies, decisions and evidence (the retention policy, the evidence store) to at least six years from when each was last in effect, then set `frameworks.hipaa.retention_years` to match.',
    meaning:
      "HIPAA is in scope and `frameworks.hipaa.retention_years` is under six: documentation would be disposed of before 164.316(b)(2)(i)'s six years from its creation or from when it was last in effect, whichever is later",
    fix: 'Keep documentation six years or more, and say so in `retention_years`',
  },
  TB356: {
    title: 'Control cites a requirement decided not to apply',
    severity: 'warning',
    step: 'scope',
    failsControl: false,
    /** `decision`: where it was decided, "the Statement of Applicability excludes it". */
    message: (control: string, id: string, decision: string) => `${control} cites ${id}, yet ${decision}`,
    hint: 'Either the requirement applies (change the decision) or the control does not meet it (remove the citation).',
    meaning:
      'Warning: a control cites an Annex A control the Statement of Applicability excludes, or an addressable HIPAA specification decided `not-reasonable`',
    fix: 'Change the decision, or remove the citation',
  },
  TB357: {
    title: 'Statement of Applicability without ISO/IEC 27001 in scope',
    severity: 'warning',
    step: 'scope',
    failsControl: false,
    message: () => 'there is a Statement of Applicability, but ISO/IEC 27001 is not in scope: nothing checks it',
    hint: 'Add `iso27001: { isms_scope: … }` under `frameworks:` in content/program.yaml, or remove the statement.',
    meaning: 'content/statement-of-applicability.yaml exists while `frameworks:` has no `iso27001`',
    fix: 'Bring ISO/IEC 27001 into scope, or remove the statement',
  },
  TB358: {
    title: 'ISO/IEC 27001 certificate expired',
    severity: 'varies',
    step: 'audit',
    failsControl: false,
    /** `name`: the certificate as `attestationName` words it; `days` until it expires, unless it has. */
    message: (name: string, expires: string, days?: number) =>
      days === undefined
        ? `the ${name} expired on ${expires}; the trust center shows no badge for it`
        : `the ${name} expires on ${expires}, in ${plural(days, 'day')}`,
    hint: (_name: string, _expires: string, days?: number) =>
      days === undefined
        ? 'Record the certificate the recertification audit issued as an attestation, and retire this one (delete the file: git keeps its history).'
        : 'Have the recertification audit done before that day, and record the new certificate as an attestation.',
    meaning:
      'An ISO/IEC 27001 certificate is past the expiry date it states (error; the trust center shows no badge for it), or expires within `warn_within_days` (warning)',
    fix: 'Record the certificate the recertification issued; delete the old one (git keeps it)',
  },
  TB359: {
    title: 'ISO/IEC 27001 surveillance audit overdue',
    severity: 'varies',
    step: 'audit',
    failsControl: false,
    /** `last`: the latest surveillance audit recorded, if any; `days` until it is due, unless it is overdue. */
    message: (name: string, due: string, last: string | undefined, days?: number) =>
      days === undefined
        ? `the ${name} needed a surveillance audit by ${due} (${last ? `the last one recorded was on ${last}` : 'none is recorded'}); a certification body suspends a certificate whose surveillance lapses, so the trust center shows no badge for it`
        : `the ${name} needs its next surveillance audit by ${due}, in ${plural(days, 'day')}`,
    hint: (_name: string, _due: string, _last: string | undefined, days?: number) =>
      days === undefined
        ? 'Add the day the certification body completed the surveillance audit to `surveillance_audits`; if it did not take place, ask the body whether the certificate is suspended.'
        : 'Book the surveillance audit with the certification body, and record its day under `surveillance_audits` when it is done.',
    meaning:
      "An ISO/IEC 27001 certificate's surveillance audit is overdue (error; no badge) or due within `warn_within_days` (warning). The first is due 12 months after the certificate was issued, each later one by the end of the calendar year after the one before (ISO/IEC 17021-1), until the certificate expires",
    fix: 'Record the surveillance audit under `surveillance_audits`, or find out from the certification body whether the certificate stands',
  },
  TB360: {
    title: 'ISO/IEC 27001 certificate that cannot be true',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    message: (name: string, reason: string) =>
      `the ${name} cannot be true: ${reason}; the trust center shows no badge for it`,
    hint: 'Copy the dates from the certificate itself (issued, expiry) and record a surveillance audit once it has been completed.',
    meaning:
      'An ISO/IEC 27001 certificate expiring before it was issued or more than three years after (one certification cycle), or a surveillance audit dated before the certificate or after the evaluation date. The trust center shows no badge for it',
    fix: 'Copy the dates from the certificate; record a surveillance audit once it is done',
  },
  TB361: {
    title: 'HIPAA recorded as an attestation',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    message: () =>
      'records a HIPAA attestation, but nobody certifies HIPAA compliance: the trust center shows no badge for it',
    hint: 'Keep an assessor’s HIPAA report as a trust document (under NDA, say) rather than an attestation; the auditor site shows the program’s HIPAA coverage from the controls citing it.',
    meaning:
      'An attestation has `framework: hipaa`. HHS runs no certification of the Security Rule and recognises none, so a badge would claim what no one can grant; the trust center shows none',
    fix: 'Keep the assessment report as a trust document instead of an attestation',
  },
  TB362: {
    title: 'Imported mapping row with an unknown relationship',
    severity: 'warning',
    step: null,
    failsControl: false,
    /** `cell`: the row and column (`row 4, column "relationship"`); `known`: the relationships Trustbook reads. */
    message: (cell: string, written: string, known: readonly string[]) =>
      `${cell}: the relationship "${written}" is not one of ${known.join(', ')}, so the row is passed over`,
    hint: 'Write one of the relationships NIST IR 8477 names (equivalent-to, subset-of, superset-of, intersects-with) in the cell, or leave it empty for intersects-with, and import the file again.',
    meaning:
      'Raised by `trustbook import mapping` on a CSV with a relationship column: a row names a relationship Trustbook does not read, so none of its pairs is kept; the row is listed in `passed-over.csv`',
    fix: 'Correct the relationship in the file, or leave it empty',
  },
  TB365: {
    title: 'Mapping workbook without a header row',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `sheets`: every sheet looked at, by name. */
    message: (file: string, sheets: readonly string[]) =>
      `no sheet of ${file} has a header row of a mapping Trustbook reads (sheets looked at, first 30 rows each: ${sheets.map((sheet) => `"${sheet}"`).join(', ')})`,
    hint: 'The importer reads the Secure Controls Framework workbook (a header with an "SCF #" column and one column per framework) and AICPA\'s mapping spreadsheets (a header with a TSC reference column beside the other framework\'s). Name the sheet with --sheet and the headers with --map source=HEADER,target=HEADER, or save the sheet as CSV with source and target columns.',
    meaning:
      'Raised by `trustbook import mapping` on an .xlsx file: no sheet has, in its first 30 rows, a row of headers naming the SOC 2 criteria and the ids of another framework. Nothing is imported',
    fix: 'Import the workbook as downloaded from its publisher, or name the sheet and columns with `--sheet` and `--map`',
  },
  TB366: {
    title: 'Mapping workbook without a column the import needs',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `missing`: what the column would hold; `headers`: the row's headers as written. */
    message: (sheet: string, row: number, missing: string, headers: readonly string[]) =>
      `sheet "${sheet}" has its header row at row ${row}, but no column of ${missing}; its headers: ${headers.map((header) => `"${header}"`).join(', ')}`,
    hint: (_sheet: string, _row: number, missing: string) =>
      `Pass --map with the header of the column of ${missing} (source=HEADER for the SOC 2 criteria, target=HEADER for the other framework), or import a mapping to the framework the workbook does hold (--to).`,
    meaning:
      'Raised by `trustbook import mapping`: the sheet has a header row, but no column for the SOC 2 criteria or for the framework named with `--to` (an SCF workbook of an edition that has no ISO 27001:2022 or CSF 2.0 column, say). Nothing is imported',
    fix: 'Name the column with `--map`, or import the workbook for a framework it maps to',
  },
  TB367: {
    title: 'Imported mapping names an id not in the catalogs',
    severity: 'warning',
    step: null,
    failsControl: false,
    /** `cell`: the sheet and cell (`'SCF 2025.4'!Q12`); `framework`: `soc2`, or the name of the catalog looked in. */
    message: (cell: string, id: string, framework: string, meant: readonly string[]) =>
      id === ''
        ? `${cell}: an id of ${framework} on a row with no SOC 2 criterion, neither its own nor one above it in its group, so no pair is made from it`
        : `${cell}: "${id}" is not ${framework === 'soc2' ? 'a SOC 2 criterion' : `a requirement of ${framework}`} in Trustbook's catalogs${meant.length > 0 ? ` (did you mean ${meant.map((near) => `"${near}"`).join(', ')}?)` : ''}, so no pair is made from it`,
    hint: 'Nothing to do when the id belongs to another edition (ISO 27001:2013, CSF 1.1) or names a heading rather than a requirement; otherwise correct the cell in the file and import it again.',
    meaning:
      'Raised by `trustbook import mapping`: a cell of the CSV or workbook names an id that the catalog of its framework does not hold, after reading (in a workbook) a point of focus (`CC1.1-POF3`) as its criterion and dropping a sub-item (`6.1.2(a)`). The pairs it would have made are left out and listed',
    fix: 'Correct the id in the workbook, or leave it out when it belongs to another edition',
  },
  TB368: {
    title: 'Mapping workbook cell holds a formula or an error',
    severity: 'warning',
    step: null,
    failsControl: false,
    /** `value`: the formula without its `=`, or the error (`#N/A`). */
    message: (cell: string, kind: 'formula' | 'error', value: string) =>
      kind === 'formula'
        ? `${cell} holds a formula (=${value}); only typed values are read, so the cell is passed over`
        : `${cell} holds the error ${value}; the cell is passed over`,
    hint: 'Replace the formula by its value in the workbook (copy, then paste as values), or correct the error, and import it again.',
    meaning:
      "Raised by `trustbook import mapping`: a cell the import reads holds a formula or an error value. A formula's saved result may be stale or absent, so it is not trusted; the cell is left out and listed",
    fix: 'Paste the values over the formulas in the workbook, or correct the error',
  },
  TB369: {
    title: 'Imported mapping with no usable pair',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `sheet`: the workbook's sheet read; none for a CSV. */
    message: (file: string, sheet: string | undefined, target: string) =>
      `no row ${sheet === undefined ? '' : `of sheet "${sheet}" `}of ${file} pairs a SOC 2 criterion with a ${target} requirement of Trustbook's catalogs, so nothing was imported`,
    hint: 'Read the findings above for the ids passed over; check --to, and name the columns with --map when the wrong ones were taken.',
    meaning:
      'Raised by `trustbook import mapping`: the CSV or workbook was read, but no row gave a pair of known ids (every id unknown, or the columns read were not the intended ones). Nothing is written',
    fix: 'Check `--to` and the columns reported as used; name the right ones with `--map`',
  },
  TB401: {
    title: 'Control without evidence',
    severity: 'deferrable',
    step: 'controls',
    failsControl: true,
    message: (control: string) => `implemented control ${control} has no evidence series`,
    hint: (control: string) =>
      `Create evidence-index/EV-${control}.mdx with \`controls: [${control}]\` (\`trustbook new evidence EV-${control}\`), or set \`status: planned\` if it is not operating yet.`,
    meaning: 'An implemented control has no evidence series',
    fix: 'Create `evidence-index/EV-<id>.mdx` naming the control, or mark the control `planned`',
  },
  TB402: {
    title: 'Evidence series without artifacts',
    severity: 'deferrable',
    step: 'evidence',
    failsControl: true,
    message: (series: string) => `evidence series ${series} has no artifacts`,
    hint: 'Record what was collected as an entry under `artifacts:` (`collected`, `period`, and a `location` or `file`).',
    meaning: 'An evidence series has no artifact',
    fix: 'Record the artifacts collected',
  },
  TB403: {
    title: 'Per-event series without a population',
    severity: 'deferrable',
    step: 'evidence',
    failsControl: true,
    /** `uncovered`: the days the populations leave out; none when the series has no population at all. */
    message: (series: string, uncovered: Span | undefined) =>
      uncovered === undefined
        ? `${series} is per-event and has no population for the audit window: the auditor cannot sample its events`
        : `the population of ${series} does not cover ${uncovered.start} to ${uncovered.end}`,
    hint: 'Add under `population:` the list of every event of the window (`source`, `query`, `exported`, `rows`, and a `file` with its `sha256` or a `location`); if no event occurred, `rows: 0` with a `note` saying how that is known.',
    meaning:
      'A per-event series has no population (the list of every event) covering the window up to 30 days before the evaluation date',
    fix: 'Add `population:` entries (source, query, exported, rows, file or location); `rows: 0` with a `note` if nothing happened',
  },
  TB404: {
    title: 'Per-event series without evidence in the window',
    severity: 'deferrable',
    step: 'evidence',
    failsControl: true,
    message: (series: string, window: Span) =>
      `${series} has no artifact of an event inside the audit window ${window.start} to ${window.end}`,
    hint: 'Evidence of events before the window says nothing about it: add the records of events in the window (the auditor samples them from the population).',
    meaning: 'A per-event series has artifacts, but none of an event inside the audit window',
    fix: 'Record the evidence of events in the window',
  },
  TB405: {
    title: 'Population cannot be complete',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    message: (problem: PopulationProblem) =>
      problem.what === 'outside'
        ? `the population from ${problem.source} covers ${problem.period}, outside the audit window ${problem.window.start} to ${problem.window.end}`
        : problem.what === 'early'
          ? `the population from ${problem.source} was exported ${problem.exported}, before the end of the period it lists (${problem.end}): events after the export are missing from it`
          : `the population \`evidence-index/${problem.file}\` lists ${problem.listed} events, but \`rows\` says ${problem.rows}`,
    hint: (problem: PopulationProblem) =>
      problem.what === 'outside'
        ? 'Export the events of the audit window, and set `period` to the part of the window the export covers.'
        : problem.what === 'early'
          ? 'Export the list again after the period has ended, or set `period` to end on the export date.'
          : 'Set `rows` to the number of events the export lists (its lines after the header), or export it again.',
    meaning:
      'A population was exported before the end of the period it lists (so it cannot be complete), or lists a period outside the window',
    fix: 'Export it again after the period ends, or correct its `period`',
  },
  TB406: {
    title: 'Evidence less frequent than its control',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `listed`: the control's series with their frequencies, `EV-1 (annual), EV-2 (quarterly)`. */
    message: (control: string, frequency: Frequency, listed: string) =>
      frequency === 'per-event'
        ? `${control} operates per event, but its evidence is periodic: ${listed}; the auditor samples events from a population`
        : `${control} operates ${frequency}, but its evidence is collected less often: ${listed}`,
    hint: (_control: string, frequency: Frequency) =>
      frequency === 'per-event'
        ? 'Keep a per-event series with the population of events and the record of each.'
        : `Collect the evidence at least ${frequency} (change the series' \`frequency\` and add an artifact per period), or, if one artifact shows every occurrence, say so in the series' \`frequency_note\`.`,
    meaning:
      'The evidence of a control is collected less often than the control operates (a quarterly control with only an annual series; a per-event control with only periodic evidence)',
    fix: "Collect it as often as the control runs, or explain in the series' `frequency_note` why one artifact shows every occurrence",
  },
  TB408: {
    title: 'Personnel population disagrees with the staff register',
    severity: 'error',
    step: 'evidence',
    failsControl: false,
    message: (problem: CohortProblem) => {
      if (problem.what === 'not-per-event') {
        return `${problem.series} names the cohort \`${problem.cohort}\` but is ${problem.frequency}: a cohort's events are people joining or leaving`;
      }
      const parts = [
        problem.notInRegister.length > 0
          ? `in the export but not among the register's ${problem.label}: ${someOf(problem.notInRegister, 3)}`
          : '',
        problem.notExported.length > 0
          ? `among the register's ${problem.label} but not in the export: ${someOf(problem.notExported, 3)}`
          : '',
      ].filter(Boolean);
      return `the population of ${problem.series} and ${problem.register} disagree on the ${problem.label} of the window: ${parts.join('; ')}`;
    },
    hint: (problem: CohortProblem) =>
      problem.what === 'not-per-event'
        ? 'Set `frequency: per-event`, or remove `cohort`.'
        : `Each person in the HR system's list is a staff record with \`${problem.cohort === 'new-hires' ? 'hired' : 'left'}\` inside the window, and the reverse. Add the missing staff records or dates, or export the list again.`,
    meaning:
      "A personnel series (`cohort: new-hires` or `leavers`) and `content/people.yaml` disagree: a person in the HR export (its `person` column, else its first) who is not among the register's new hires or leavers of the window, or one of them missing from the export; or `cohort` on a series that is not per-event",
    fix: 'Add the missing staff records or dates (`hired`, `left`), or export the HR list again',
  },
  TB409: {
    title: 'Population row outside its period',
    severity: 'error',
    step: 'evidence',
    failsControl: false,
    message: (problem: RowDateProblem) =>
      problem.what === 'no-column'
        ? `\`evidence-index/${problem.file}\` has no column \`${problem.column}\` (its columns: ${problem.columns.join(', ')})`
        : `${problem.rows.length === 1 ? 'a row' : `${problem.rows.length} rows`} of \`evidence-index/${problem.file}\` ${problem.rows.length === 1 ? 'is' : 'are'} not dated inside ${problem.period.start} to ${problem.period.end}: ${someOf(problem.rows, 3)}`,
    hint: (problem: RowDateProblem) =>
      problem.what === 'no-column'
        ? 'Set `date_column` to the header of the column that dates each event.'
        : 'An event outside the period is not part of this population: export the period again with the right filter, or set `period` (and `rows`) to what the export holds.',
    meaning:
      "A row of a population export is dated outside the population's period (its `date_column`), has no date there, or the export has no such column",
    fix: 'Export the period again with the right filter, or correct `period`, `rows` or `date_column`',
  },
  TB410: {
    title: 'Event listed twice in the population',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `repeated`: each event listed again, with where it is listed. */
    message: (series: string, repeated: readonly string[]) =>
      `the population of ${series} lists ${repeated.length === 1 ? 'an event' : `${repeated.length} events`} more than once: ${someOf(repeated, 3)}`,
    hint: 'Each event appears once in the population. Export again with a query that cannot return an event twice (or that does not overlap another export), and record the new `rows` and `sha256`.',
    meaning:
      'A population lists an event more than once, in one export or in two: the population is not the list of events',
    fix: 'Export again with a query that returns each event once, and record the new `rows` and `sha256`',
  },
  TB411: {
    title: 'Blank row in a population',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    message: (file: string, lines: readonly number[]) =>
      `\`evidence-index/${file}\` has ${lines.length === 1 ? 'a row' : `${lines.length} rows`} without an event id (first column): line ${someOf(lines.map(String), 4)}`,
    hint: 'Every row of a population is one event with its id. Export the list again from the source system; a blank row is never sampled, so whatever it stood for would go untested.',
    meaning:
      'A population export has a row without an event id (its first column is empty): such a row is never sampled',
    fix: 'Export the list again from the source system',
  },
  TB412: {
    title: 'Overlapping population exports',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `first` and `second`: the entries of `population`, counted from 1. */
    message: (series: string, shared: Span, first: number, second: number) =>
      `two populations of ${series} both cover ${shared.start} to ${shared.end} (entries ${first} and ${second}): the events of those days are listed twice, or the exports disagree`,
    hint: 'Give each export its own part of the window with `period` (one per quarter, say), or keep one export of the whole window.',
    meaning:
      'Two populations of one series cover the same days: their events are listed twice, or the exports disagree',
    fix: 'Give each export its own `period`, or keep one export of the whole window',
  },
  TB413: {
    title: '"No events" contradicted by the records',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `events`: what the program records of events in the period, described. */
    message: (series: string, period: Span, events: readonly string[]) =>
      `the population of ${series} says no event occurred from ${period.start} to ${period.end} (\`rows: 0\`), but its artifacts record ${events.length === 1 ? 'one' : events.length}: ${someOf(events, 4)}`,
    hint: 'Export the events of the period from the source system and record them (`rows`, `file` and `sha256`); a "no events" statement has to agree with every record the program keeps.',
    meaning:
      'A population says no event occurred (`rows: 0`), but an artifact of the series is dated inside its period, an exception names an event in it, or an artifact names a sampled event when every population says "no events"',
    fix: 'Export and record the events of the period',
  },
  TB414: {
    title: 'Population leaves months empty',
    severity: 'warning',
    step: 'evidence',
    failsControl: false,
    /** `months`: the empty months, as `YYYY-MM`; `average`: the events of each other month, on average. */
    message: (file: string, months: readonly string[], average: number) =>
      `\`evidence-index/${file}\` lists no event in ${someOf(months, 4)}, while its other months average ${average.toFixed(1)} events: was nothing done then, or did the export miss it?`,
    hint: 'Confirm in the source system that those months had no event, and say how in the population’s `note`; if the export missed them, export the period again.',
    meaning:
      'A dated export (`date_column`) leaves whole months of its period empty while its other months average three or more events each (warning): a question the auditor will ask',
    fix: 'Confirm in the source system that nothing happened those months and tell the auditor, or export the period again',
  },
  TB501: {
    title: 'Policy review overdue',
    severity: 'varies',
    step: 'policies',
    failsControl: false,
    ...dueDate,
    meaning: 'A policy is past `approved` + `review_months`',
    fix: 'Review it and update `approved` (and `version`)',
  },
  TB502: {
    title: 'Evidence is stale',
    severity: 'varies',
    step: 'evidence',
    failsControl: true,
    ...dueDate,
    meaning: 'The newest artifact of a series is older than its frequency allows',
    fix: 'Collect and record current evidence',
  },
  TB503: {
    title: 'Vendor review overdue',
    severity: 'varies',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    ...dueDate,
    meaning: 'A vendor review is past `reviewed` + `review_months`',
    fix: 'Review the vendor and update `reviewed`',
  },
  TB504: {
    title: 'Vendor assurance out of date',
    severity: 'varies',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    ...dueDate,
    meaning: "A vendor's SOC report period ended over a year ago, or its certificate expired",
    fix: 'Obtain the current report or certificate',
  },
  TB505: {
    title: 'Risk not reviewed',
    severity: 'varies',
    step: 'risks',
    failsControl: false,
    checklistRule: 'risks',
    ...dueDate,
    meaning: 'A risk has not been reviewed in 12 months',
    fix: 'Review it and update `reviewed`',
  },
  TB506: {
    title: 'Risk treatment past due',
    severity: 'varies',
    step: 'risks',
    failsControl: false,
    checklistRule: 'risks',
    ...dueDate,
    meaning: "A risk's treatment is past its `due` date",
    fix: 'Finish the treatment, or agree a new date',
  },
  TB507: {
    title: 'Security training overdue',
    severity: 'varies',
    step: 'training',
    failsControl: false,
    checklistRule: 'training',
    message: (late: DueDate | LateTraining) =>
      'what' in late
        ? dueDate.message(late)
        : 'trained' in late
          ? `${late.person}'s first security training was on ${late.trained}, after it was due (${late.due}, ${late.graceDays} days after joining on ${late.hired})`
          : `${late.person} left on ${late.left} without the security training due ${late.due}`,
    hint: (late: DueDate | LateTraining) =>
      'what' in late
        ? late.hint
        : 'A new hire trained late is a deviation in the window: disclose it as an exception (`sample:` the person’s id) of the series that evidences training, or correct the date if it is wrong.',
    meaning:
      "A current staff member's security training is overdue (30 days after hire, then yearly); or a new hire of the audit window was first trained after those 30 days, or left untrained after them",
    fix: "Record the training date; a late first training is a deviation to disclose (an exception with `sample:` the person's id)",
  },
  TB508: {
    title: 'Background check missing',
    severity: 'error',
    step: 'training',
    failsControl: false,
    checklistRule: 'training',
    message: (person: string) => `${person} has no background check on record`,
    hint: 'Record the date the check was completed as `background_check:` on the staff record.',
    meaning: 'A current staff member, or a new hire of the audit window, has no background check on record',
    fix: "Record the check's date",
  },
  TB509: {
    title: 'System description review overdue',
    severity: 'varies',
    step: 'scope',
    failsControl: false,
    ...dueDate,
    meaning: 'The system description has not been reviewed in 12 months',
    fix: 'Review it and update `reviewed`',
  },
  TB510: {
    title: 'Vendor assurance without its date',
    severity: 'error',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    /** `type`: the assurance's type; a report lacks `period_end`, a certificate `expires`. */
    message: (vendor: string, type: string, missing: 'period_end' | 'expires') =>
      missing === 'period_end'
        ? `the ${type} report of ${vendor} has no \`period_end\`, so it can never be found out of date`
        : `the ${type} certificate of ${vendor} has no \`expires\`, so it can never be found out of date`,
    hint: (_vendor: string, _type: string, missing: 'period_end' | 'expires') =>
      missing === 'period_end'
        ? 'Add `period_end:` (the last day of the period the report covers; for a Type I, its date) from the report itself.'
        : 'Add `expires:` from the certificate.',
    meaning:
      "A vendor's SOC report has no `period_end`, or its certificate no `expires`, so it could never be found out of date",
    fix: 'Record the date from the report or certificate',
  },
  TB511: {
    title: 'Critical subprocessor without assurance',
    severity: 'varies',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    message: (vendor: string, criticality: string) =>
      `${vendor} is a ${criticality} subprocessor with no assurance report or certificate on record`,
    hint: "Obtain the vendor's SOC 2 report (or ISO 27001 certificate) and record it under `assurance`, or record how else the vendor's controls were assessed in the vendor review.",
    meaning:
      'A critical subprocessor has no assurance (no report or certificate, or `type: none`); a warning for a high one',
    fix: "Obtain and record the vendor's SOC 2 report or certificate",
  },
  TB512: {
    title: 'Carve-out subservice organization incomplete',
    severity: 'error',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    /** `missing`: what the carve-out lacks, its own SOC 2 report or the controls relied on at it. */
    message: (vendor: string, missing: 'report' | 'csocs') =>
      missing === 'report'
        ? `${vendor} is carved out, but no SOC 2 report of its own is on record`
        : `${vendor} is carved out, but no complementary subservice organization controls (\`csocs\`) are listed`,
    hint: (_vendor: string, missing: 'report' | 'csocs') =>
      missing === 'report'
        ? "A carved-out subservice organization's controls are covered by its own SOC report: record it under `assurance` (type soc2-type2, `period_end`)."
        : 'List under `csocs:` what the company relies on the vendor to do, each with the criteria it supports; the report states them in DC7.',
    meaning: 'A vendor marked `carve_out: true` has no SOC 2 report on record, or no `csocs`',
    fix: 'Record its SOC 2 report under `assurance`, and list the controls relied on at it',
  },
  TB513: {
    title: 'Leaver access not removed in time',
    severity: 'varies',
    step: 'training',
    failsControl: false,
    message: (person: string, removal: AccessRemoval) =>
      'removed' in removal
        ? `${person}'s access was removed ${removal.removed}, after the deadline ${removal.deadline} (${plural(removal.days, 'day')} after leaving on ${removal.left})`
        : `${person} left ${removal.left}, and no removal of their access is recorded (due by ${removal.deadline})`,
    hint: (_person: string, removal: AccessRemoval) =>
      'removed' in removal
        ? 'Late removal is a deviation: disclose it as an exception (`sample:` the person’s id or their offboarding ticket) of the offboarding evidence series, or correct the date if it is wrong.'
        : 'Record the day the last of their access was removed as `access_removed:`, from the offboarding ticket.',
    meaning:
      "A leaver's access removal is not recorded (`access_removed`) once the deadline passed, or was after `left` + `access_removal_days` (default 1)",
    fix: 'Record the removal date from the offboarding ticket; a late removal is an exception to disclose',
  },
  TB514: {
    title: 'New hire given access before screening',
    severity: 'varies',
    step: 'training',
    failsControl: false,
    /** `late`: what came before screening, "started work" or "was given access". */
    message: (person: string, late: string, firstAccess: string, screened: string | undefined) =>
      `${person} ${late} on ${firstAccess}, before the background check was completed on ${screened}`,
    hint: 'Screening comes before access: disclose this hire as an exception (`sample:` the person’s id) of the series that evidences background checks, or correct the dates if they are wrong.',
    meaning:
      'A new hire of the audit window started work, or was given access (`access_granted`), before their background check was completed',
    fix: "Disclose it as an exception (`sample:` the person's id) of the series that evidences screening, or correct the dates",
  },
  TB515: {
    title: 'Subservice organization without a Type II report',
    severity: 'error',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    message: (vendor: string) =>
      `${vendor} is carved out on the strength of a SOC 2 Type I report, which says nothing about how its controls operated over a period`,
    hint: "Obtain the vendor's SOC 2 Type II report and record it (type soc2-type2, `period_end`), or include the vendor's controls in the company's own report instead of carving it out.",
    meaning:
      "A carved-out subservice organization's report on record is a SOC 2 Type I: it says nothing about how the vendor's controls operated over the period",
    fix: 'Obtain its Type II report (`soc2-type2`), or include its controls instead of carving it out',
  },
  TB516: {
    title: 'Vendor bridge letter beyond what it can cover',
    severity: 'error',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    /** `reasons`: why no letter can reach that day; `months`: how far past a report's period a letter may reach. */
    message: (vendor: string, coversUntil: string, reasons: string[]) =>
      `the bridge letter of ${vendor} covers until ${coversUntil}, ${reasons.join(' and ')}: no letter can, so the vendor's report has lapsed`,
    hint: (_vendor: string, _coversUntil: string, _reasons: string[], months: number) =>
      `A bridge letter speaks for days that have passed, and for no more than ${months} months after the report's period: obtain the vendor's next report, or record the letter's real \`covers_until\`.`,
    meaning:
      "A vendor's bridge letter `covers_until` a day more than 3 months after its report's `period_end` (the few months a bridge letter is accepted for), or after the evaluation date (a letter speaks only for days that have passed): the vendor's report has lapsed",
    fix: "Obtain the vendor's next report, or record the letter's real `covers_until`",
  },
  TB517: {
    title: 'Vendor report not reviewed',
    severity: 'varies',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    message: (vendor: string, type: string, periodEnd: string, reviewed: string) =>
      `${vendor}'s ${type} report covers a period ending ${periodEnd}, and the last review of the vendor was on ${reviewed}: nobody has reviewed that report`,
    hint: "Review the vendor's report (its opinion, exceptions, and the controls it expects of the company), then set `reviewed:` to the day of that review.",
    meaning:
      "A vendor's `reviewed` day comes before its SOC report's `period_end`, so nobody has reviewed that report (error for a carved-out organization, warning otherwise)",
    fix: 'Review the report (opinion, exceptions, the controls it expects of the company) and set `reviewed:`',
  },
  TB518: {
    title: 'Vendor removal dated impossibly',
    severity: 'error',
    step: 'vendors',
    failsControl: false,
    checklistRule: 'vendors',
    /** `added` when the removal comes before it; else `asOf`, the evaluation date it comes after. */
    message: (vendor: string, removed: string, problem: { added: string } | { asOf: string }) =>
      'added' in problem
        ? `${vendor} is recorded as removed on ${removed}, before it was added on ${problem.added}`
        : `${vendor} is recorded as removed on ${removed}, a day still to come on ${problem.asOf}`,
    hint: 'Record `removed:` once the company has stopped using the vendor, as the day it did; until then the vendor is in use.',
    meaning: "A vendor's `removed` day comes before its `added` day, or after the evaluation date",
    fix: 'Record `removed:` once the vendor is no longer used, as the day it stopped',
  },
  TB520: {
    title: 'Policy not acknowledged',
    severity: 'varies',
    step: 'training',
    failsControl: false,
    message: (due: AcknowledgementDue) => {
      const what = `${due.policy} version ${due.major}.x`;
      if (due.state === 'due')
        return `${due.person} must acknowledge ${what} by ${due.due} (in ${plural(due.days, 'day')})`;
      const late = `(due ${due.due}, ${plural(due.days, 'day')} overdue)`;
      return due.current
        ? `${due.person} has not acknowledged ${what} ${late}`
        : `${due.person} had not acknowledged ${what} when they left on ${due.left} ${late}`;
    },
    hint: (due: AcknowledgementDue) => {
      const ask = `Ask ${due.person} to read the policy on the employee portal and acknowledge it, then import the form's export with \`trustbook acknowledgements import\`.`;
      return due.state === 'due'
        ? ask
        : `${ask} To disclose it to the auditor, add an exception with \`sample: ${due.person}/${due.policy}\` to the series that evidences acknowledgements.`;
    },
    meaning:
      "A current staff member has not acknowledged the current major version of a policy that applies to them (`applies_to`) within `acknowledge_within_days` (default 30) of the later of their hire date and the version's `effective` date: an error once overdue, a warning within `warn_within_days`. A new major version (the part of `version` before the first dot) starts the clock again; a minor one does not. Leavers are not chased, but one who left during the audit window with an acknowledgement already overdue on their last day is reported (a deviation in the window). An overdue acknowledgement disclosed as an exception with `sample: <person>/<policy>` is a warning until `remediated`. Reported once the program tracks acknowledgements (a record in `content/acknowledgements/`, or `acknowledge_url` or `acknowledge_within_days` set)",
    fix: "Have the person acknowledge the policy (the employee portal links to `acknowledge_url`) and import the form's export with `trustbook acknowledgements import`",
  },
  TB521: {
    title: 'Acknowledgement of a text that never existed',
    severity: 'error',
    step: 'training',
    failsControl: false,
    /** `problem`: how the record's version or sha256 differs from the texts the policy had. */
    message: (person: string, policy: string, problem: string) =>
      `${person}'s acknowledgement of ${policy}: ${problem}`,
    hint: 'An acknowledgement must name a text that existed: the version and the sha256 the employee portal links with. Correct the record from the form export, or ask the person to acknowledge the current text.',
    meaning:
      "An acknowledgement names a text that never existed: a version later than the policy's current one, or the current version with a `sha256` that is not the current text's",
    fix: "Correct the record from the form export (the portal's link carries the right version and hash), or have the person acknowledge the current text",
  },
  TB522: {
    title: 'Acknowledgement names an unknown person or policy',
    severity: 'error',
    step: 'training',
    failsControl: false,
    message: (unknown: UnknownAcknowledged) =>
      unknown.what === 'person'
        ? `the acknowledgement names \`${unknown.id}\`, who is not on staff in ${unknown.file}`
        : `the acknowledgement names policy \`${unknown.id}\`, which does not exist`,
    hint: (unknown: UnknownAcknowledged) =>
      unknown.suggestion
        ? `Did you mean \`${unknown.suggestion}\`?`
        : unknown.what === 'person'
          ? `Name a staff id from ${unknown.file}, or add the person's staff record.`
          : 'Name a policy id from policies/.',
    meaning: 'An acknowledgement names a person who is not on staff, or a policy that does not exist',
    fix: 'Correct the id; the hint suggests the closest one',
  },
  TB523: {
    title: 'Acknowledgement dated impossibly',
    severity: 'error',
    step: 'training',
    failsControl: false,
    message: (record: ImpossibleAcknowledgement) =>
      `${record.person}'s acknowledgement of ${record.policy} is dated ${record.date}, ${
        record.what === 'future' ? `in the future (as of ${record.asOf})` : `before they were hired (${record.hired})`
      }`,
    hint: (record: ImpossibleAcknowledgement) =>
      record.what === 'future'
        ? 'Record the day the person acknowledged the policy, from the form export.'
        : 'Check the date and the person: an acknowledgement before the first day of work does not count.',
    meaning: 'An acknowledgement is dated after the evaluation date, or before the person was hired',
    fix: 'Correct the date from the form export; such a record does not count',
  },
  TB524: {
    title: 'Policy acknowledged late',
    severity: 'varies',
    step: 'training',
    failsControl: false,
    /** `major`: the major version acknowledged late; `due`: the day it was due. */
    message: (person: string, policy: string, major: string, due: string) =>
      `${person} acknowledged ${policy} version ${major}.x only after it was due (${due})`,
    hint: (person: string, policy: string) =>
      `A late acknowledgement is a deviation in the audit window: disclose it as an exception with \`sample: ${person}/${policy}\` in the series that evidences acknowledgements, or correct the date if it is wrong.`,
    meaning:
      "Type II: a policy was acknowledged, but first after it was due (`acknowledge_within_days` after the later of hire and the version's `effective`), with the due date inside the window: a deviation, like a late first training. Disclosed as an exception (`sample: <person>/<policy>`), a warning until remediated",
    fix: 'Disclose it to the auditor, or correct the date from the form export',
  },
  TB525: {
    title: 'Acknowledgement before the version was approved',
    severity: 'error',
    step: 'training',
    failsControl: false,
    message: (person: string, policy: string, version: string, date: string, approved: string) =>
      `${person}'s acknowledgement of ${policy} version ${version} is dated ${date}, before that version was approved (${approved})`,
    hint: 'Nobody can acknowledge a text before it exists: correct the date or the version from the form export. Such a record does not count.',
    meaning:
      "An acknowledgement of a policy's current version is dated before that version was approved: it cannot have happened, and does not count",
    fix: 'Correct the date or the version from the form export',
  },
  TB526: {
    title: 'Security training lapsed during the window',
    severity: 'varies',
    step: 'training',
    failsControl: false,
    /** `lapse`: the days without training, as `describeSpan` words them. */
    message: (person: string, lapse: string) =>
      `${person} went without current security training ${lapse}, while employed in the audit window`,
    hint: 'Training is due within the grace days of joining and then every year: a lapse in the window is a deviation even if a later training closed it. Disclose it as an exception (`sample:` the person’s id) of the series that evidences training, or record the training date that is missing.',
    meaning:
      "Type II: someone employed during the window (leavers included) went without current security training for some days of their employment in it (first training within 30 days of joining, then every 12 months), even if a later training closed the lapse. A lapse still open today, and a new hire's late first training, are TB507",
    fix: "Disclose the lapse as an exception (`sample:` the person's id) of the training series, or record the training that is missing (the one before the window counts)",
  },
  TB530: {
    title: 'Attestation lapsed',
    severity: 'varies',
    step: 'audit',
    failsControl: false,
    /** `name`: the attestation as `attestationName` words it; `days` until it lapses, unless it has. */
    message: (name: string, lapses: string, days?: number) =>
      days === undefined
        ? `the ${name} lapsed on ${lapses}, 12 months after its period ended; the trust center shows no badge for it`
        : `the ${name} lapses on ${lapses}, in ${days} days`,
    hint: (_name: string, _lapses: string, days?: number) =>
      days === undefined
        ? 'Record the new report as an attestation, and retire this one (delete the file: git keeps its history).'
        : 'Have the next report issued, and record it as an attestation.',
    meaning:
      "An attestation's report lapsed: its period (or Type I date) ended more than 12 months ago (error); or it lapses within `warn_within_days` (warning). The trust center shows no badge for a lapsed report",
    fix: 'Record the new report as an attestation; delete the old one (git keeps it)',
  },
  TB531: {
    title: 'Bridge letter needed',
    severity: 'warning',
    step: 'audit',
    failsControl: false,
    message: (name: string, periodEnd: string, asOf: string) =>
      `the ${name} ended over three months ago (${periodEnd}) and no bridge letter speaks for the last three months before ${asOf}; the trust center shows no badge for it until one does`,
    hint: 'Add the bridge letter management signed as a trust document, and list it under `bridge_letters` with the day it covers to.',
    meaning:
      "More than three months have passed since an attestation's period ended and no bridge letter speaks for a day within the three months before the evaluation date (warning); the trust center shows no badge until one does",
    fix: 'Add the bridge letter as a trust document and list it under `bridge_letters` with the day it speaks up to',
  },
  TB532: {
    title: 'Trust document missing or out of date',
    severity: 'varies',
    step: null,
    failsControl: false,
    message: (problem: TrustDocumentProblem) =>
      'dir' in problem
        ? `the file ${problem.file} does not exist inside the repository`
        : problem.days === undefined
          ? `"${problem.title}" was valid until ${problem.validUntil}; the trust center no longer lists it`
          : `"${problem.title}" is valid until ${problem.validUntil}, in ${problem.days} days`,
    hint: (problem: TrustDocumentProblem) =>
      'dir' in problem
        ? `Add the file, or correct the path (relative to the repository root, in ${problem.dir}/).`
        : 'Replace it with the current document and date, or remove it.',
    meaning:
      "A trust document's `file` does not exist inside the repository (error), or its `valid_until` has passed (error; the trust center stops listing it) or comes within `warn_within_days` (warning)",
    fix: 'Add the file or correct the path; replace the document',
  },
  TB533: {
    title: 'Grant gives a document it cannot give',
    severity: 'varies',
    step: null,
    failsControl: false,
    message: (problem: UngivableDocument) =>
      problem.what === 'unknown'
        ? `gives the trust document "${problem.id}", which does not exist`
        : problem.what === 'public'
          ? `gives "${problem.title}", which is public: a grant is for documents under NDA`
          : problem.what === 'elsewhere'
            ? `gives "${problem.title}", which is kept elsewhere (\`url:\`), so the build cannot encrypt it for the recipient`
            : `gives "${problem.title}", which is not a PDF: the recipient's copy is encrypted but cannot be stamped with their name`,
    hint: (problem: UngivableDocument) =>
      problem.what === 'unknown'
        ? 'Name a document of content/trust/documents/ by its id (its file name).'
        : problem.what === 'public'
          ? 'Remove it from the grant (anyone can download it from the trust center), or make the document `access: nda`.'
          : problem.what === 'elsewhere'
            ? 'Keep the document in the repository (`file:`), or share it from where it is kept and remove it from the grant.'
            : 'Give the document as a PDF (export it), so every page of the copy names its recipient.',
    meaning:
      "A grant gives a trust document that does not exist, is public (anyone can download it), or is kept elsewhere (`url:`), so the build cannot encrypt it (errors); or one that is not a PDF, whose copy cannot be stamped with the recipient's name (warning)",
    fix: 'Name a document of content/trust/documents/ that is `access: nda` with a `file:` in the repository; give it as a PDF',
  },
  TB534: {
    title: 'Grant names an NDA text that is not kept',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `kept`: each NDA file with the start of its version, "content/trust/nda/v1.md is 3f2a…". */
    message: (version: string, kept: string[]) =>
      `names the NDA version ${version.slice(0, 12)}…, which is no NDA text in content/trust/nda/${kept.length ? ` (${kept.join('; ')})` : ''}`,
    hint: 'Keep the exact text the recipient accepted as a file in content/trust/nda/ (a changed text is a new version: add it as a new file); `trustbook grant add --nda-version` records the version the requester accepted.',
    meaning:
      "A grant's `nda_version` is the SHA-256 of no NDA text in content/trust/nda/: the text the recipient accepted is not kept (an edited NDA is a new version)",
    fix: 'Keep each version the grants name as its own file there; `trustbook grant add --nda-version` records the version the requester accepted',
  },
  TB535: {
    title: 'Grant about to expire',
    severity: 'warning',
    step: null,
    failsControl: false,
    message: (name: string, organization: string, expires: string, days: number) =>
      `${name}'s access (${organization}) ends on ${expires}, in ${plural(days, 'day')}`,
    hint: 'Extend `expires` if the NDA still covers them (the link stays the same), or let it end.',
    meaning:
      'A current grant expires within `warn_within_days` (warning); a grant given for no longer than that window was made short on purpose and is not warned of',
    fix: 'Extend `expires` (the link stays the same), or let it end',
  },
  TB536: {
    title: 'No grant secret: documents under NDA are not published',
    severity: 'varies',
    step: null,
    failsControl: false,
    /** `env`: the secret's variable; `deployEnv`: the variable set in the deployed build, when it is. */
    message: (env: string, current: number, deployEnv: string | undefined) =>
      `${env} is not set, so the ${plural(current, 'current grant')} publish nothing: no recipient's link opens a document${deployEnv ? ` (this is the deployed build: ${deployEnv} is set)` : ''}`,
    hint: (env: string) =>
      `Give the deploy step ${env} (an environment secret of the protected deploy environment; \`trustbook grant secret\` makes one). Never commit it.`,
    meaning:
      'Current grants exist but `TRUSTBOOK_GRANT_SECRET` is not set: the build publishes no grant files and no access page. A warning, except in the deployed build (`TRUSTBOOK_DEPLOY` set), where it is an error: every link would stop opening',
    fix: 'Give the deploy step the secret (an environment secret of the protected deploy environment; `trustbook grant secret` makes one), never in the repository',
  },
  TB537: {
    title: 'Grant secret not generated',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (env: string) =>
      `${env} is not a generated secret: a phrase or a short value can be guessed offline from the published files, without any link`,
    hint: 'Replace it with the output of `trustbook grant secret` (or 32 random bytes: `openssl rand -base64 32`); every recipient then needs a new link (`trustbook grant link <id>`).',
    meaning:
      "`TRUSTBOOK_GRANT_SECRET` is not a generated secret: a phrase, a short value, or anything but `trustbook grant secret`'s output or 32 random bytes in hex or base64 (`openssl rand -hex 32`, `openssl rand -base64 32`)",
    fix: "Replace it with `trustbook grant secret`'s output; recipients then need new links (`trustbook grant link <id>`)",
  },
  TB538: {
    title: 'Attestation that cannot be true',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    message: (name: string, reason: string) =>
      `the ${name} cannot be true: ${reason}; the trust center shows no badge for it`,
    hint: 'Correct the record from the report itself (its period, its type, the date it was issued, the day each bridge letter speaks up to); a bridge letter is listed once the days it speaks for have passed.',
    meaning:
      'An attestation that cannot be true: issued before its period (or Type I date) ended, a Type II report without a period or over more than 12 months, or a bridge letter whose `through` is after the evaluation date (a letter speaks only for days that have passed). The trust center shows no badge for it',
    fix: 'Correct the record from the report itself; list a bridge letter once the days it speaks for have passed',
  },
  TB540: {
    title: 'Brand file missing',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `field`: `logo` or `favicon`; `dir`: the folder every site serves as it is. */
    message: (field: string, file: string, dir: string) =>
      `\`brand.${field}\` names ${dir}/${file}, which does not exist`,
    hint: (field: string, file: string, dir: string) =>
      file.startsWith(`${dir}/`)
        ? `The path is relative to ${dir}/ already: write \`${field}: ${file.slice(dir.length + 1)}\`.`
        : `Add the file to ${dir}/, or correct the path (relative to ${dir}/).`,
    meaning:
      '`brand.logo` or `brand.favicon` names a file that does not exist in `public/` (the path is relative to `public/`: `logo.svg`, not `public/logo.svg`)',
    fix: 'Add the file to `public/`, or correct the path',
  },
  TB541: {
    title: 'Brand file outside public/',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `leadsOut`: the path is plain, but a link on it leads out of the folder. */
    message: (field: string, file: string, dir: string, leadsOut: boolean) =>
      `\`brand.${field}\` names "${file}", which is not a file inside ${dir}/${leadsOut ? ' (it is a link that leads out of it)' : ''}`,
    hint: (field: string, _file: string, dir: string) =>
      `Put the file in ${dir}/ and name it by its path there, e.g. \`${field}: ${field}.svg\` for ${dir}/${field}.svg: letters, digits, \`.\`, \`_\` and \`-\`, folders separated by \`/\`.`,
    meaning:
      '`brand.logo` or `brand.favicon` is not a plain path inside `public/`: an absolute path, one with `..` (`../content/people.yaml`), a `\\`, a character a URL would change, or a link that leads out of the folder',
    fix: 'Put the file in `public/` and name it by its path there, e.g. `logo: logo.svg`',
  },
  TB542: {
    title: 'Brand file of the wrong type',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `allowed`: the types the field takes, worded "a .svg, .png or .webp". */
    message: (field: string, file: string, allowed: string) =>
      `\`brand.${field}\` names "${file}", which is not ${allowed} file`,
    hint: (field: string, _file: string, allowed: string) =>
      `Use ${allowed} file for the ${field === 'logo' ? 'logo (SVG is sharpest at every size)' : 'favicon'}, and name it with its extension.`,
    meaning: 'The logo is not a `.svg`, `.png` or `.webp` file, or the favicon not a `.svg`, `.png` or `.ico` file',
    fix: 'Use a file of one of those types, named with its extension',
  },
  TB543: {
    title: 'Accent colour too light',
    severity: 'error',
    step: null,
    failsControl: false,
    /** `ratio` and `shadeRatio`: contrast ratios against white, worded "3.2:1"; `shade`: a darker hex that passes. */
    message: (accent: string, ratio: string, minimum: number) =>
      `the accent ${accent} has a contrast of ${ratio}, below the ${minimum}:1 that links and button text need`,
    hint: (_accent: string, _ratio: string, _minimum: number, shade: string, shadeRatio: string) =>
      `Use a darker shade, such as ${shade} (the same hue, ${shadeRatio}).`,
    meaning:
      '`brand.accent` has a contrast below 4.5:1 against white (WCAG AA for text): links and button labels in it would be hard to read. The message gives the ratio',
    fix: 'Use a darker shade: the hint computes one of the same hue that passes',
  },
  TB544: {
    title: 'Accent colour not written as #rrggbb',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (accent: AccentProblem) =>
      accent.written === ''
        ? '`brand.accent` is empty; an unquoted `#` starts a YAML comment, so `accent: #1d4f91` sets nothing'
        : `\`brand.accent\` is "${accent.written}"; the accent must be written as six hex digits, \`#rrggbb\``,
    hint: (accent: AccentProblem) =>
      accent.written === ''
        ? 'Quote the colour: `accent: "#1d4f91"`.'
        : accent.meant
          ? `Write \`accent: "${accent.meant.better}"\`${accent.meant.better === accent.meant.hex ? ` (the same colour in full)` : ` (${accent.meant.hex}, which "${accent.written}" means, is too light for text on white; this is a darker shade of it with ${accent.meant.betterRatio})`}.`
          : 'Write the colour as `#` and six hex digits, quoted (`accent: "#1d4f91"`); colour names and CSS functions are not accepted.',
    meaning:
      '`brand.accent` is not written as `#rrggbb`: a short form (`#fff`), a colour name (`navy`), `rgb(…)`, or nothing at all (unquoted, `#1d4f91` is a YAML comment)',
    fix: 'Write six hex digits, quoted: `accent: "#1d4f91"`; the hint writes out the colour meant where it can',
  },
  TB550: {
    title: 'Grant without a salt',
    severity: 'error',
    step: null,
    failsControl: false,
    message: (name: string) =>
      `${name}'s grant has no \`salt\`: its key would come from the secret and its fields alone, so a grant re-issued with the same fields would open an old link again`,
    hint: (_name: string, grant: string) =>
      `Run \`trustbook grant rekey ${grant}\`: it writes a random salt and prints the new link to send (links made before it stop opening).`,
    meaning:
      'A grant has no `salt`: its key would come from the secret and its fields alone, so re-issuing it with the same fields would make an old link open again (grants written before the field existed)',
    fix: '`trustbook grant rekey <id>` writes a random salt and prints the new link; the old link stops opening',
  },
  TB551: {
    title: 'Grants published with a pinned evaluation date',
    severity: 'varies',
    step: null,
    failsControl: false,
    /** `source`: where the date was pinned (`program as_of`, say); `published`: the grants that publish files. */
    message: (asOf: string, source: string, published: number) =>
      `the evaluation date is pinned to ${asOf} (${source}) while ${plural(published, 'grant')} publish files: a grant that has ended since would still open its documents`,
    hint: 'Build the deployed trust center as of today: remove `as_of` from program.yaml (or TRUSTBOOK_AS_OF, --as-of) for that build.',
    meaning:
      'The evaluation date is pinned (`as_of`, `TRUSTBOOK_AS_OF` or `--as-of`) while the build publishes grant files with the secret: a grant that has ended since would still open its documents. A warning, an error in the deployed build (`TRUSTBOOK_DEPLOY` set)',
    fix: 'Build the deployed trust center as of today: drop the pinned date for that build',
  },
  TB560: {
    title: 'Trust center section held back',
    severity: 'warning',
    step: null,
    failsControl: false,
    /** `section`: `subprocessors` (no vendor recorded) or `practices` (no control in operation publishes a summary). */
    message: (section: 'subprocessors' | 'practices') =>
      section === 'subprocessors'
        ? 'the trust center holds back its subprocessor list: no vendor is recorded, and an empty list would tell customers that no company processes their data'
        : 'the trust center holds back its security practices page: no control in operation has a `public_summary`, so the page would be empty',
    hint: (section: 'subprocessors' | 'practices') =>
      section === 'subprocessors'
        ? 'Record each vendor as a file in content/vendors/ (`npx trustbook new vendor <id>`), with `public: true` on the subprocessors customers are told about; the list, its page and its feed appear with the first vendor.'
        : 'Write a `public_summary:` (one or two sentences a customer may read) on the implemented controls of content/controls/ you want to show; the page and its menu entry appear with the first one.',
    meaning:
      'A section of the trust center lists a register that is still empty, so it is left out (its page, feed, menu entry and home-page lines, and its part of `trust.json`) rather than state something false: the subprocessor list while no vendor is recorded in `content/vendors/` ("no company processes customer data" would be a claim nobody made), the security practices while no implemented control has a `public_summary`. Reported in readiness mode, while the program is being set up; the section is held back in any mode',
    fix: 'Record the vendors (`trustbook new vendor <id>`), or write `public_summary` on the controls to publish; the section appears with the first entry',
  },
  TB601: {
    title: 'Audit period without evidence',
    severity: 'deferrable',
    step: 'evidence',
    failsControl: true,
    message: (series: string, missing: MissingPeriod) =>
      missing.annual
        ? `${series} has no artifact performed inside the audit window ${missing.window.start} to ${missing.window.end} for a period of it`
        : `${series} has no artifact for ${missing.period.label} (${missing.period.start} to ${missing.period.end}), a ${missing.frequency} period of the audit window`,
    hint: (_series: string, missing: MissingPeriod) =>
      missing.annual
        ? 'Add the artifact of this year’s occurrence under `artifacts:`. If the control did not operate, disclose it under `exceptions:`.'
        : `Add the artifact that covers it, with \`period: ${missing.period.label}\`. If the control did not operate then, disclose it under \`exceptions:\` (period, description, disclosed, response).`,
    meaning:
      "A period of the audit window (a month, quarter, half...) has no artifact in a periodic series; for an annual series, no artifact performed inside the window for a period that reaches into it (a 2024 report filed in a 2026 window is last year's occurrence)",
    fix: 'Record the artifact covering that period, or disclose the exception to the auditor',
  },
  TB602: {
    title: 'Artifact collected in the future',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    message: (collected: string, asOf: string) => `artifact collected ${collected}, after the evaluation date ${asOf}`,
    hint: 'Evidence cannot be collected in the future: correct `collected`, or check the `as_of` date.',
    meaning: "An artifact's `collected` date is after the evaluation date",
    fix: 'Correct the date',
  },
  TB603: {
    title: 'Artifact predates what it claims',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    message: (artifact: EarlyArtifact) =>
      artifact.collectedFirst
        ? `artifact collected ${artifact.collected}, before the control was performed (${artifact.performed})`
        : `artifact dated ${artifact.dated} claims ${artifact.claimed.label}, which only began ${artifact.claimed.start}`,
    hint: 'Evidence of a period cannot exist before the period began: correct `period` to the period it really covers, or the dates.',
    meaning:
      'An artifact is dated (performed, or collected) before the start of the period it claims, or collected before it was performed',
    fix: 'Correct `period` to the period it really covers, or the dates',
  },
  TB604: {
    title: 'One artifact for many periods',
    severity: 'warning',
    step: 'evidence',
    failsControl: false,
    message: (spanned: number, frequency: string) =>
      `one artifact claims ${plural(spanned, `${frequency} period`)}; it evidences one occurrence, not ${spanned}`,
    hint: (_spanned: number, frequency: string) =>
      `A ${frequency} control needs the record of each occurrence: add one artifact per period, or, if the series really is collected less often, change its \`frequency\`.`,
    meaning:
      "One artifact claims several periods of its series' frequency (one file for twelve months of a monthly control); it evidences one (warning)",
    fix: "Record one artifact per period, or change the series' frequency",
  },
  TB605: {
    title: 'Control operated late',
    severity: 'deferrable',
    step: 'evidence',
    failsControl: true,
    /** `days`: how long after its period an occurrence may be performed; `deadline`: the last day it could be. */
    message: (period: string, series: string, performed: string, deadline: string, days: number) =>
      `the ${period} occurrence of ${series} was performed ${performed}, after ${deadline} (${days} days past the period's end)`,
    hint: 'A control that operates late did not operate as described: disclose it under `exceptions:`. If it was in fact performed on time and only collected later, record the day it was done as `performed:`.',
    meaning:
      'An occurrence was performed after its period ended plus the grace days (a quarterly review done 80 days after the quarter)',
    fix: 'Disclose it as an exception; if it was done on time and only collected later, record `performed:`',
  },
  TB606: {
    title: 'Exception disclosed',
    severity: 'warning',
    step: null,
    failsControl: false,
    /** `asOf`: the evaluation date, before which an exception not remediated is said to be so. */
    message: (disclosed: string, period: string, description: string, remediated: string | undefined, asOf: string) =>
      `exception disclosed ${disclosed} for ${period}: ${description}${
        remediated ? ` (remediated ${remediated})` : disclosed <= asOf ? ' (not yet remediated)' : ''
      }`,
    hint: 'The auditor will report this deviation with management’s response. Nothing to fix here; record `remediated:` once the cause is dealt with.',
    meaning:
      "An exception is disclosed for a period (warning): the auditor will report the deviation with management's response",
    fix: 'Nothing to fix; record `remediated:` when the cause is dealt with',
  },
  TB607: {
    title: 'Exception outside the series',
    severity: 'error',
    step: 'evidence',
    failsControl: false,
    message: (period: string, window: Span) =>
      `exception for ${period} lies outside the audit window ${window.start} to ${window.end}`,
    hint: 'An exception reports a period of the audit window in which the control did not operate: correct its `period`.',
    meaning: 'An exception names a period outside the audit window',
    fix: 'Correct its `period`',
  },
  TB608: {
    title: 'Type I evidence only after the report date',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    message: (series: string, reportDate: string) =>
      `every artifact of ${series} was collected after the Type I report date ${reportDate}`,
    hint: 'A Type I report speaks for the design on its date: add the evidence that existed then, or move the report date.',
    meaning: 'Type I: every artifact of a series was collected after the report date',
    fix: 'Record the evidence that existed on the report date',
  },
  TB609: {
    title: 'Control did not operate effectively',
    severity: 'warning',
    step: 'controls',
    failsControl: false,
    message: (control: string, e: { deviations: number; occurrences: number; sampleSize: number; tolerable: number }) =>
      `${control} deviated in ${e.deviations} of ${plural(e.occurrences, 'occurrence')} of the window; a sample of ${e.sampleSize} tolerates ${e.tolerable === 0 ? 'none' : `at most ${e.tolerable}`}, so it did not operate effectively throughout the period`,
    hint: 'The auditor will report the deviations as exceptions to this control. Its criteria stay met only where another control addressing them operated effectively (TB315 says where none did). See docs/sampling.md, "Tolerable deviations".',
    meaning:
      'A control\'s deviations over the window (disclosed exceptions and late occurrences, added up over its series) are more than its sample tolerates (docs/sampling.md, "Tolerable deviations"): it did not operate effectively throughout the period (warning; the criteria it addresses are not met where no other control operated effectively: TB315)',
    fix: 'Nothing hides this: the auditor reports the deviations. Remediate the cause, and make sure another control addresses the same criteria',
  },
  TB610: {
    title: 'Control never ran in the window',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    message: (series: string, occurrences: number, frequency: Frequency) =>
      `every occurrence of ${series} due in the window (${plural(occurrences, `${frequency} period`)}) is a disclosed exception with no artifact: the control never ran`,
    hint: 'Disclosing that a control never ran is honest, but the control did not operate: the auditor will report it. If it did run in some periods, record those artifacts and narrow the exceptions to the periods it missed.',
    meaning:
      'Every occurrence of a series due in the window is a disclosed exception with no artifact: the control never ran',
    fix: 'Record the artifacts of the periods it did run and narrow the exceptions; a control that never ran did not operate',
  },
  TB611: {
    title: 'Exception dated before the period it concerns',
    severity: 'error',
    step: 'evidence',
    failsControl: false,
    /** `field`: the date that comes too early. */
    message: (period: string, field: 'disclosed' | 'remediated', date: string, start: string) =>
      `exception for ${period} was ${field} ${date}, before the period began on ${start}`,
    hint: 'A deviation is disclosed and remediated after it happened: correct the exception’s `period` to the period in which the control failed, or the dates.',
    meaning: 'An exception was disclosed, or remediated, before the period it concerns began',
    fix: "Correct the exception's `period` or dates",
  },
  TB612: {
    title: 'Exception names an event the population does not list',
    severity: 'error',
    step: 'evidence',
    failsControl: false,
    message: (event: string, series: string) =>
      `exception names event ${event}, which the population of ${series} does not list`,
    hint: 'An exception concerns an event of the population: name it by its id in the population export (its first column), or correct the population, which is then not complete.',
    meaning: 'A per-event exception names an event (`sample:`) the population export does not list',
    fix: "Name the event by its id in the export's first column, or correct the population",
  },
  TB620: {
    title: 'Occurrence of the control not evidenced',
    severity: 'deferrable',
    step: 'evidence',
    failsControl: true,
    /** `series`: the control's evidence series, listed; `periods`: the occurrences no artifact records, listed. */
    message: (control: string, frequency: string, series: string, count: number, periods: string) =>
      `${control} runs ${frequency}, but no artifact of ${series} records ${count === 1 ? 'one of its occurrences' : `${count} of its occurrences`} in the window: ${periods}`,
    /** `filed`: the frequency of the series with the `frequency_note`. */
    hint: (_control: string, frequency: string, _series: string, _count: number, _periods: string, filed: string) =>
      `The \`frequency_note\` explains evidence filed ${filed}; it does not excuse occurrences. Give each artifact the \`period\` it lists (every ${frequency} run in it), add the artifacts that are missing, or disclose the occurrences that did not happen under \`exceptions:\`.`,
    meaning:
      "A periodic control's evidence is filed less often than it runs, with a `frequency_note`, and some occurrences of the control's own frequency in the window lie outside every artifact's period (up to the day the artifact was made) and every disclosed exception",
    fix: 'Give each artifact the `period` it lists, add the missing artifacts, or disclose the occurrences that did not happen; the note explains a cadence, it does not excuse occurrences',
  },
  TB621: {
    title: "Artifact outside the control's operation",
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /**
     * `what`: "an artifact" or "3 artifacts"; `controls`: the controls with that date; `field`: which date the
     * artifacts fall outside; `shown`: the days they ran.
     */
    message: (
      series: string,
      what: string,
      controls: string,
      field: 'implemented' | 'retired',
      date: string,
      shown: string,
    ) =>
      field === 'implemented'
        ? `${series} has ${what} of ${controls} running before it was implemented (${date}): ${shown}`
        : `${series} has ${what} of ${controls} running after it was retired (${date}): ${shown}`,
    hint: (_series: string, _what: string, controls: string, field: 'implemented' | 'retired') =>
      field === 'implemented'
        ? `Either \`implemented\` is wrong (set it to the day ${controls} first ran; the periods from then on are then required, and a gap among them is a deviation to disclose), or the artifact belongs to another control or date.`
        : `Either \`retired\` is wrong (set it to the day ${controls} last ran, or remove it), or the artifact belongs to another control or date. A record of the last occurrence made within the grace days after retirement is fine when its \`period\` names that occurrence.`,
    meaning:
      'An artifact shows the control running before its `implemented` date, or after its `retired` date (performed after the grace days of its last period, or claiming a period that starts after it): the dates decide which periods are required, so they cannot stand',
    fix: 'Correct `implemented` or `retired` to when the control really ran (the periods from then on become required), or move the artifact to the control or date it belongs to',
  },
  TB622: {
    title: 'One document counted for several occurrences',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `document`: its location or file; `uses`: the occurrences it is counted for. */
    message: (document: string, uses: string) =>
      `one document (${document}) is counted for several occurrences: ${uses}`,
    hint: 'Each occurrence needs its own record: add the document of each period (an export per month, a review per quarter), or disclose the period that has none under `exceptions:`.',
    meaning:
      'One document (the same `location`, the same `file`, or the same `sha256`) is counted for several periodic occurrences: two periods of one series, or periods of two series of the same control',
    fix: "Record each occurrence's own document, or disclose the period that has none",
  },
  TB623: {
    title: 'One document for unrelated controls',
    severity: 'warning',
    step: 'evidence',
    failsControl: false,
    message: (document: string, uses: string, controls: string) =>
      `one document (${document}) is recorded as evidence of unrelated controls (${controls}): ${uses}`,
    hint: 'Confirm the document really shows each of these controls operating (a penetration test report can evidence both the test and its follow-up), as the auditor will; where it does not, record the document that does.',
    meaning: 'One document is recorded as evidence of series of unrelated controls (warning)',
    fix: 'Confirm it shows each control operating, as the auditor will; otherwise record the document that does',
  },
  TB701: {
    title: 'Evidence file missing',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `what`: the record naming the file, "artifact 2 of EV-01"; `path`: relative to evidence-index/. */
    message: (what: string, path: string) => `${what} \`evidence-index/${path}\` does not exist`,
    hint: 'Add the file to the repository, or correct the path (it is relative to evidence-index/).',
    meaning: 'An artifact `file` does not exist',
    fix: 'Add the file or correct the path (relative to `evidence-index/`)',
  },
  TB702: {
    title: 'Evidence file changed',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `actual`: the file's SHA-256 today. */
    message: (what: string, path: string, actual: string) =>
      `${what} \`evidence-index/${path}\` does not match its sha256 (it is ${actual})`,
    hint: 'Evidence must not change after it is collected. If this is a new file, record it as a new entry; if the recorded hash is wrong, run `sha256sum` on the file and correct it.',
    meaning: 'An artifact file no longer matches its `sha256`',
    fix: 'Evidence must not change; record a new artifact, or correct a wrong hash',
  },
  TB703: {
    title: 'Evidence file outside evidence-index/',
    severity: 'error',
    step: 'evidence',
    failsControl: true,
    /** `reason`: how the path leads out of evidence-index/. */
    message: (what: string, path: string, reason: string) => `${what} \`${path}\` is ${reason}`,
    hint: 'Keep evidence files inside evidence-index/ (for example evidence-index/files/) and name them relative to it.',
    meaning: 'An artifact `file` is outside `evidence-index/` (`../`, an absolute path, or a link leading out)',
    fix: 'Keep evidence files inside `evidence-index/`',
  },
  TB704: {
    title: 'Evidence location is a placeholder',
    severity: 'deferrable',
    step: 'evidence',
    failsControl: true,
    /** `what`: the record kept there, "artifact 2 of EV-01"; `reason`: why the address is a placeholder. */
    message: (what: string, location: string, reason: string) => `the ${what} is kept at ${location}, and ${reason}`,
    hint: 'Write the address where the auditor can open the document itself (the file in the document store or ticketing system), or keep the file in evidence-index/ as `file:` with its `sha256`.',
    meaning:
      'An artifact, population export or vendor bridge letter is kept at a placeholder address: TBD, TODO and the like as a host or path segment, `localhost` or `127.0.0.1`, a host under `.invalid`, `.test`, `.local` or `.localhost`, a one-label host, or a bare site with no path. `.example` hosts are accepted: fictional programs (the sample, the tests) are written under them, and example.com/.org/.net are TB321',
    fix: 'Write the address where the auditor opens the document itself, or keep the file in `evidence-index/`',
  },
  TB801: {
    title: 'Readiness mode has ended',
    severity: 'warning',
    step: 'scope',
    failsControl: false,
    /** `day`: the window's first day (Type II) or the report date (Type I). */
    message: (type: 'I' | 'II', day: string | undefined) =>
      `readiness mode no longer applies: ${type === 'II' ? `the audit window opened ${day}` : `the report date ${day} has passed`}, so missing and stale evidence are errors`,
    hint: 'Remove `readiness: true` from content/program.yaml: from the start of the audit, every finding counts.',
    meaning:
      '`readiness: true` is still set after the audit window opened or the Type I date came; it softens nothing any more (warning)',
    fix: 'Remove the line',
  },
  TB802: {
    title: 'Dated in the future',
    severity: 'error',
    step: 'document',
    failsControl: false,
    /** `what`: the record, as a phrase ("security training of ada completed"). */
    message: (what: string, date: string, asOf: string) => `${what} on ${date}, after the evaluation date ${asOf}`,
    hint: 'A record says what has been done: write the date it happened. Something still to come is not a record yet (check `as_of` if the date is right).',
    meaning:
      'A record is dated after the evaluation date: a policy approval, training, background check, vendor or risk review, SOC report period end, artifact `performed`, exception, population export, the assertion',
    fix: 'Write the date it happened; something still to come is not a record yet',
  },
  TB803: {
    title: 'Policy effective before approval',
    severity: 'warning',
    step: 'policies',
    failsControl: false,
    message: (title: string, effective: string, approved: string) =>
      `"${title}" took effect ${effective}, before it was approved (${approved})`,
    hint: 'A policy is in force once approved: set `effective` on or after `approved`, or correct the approval date.',
    meaning: 'A policy took effect before it was approved (warning)',
    fix: 'Set `effective` on or after `approved`',
  },
  TB804: {
    title: 'Policy not yet effective',
    severity: 'warning',
    step: 'policies',
    failsControl: false,
    message: (title: string, effective: string) =>
      `"${title}" takes effect ${effective}: until then it is not in force, and does not count as a required policy`,
    hint: 'Keep the version in force alongside it until the new one takes effect, or set `effective` to the day it applied.',
    meaning:
      'A policy is not yet in force (`effective` after the evaluation date), so it does not count as a required policy (warning)',
    fix: 'Keep the version in force until then',
  },
  TB805: {
    title: 'Left before hired',
    severity: 'error',
    step: 'training',
    failsControl: false,
    message: (person: string, left: string, hired: string) => `${person} left ${left}, before being hired ${hired}`,
    hint: 'Correct `hired` or `left`; a person who came back is a second record with its own dates.',
    meaning: 'A staff member left before being hired',
    fix: 'Correct `hired` or `left`',
  },
  TB806: {
    title: 'Background check long after hire',
    severity: 'warning',
    step: 'training',
    failsControl: false,
    /** `days`: how long after hire a background check may be completed. */
    message: (person: string, completed: string, days: number, hired: string) =>
      `the background check of ${person} was completed ${completed}, more than ${days} days after hire (${hired})`,
    hint: 'Background checks are done before, or right at, hire: expect the auditor to note this one. Record the real completion date.',
    meaning: 'A background check completed more than 30 days after hire (warning)',
    fix: 'Record the real date; expect the auditor to note it',
  },
  TB807: {
    title: 'Audit window of an implausible length',
    severity: 'error',
    step: 'scope',
    failsControl: false,
    /** `months`: the shortest and longest window a Type II report covers. */
    message: (start: string, end: string, problem: 'short' | 'long', months: { min: number; max: number }) =>
      `the Type II window ${start} to ${end} is ${problem === 'short' ? `shorter than ${months.min} months` : `longer than ${months.max} months`}`,
    hint: (_start: string, _end: string, _problem: 'short' | 'long', months: { min: number; max: number }) =>
      `A SOC 2 Type II report covers a window of ${months.min} to ${months.max} months: set \`audit.period\` to the window agreed with the audit firm (for a point in time, use \`type: I\` with \`date:\`).`,
    meaning: 'A Type II window shorter than 3 months or longer than 12',
    fix: 'Set the window agreed with the audit firm',
  },
  TB808: {
    title: 'Control dates inconsistent',
    severity: 'varies',
    step: 'controls',
    failsControl: false,
    message: (problem: ControlDates) =>
      problem.what === 'retired-first'
        ? `${problem.control} was retired ${problem.retired}, before it was implemented (${problem.implemented})`
        : problem.what === 'not-yet'
          ? `${problem.control} is not implemented until ${problem.implemented}: until then it covers no criterion`
          : `${problem.control} is ${problem.status}, yet has \`${problem.field}\` dates`,
    hint: (problem: ControlDates) =>
      problem.what === 'retired-first'
        ? 'Correct `implemented` or `retired`.'
        : problem.what === 'not-yet'
          ? 'Set `status: planned` until it operates, or correct `implemented`.'
          : 'Dates of operation belong to an implemented control: set `status: implemented`, or remove the dates.',
    meaning:
      'A control retired before it was implemented (error), not yet implemented on the evaluation date (warning: it covers nothing until then), or dated while not `implemented` (error)',
    fix: 'Correct the dates or the status',
  },
  TB809: {
    title: 'Acted for the company while not on staff',
    severity: 'error',
    step: 'policies',
    failsControl: false,
    /** `act`: what was done, by whom and when; `reason`: why nobody could have done it then; `field`: who is named. */
    message: (act: string, reason: string) => `${act}, but ${reason}`,
    hint: (_act: string, _reason: string, field: string) =>
      `Name in \`${field}\` the person or role who really did it then, or correct the date; someone not on staff cannot act for the company.`,
    meaning:
      'A policy approved (`approved_by` on `approved`), the assertion signed (`signed_by` on `date`), or a control owned (`owner` on the evaluation date, or on the day it was retired) by someone not on staff that day: before `hired` or after `left` in content/people.yaml. A role counts when anyone holding it was on staff that day; a role no staff record holds is not judged',
    fix: 'Name the person or role who really acted then, or correct the date',
  },
  TB810: {
    title: 'Policy approved by its own owner',
    severity: 'warning',
    step: 'policies',
    failsControl: false,
    /** `owner`: as `owner` names it; `same`: the person who held both, when `owner` names a role. */
    message: (policy: string, approved: string, owner: string, same: string) =>
      `${policy} was approved on ${approved} by its own owner (${same === owner ? owner : `${same}, the only holder of ${owner}`})`,
    hint: 'Have someone other than the owner approve the policy (management or the board), and record them in `approved_by`.',
    meaning:
      'Warning: a policy approved by its own owner: the same id in `owner` and `approved_by`, or both naming the one person who held them on `approved` (segregation of duties)',
    fix: 'Have someone other than the owner approve it',
  },
  TB901: {
    title: 'Population changed after sampling',
    severity: 'error',
    step: 'audit',
    failsControl: true,
    /** `then`: the population's size when the sample was drawn; `now`: its size today. */
    message: (series: string, then: number, now: number) =>
      `the population of ${series} changed after the sample was drawn (${then} items then, ${now} now)`,
    hint: 'A sample speaks for the population it was drawn from. If the population was incomplete, say so to the auditor and draw again (`trustbook sample --control ID`); never edit a population after sampling.',
    meaning: 'The population of a sampled series changed after the sample was drawn',
    fix: 'Tell the auditor; draw that control again with `trustbook sample --control ID`; never edit a population after sampling',
  },
  TB902: {
    title: 'Sampled item without evidence',
    severity: 'deferrable',
    step: 'audit',
    failsControl: true,
    message: (item: string, series: string) => `sampled item ${item} of ${series} has no evidence`,
    hint: (item: string) =>
      `Record the evidence of ${item} under \`artifacts:\` with \`sample: ${item}\`; if the control failed for it, disclose it under \`exceptions:\` with \`sample: ${item}\`.`,
    meaning: 'A sampled event has no artifact naming it (`sample: <id>`) and no exception naming it',
    fix: 'Record its evidence, or disclose the exception with `sample: <id>`',
  },
  TB903: {
    title: 'Sample not in the population',
    severity: 'error',
    step: 'audit',
    failsControl: true,
    message: (sample: string, series: string) =>
      `artifact names sample ${sample}, which the population of ${series} does not list`,
    hint: 'Name the event by its id in the population export (its first column), or correct the population.',
    meaning: 'An artifact names a `sample` that the population does not list',
    fix: "Use the event's id from the population export's first column",
  },
  TB904: {
    title: 'Sample record names an unknown series',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    message: (series: string) => `the sample names evidence series ${series}, which does not exist`,
    hint: 'Draw the sample again (`trustbook sample --redraw`), or restore the series.',
    meaning: 'The sample record names an evidence series that does not exist',
    fix: 'Draw the sample again (`trustbook sample --redraw`)',
  },
  TB905: {
    title: 'Recorded sample differs from its redraw',
    severity: 'error',
    step: 'audit',
    failsControl: true,
    message: (series: string, seed: number, redraw: Redraw) =>
      'difference' in redraw
        ? `the recorded sample of ${series} is not the one seed ${seed} draws from its population: ${redraw.difference}`
        : `the recorded sample leaves out ${series} (${redraw.controls.join(', ')}), from which seed ${seed} draws ${redraw.size} of ${redraw.population} periods`,
    hint: (_series: string, _seed: number, redraw: Redraw) =>
      'difference' in redraw
        ? REDRAW_HINT
        : `Draw it: \`trustbook sample --control ${redraw.controls[0]!}\` adds the series to the record with the recorded seed.`,
    meaning:
      "Drawn again from its seed and its (unchanged) population by the documented method, a series' recorded sample gives other items, another size or another population count, or the record leaves out a periodic series the draw includes: the record was edited or drawn another way",
    fix: 'Never edit a sample record: draw it again with `trustbook sample --redraw` or `--control ID`',
  },
  TB906: {
    title: 'Sample record cannot be redrawn',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    /** `noSeed`: the record keeps no seed; else `method` is the method it names. */
    message: (noSeed: boolean, method: string | undefined) =>
      noSeed
        ? 'the sample record keeps no `seed`: nobody can draw it again to see that these are the items the method selects'
        : `the sample record's method is not the documented selection, so it cannot be drawn again: "${method}"`,
    hint: REDRAW_HINT,
    meaning:
      'The sample record keeps no `seed`, or names a method other than the documented selection, so nobody can draw it again',
    fix: 'Draw the sample again with `trustbook sample --redraw`',
  },
  TB907: {
    title: 'Sample size below the floor',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    /** `path`: the entry's keys under `sampling:`; `what`: what the floor counts, "items for a weekly control". */
    message: (path: string[], value: number, floor: number, what: string) =>
      `\`sampling.${path.join('.')}: ${value}\` is below the floor of ${floor} ${what}`,
    hint: (_path: string[], _value: number, floor: number) =>
      `A firm's table may test more than the usual one, not less: set it to ${floor} or more (docs/sampling.md gives the floors and their source), or remove it to use the default.`,
    meaning:
      "An entry of the program's own `sampling:` table asks for fewer items than the floor for its frequency (annual 1, semiannual 1, quarterly 2, monthly 2, weekly 5, daily 20; per-event at least 10 percent, `min` 5 and `max` 25)",
    fix: 'Raise the entry to the floor or more, or remove it to use the default table (docs/sampling.md)',
  },
  TB910: {
    title: 'Request names an unknown control or evidence series',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    message: (request: string, noun: string, id: string) =>
      `request ${request} names ${noun} ${id}, which does not exist`,
    hint: (_request: string, noun: string, _id: string, folder: string) =>
      `Name ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} of the program (${folder}), or remove the id.`,
    meaning: 'A request names a control or evidence series (in `controls` or `evidence`) that does not exist',
    fix: 'Name a control of content/controls/ or a series of evidence-index/, or remove the id',
  },
  TB911: {
    title: 'Request mapping not confirmed',
    severity: 'warning',
    step: 'audit',
    failsControl: false,
    message: (request: string) => `request ${request}: suggested mapping not yet confirmed`,
    hint: 'Move the right ids from `suggested:` into `controls` and `evidence`, then set `confirmed: true`.',
    meaning: "A request's mapping was only suggested by the import, not yet confirmed by a person (warning)",
    fix: 'Move the right ids from `suggested:` into `controls` and `evidence`, then set `confirmed: true`',
  },
  TB912: {
    title: 'Duplicate request id',
    severity: 'error',
    step: 'audit',
    failsControl: false,
    message: (request: string) => `request id ${request} appears more than once in the list`,
    hint: 'Give each request its own id, as the audit firm numbered them; merge a request listed twice.',
    meaning: 'Two requests in one list have the same id',
    fix: 'Give each request its own id, as the firm numbered them',
  },
} as const satisfies Record<`TB${number}`, FindingData>;

/** Every code ever issued, retired ones included. */
export type FindingCode = keyof typeof catalogue;

/** The codes of a catalogue that may still be raised: all but the retired ones. */
export type LiveCodes<T> = { [C in keyof T]: T[C] extends { retired: object } ? never : C }[keyof T];
