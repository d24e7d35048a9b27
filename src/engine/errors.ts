/** Errors that stop a command before any finding exists: bad arguments, or a folder that is not a program. */
export class UsageError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}

/** How much of a value from an imported file a message quotes: a cell can hold a megabyte. */
const QUOTED = 60;
/** How many of a file's headers a message lists. */
const LISTED = 20;

/** A value from a file, as a message quotes it: white space flattened, cut short with an ellipsis. */
export function quoteShort(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > QUOTED ? `${flat.slice(0, QUOTED - 1)}…` : flat;
}

/** A file's headers as a message lists them: each cut short, the first few of many. */
export function listShort(headers: readonly string[]): string {
  const shown = headers.slice(0, LISTED).map(quoteShort);
  return headers.length > LISTED ? `${shown.join(', ')} and ${headers.length - LISTED} more` : shown.join(', ');
}
