/**
 * Raising a finding from its catalogue entry: the rule says where the finding is and passes the values the
 * entry's message and hint are written from; the words themselves live in the entry.
 */
import type { Diagnostic, DiagnosticCode, Severity, Subject } from '../diagnostics.ts';
import { catalogue, type FindingData, type FindingSeverity } from './catalogue.ts';

type Entry<C extends DiagnosticCode> = (typeof catalogue)[C];

/** The codes whose entry writes the message and the hint. */
export type WrittenCode = {
  [C in DiagnosticCode]: Entry<C> extends { message: (...args: never) => string; hint: unknown } ? C : never;
}[DiagnosticCode];

type ParamsOf<F> = F extends (...args: infer A) => string ? A : [];

/**
 * The values a code's message and hint are written from: the message and the hint take the same values, in
 * the same order, each as many as it reads.
 */
export type FindingArgs<C extends WrittenCode> =
  ParamsOf<Entry<C>['message']> extends [...ParamsOf<Entry<C>['hint']>, ...unknown[]]
    ? ParamsOf<Entry<C>['message']>
    : ParamsOf<Entry<C>['hint']>;

/** Where the finding is, and what it is about. */
export interface FindingPlace {
  file: string;
  line?: number;
  subject?: Subject;
}

/**
 * A code raised always as an error or always as a warning takes its severity from its entry; any other
 * severity is the raise site's to give (with `deferred` for an error readiness mode softens).
 */
type SeverityOf<C extends WrittenCode> = Entry<C>['severity'] extends 'error' | 'warning'
  ? { severity?: never; deferred?: never }
  : { severity: Severity; deferred?: true };

/** A finding of `code` at `where`, its message and hint written by the code's entry from `args`. */
export function finding<C extends WrittenCode>(
  code: C,
  where: FindingPlace & SeverityOf<C>,
  ...args: FindingArgs<C>
): Diagnostic {
  const entry: FindingData = catalogue[code];
  const write = (text: FindingData['message'] | FindingData['hint']) =>
    typeof text === 'function' ? (text as (...values: FindingArgs<C>) => string)(...args) : (text ?? '');
  // The keys in the order findings have always had, and only those that are set: exports print them as they come.
  return {
    severity: (where.severity ?? entry.severity) as Severity,
    ...(where.deferred ? { deferred: true as const } : {}),
    code,
    file: where.file,
    ...(where.line !== undefined ? { line: where.line } : {}),
    ...(where.subject !== undefined ? { subject: where.subject } : {}),
    message: write(entry.message),
    hint: write(entry.hint),
  };
}

/** Whether a finding's severity is one its code's entry allows. */
export function severityAllowed(declared: FindingSeverity, diagnostic: Pick<Diagnostic, 'severity' | 'deferred'>) {
  switch (declared) {
    case 'error':
    case 'warning':
      return diagnostic.severity === declared && diagnostic.deferred !== true;
    case 'deferrable':
      return diagnostic.severity === 'error' ? diagnostic.deferred !== true : diagnostic.deferred === true;
    case 'varies':
      return true;
  }
}

/**
 * A deviation about a person that an exception discloses, not yet remediated: a warning that says where it is
 * disclosed (`series`, listed), and asks for the remediation to be recorded.
 */
export function disclosedDeviation(diagnostic: Diagnostic, series: string): Diagnostic {
  return {
    ...diagnostic,
    severity: 'warning',
    message: `${diagnostic.message}; disclosed as an exception in ${series}, not yet remediated`,
    hint: 'Record `remediated:` on the exception once the cause is fixed.',
  };
}
