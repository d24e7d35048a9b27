/**
 * Library variables: a library text names a client's value as `{{organization}}`, the same placeholder the
 * package's templates use, and each client's answers fill it in when sync writes the document. The base text kept
 * beside the sync record is the library text filled with the answers of that sync, so a changed answer reaches
 * the client as a library change to the lines that hold it, and merges like one.
 */

/** `{{name}}`, and a full stop right after it (kept single when the value ends in one). */
const placeholder = /\{\{([a-z][a-z0-9_]*)\}\}(\.?)/g;

export type Answers = Readonly<Record<string, string>>;

/** Each variable a text names that `answers` has no value for, with the 1-based line of its first use. */
export function unsetVariables(text: string, answers: Answers): { name: string; line: number }[] {
  const found = new Map<string, number>();
  for (const match of text.matchAll(placeholder)) {
    const name = match[1]!;
    if (Object.hasOwn(answers, name) || found.has(name)) continue;
    found.set(name, text.slice(0, match.index).split('\n').length);
  }
  return [...found].map(([name, line]) => ({ name, line }));
}

/**
 * The text with every answered variable filled in; a sentence that ends on a value ending in a full stop
 * ("…at {{organization}}." for "Acme, Inc.") keeps one full stop. Unanswered ones are left for the caller to report.
 */
export function fillVariables(text: string, answers: Answers): string {
  return text.replace(placeholder, (whole, name: string, stop: string) => {
    if (!Object.hasOwn(answers, name)) return whole;
    const value = answers[name]!;
    return stop && value.endsWith('.') ? value : value + stop;
  });
}
