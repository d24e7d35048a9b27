/**
 * A module's mutation score from Stryker's JSON report (mutation-testing-report-schema) and the module's list of
 * equivalent mutants. Kept apart from the run so the arithmetic the docs quote is tested on its own.
 */

/** One entry of test/mutation/equivalent/<module>.yaml: a survivor that changes the code but not its behaviour. */
export interface Equivalent {
  /** Stryker's mutator name, e.g. `EqualityOperator`. */
  mutator: string;
  /** The source text the mutant replaces, as the report locates it. */
  original: string;
  /** What the mutant puts in its place. */
  replacement: string;
  reason: string;
}

export interface ReportMutant {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}

export interface ModuleScore {
  module: string;
  mutants: number;
  killed: number;
  /** Survivors (and mutants no test reaches) not listed as equivalent. */
  survived: number;
  equivalent: number;
  /** One line per survivor nobody accounted for: where, which mutator, what it replaced and with what. */
  unaccounted: string[];
  /** Killed out of every mutant that compiled, equivalents included: listing one does not raise the score. */
  score: number;
}

/** Statuses that leave a mutant out of the score: it did not compile, or Stryker was told to skip it. */
const UNCOUNTED = new Set(['CompileError', 'Ignored', 'Pending']);
/** Statuses where a test noticed the mutant. */
const DETECTED = new Set(['Killed', 'Timeout', 'RuntimeError']);

/** The text a mutant replaces, cut out of the module's source (report columns are 1-based, end exclusive). */
export function originalText(source: string, mutant: ReportMutant): string {
  const lines = source.split('\n');
  const { start, end } = mutant.location;
  if (start.line === end.line) return lines[start.line - 1]!.slice(start.column - 1, end.column - 1);
  return [
    lines[start.line - 1]!.slice(start.column - 1),
    ...lines.slice(start.line, end.line - 1),
    lines[end.line - 1]!.slice(0, end.column - 1),
  ].join('\n');
}

/** Whitespace does not tell two mutants apart: a reformat must not unlist an equivalent. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

export function scoreModule(
  module: string,
  source: string,
  mutants: ReportMutant[],
  equivalents: Equivalent[],
): ModuleScore {
  const counted = mutants.filter((mutant) => !UNCOUNTED.has(mutant.status));
  const killed = counted.filter((mutant) => DETECTED.has(mutant.status)).length;
  const survivors = counted.filter((mutant) => !DETECTED.has(mutant.status));
  const unaccounted: string[] = [];
  let equivalent = 0;
  for (const mutant of survivors) {
    const original = squash(originalText(source, mutant));
    const replacement = squash(mutant.replacement ?? '');
    const listed = equivalents.some(
      (entry) =>
        entry.mutator === mutant.mutatorName &&
        squash(entry.original) === original &&
        squash(entry.replacement) === replacement,
    );
    if (listed) equivalent += 1;
    else {
      const { line, column } = mutant.location.start;
      unaccounted.push(
        `${module}:${line}:${column} ${mutant.mutatorName} ${JSON.stringify(original)} -> ` +
          `${JSON.stringify(replacement)} (${mutant.status})`,
      );
    }
  }
  return {
    module,
    mutants: mutants.length,
    killed,
    survived: survivors.length - equivalent,
    equivalent,
    unaccounted,
    score: counted.length === 0 ? 100 : Math.floor((killed / counted.length) * 1000) / 10,
  };
}
