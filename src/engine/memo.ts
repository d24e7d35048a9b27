/**
 * "Computed once", in one place. Rules run before a check result (and its `ProgramFacts`) exists, so the
 * building blocks the rules and the facts share remember their answers here: per model (or per document), and
 * forgotten with it; or, for what follows from a text alone (a body's syntax tree, a period label), per text,
 * within a bound. Every remembered fact has its key below, with the module that works it out, so a reader sees
 * all that the engine caches in this one file; test/architecture/one-memo.test.ts holds every other engine
 * module to it.
 */

/** The facts remembered per model (or per document, where the key says so). */
export type MemoKey =
  /** coverage.ts, `computeCoverage`: the coverage of each category in scope, by evaluation date. */
  | 'coverage'
  /** coverage.ts, `controlsInOperation`: the controls in operation, their spans and the ineffective ones, by date. */
  | 'controls-in-operation'
  /** framework-coverage.ts, `frameworkCoverage`: each added framework's requirements covered, by framework and date. */
  | 'framework-coverage'
  /** effectiveness.ts, `deviationsOf`: the deviations of each series, by evaluation date and series. */
  | 'deviations'
  /** evidence-timeline.ts, `evidenceOfControl`: the evidence series naming each control. */
  | 'series-by-control'
  /** evidence-timeline.ts, `implementedControlsOf`: the implemented controls, by id. */
  | 'implemented-by-id'
  /** evidence-timeline.ts, `seriesTimeline`: the timeline of each series, by window and evaluation date. */
  | 'timelines'
  /** placeholders.ts, `programPlaceholders`: every placeholder of the program. */
  | 'placeholders'
  /** policy-sections.ts, `policySections`: a policy's sections by anchor; remembered per document. */
  | 'policy-sections';

// Owners are plain objects here (a model, a document), so that this file imports nothing and every engine module
// may use it without an import circle.
const byOwner = new WeakMap<object, Map<MemoKey, unknown>>();

/** `compute()`'s answer for `owner` (a model or a document) and `key`: worked out on first use, then remembered while `owner` lives. */
export function memo<T>(owner: object, key: MemoKey, compute: () => T): T {
  let facts = byOwner.get(owner);
  if (!facts) byOwner.set(owner, (facts = new Map()));
  if (facts.has(key)) return facts.get(key) as T;
  const value = compute();
  facts.set(key, value);
  return value;
}

/**
 * What is remembered per text, and how many: past `limit`, `clear` forgets them all and starts again (a long
 * watch session edits bodies without end), `keep` keeps the first ones and works later ones out each time.
 */
const textMemos = {
  /** body-tree.ts, `bodyTree`: a body's syntax tree, by its syntax and text. */
  'body-tree': { limit: 500, full: 'clear' },
  /** checklist-bindings.ts, `checklistItems`: a checklist body's items, by its first line and text. */
  'checklist-items': { limit: 500, full: 'clear' },
  /** periods.ts, `parsePeriodLabel`: a period label, parsed (tens of thousands of artifacts name a few dozen). */
  'period-labels': { limit: 10_000, full: 'keep' },
  /** rules/identity.ts: what an unknown criterion id may have meant (a file may repeat one thousands of times). */
  'criterion-suggestions': { limit: 1000, full: 'keep' },
  /** rules/frameworks.ts: what an unknown requirement id of a framework may have meant, by framework and id. */
  'requirement-advice': { limit: 1000, full: 'keep' },
} as const satisfies Record<string, { limit: number; full: 'clear' | 'keep' }>;

export type TextMemoKey = keyof typeof textMemos;

const byText = new Map<TextMemoKey, Map<string, unknown>>();

/** `compute()`'s answer for `text` under `key`: worked out once, remembered within the key's bound. */
export function memoText<T>(key: TextMemoKey, text: string, compute: () => T): T {
  let answers = byText.get(key);
  if (!answers) byText.set(key, (answers = new Map()));
  if (answers.has(text)) return answers.get(text) as T;
  const value = compute();
  const { limit, full } = textMemos[key];
  if (full === 'clear') {
    if (answers.size > limit) answers.clear();
    answers.set(text, value);
  } else if (answers.size < limit) {
    answers.set(text, value);
  }
  return value;
}
