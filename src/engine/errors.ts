/** Errors that stop a command before any finding exists: bad arguments, or a folder that is not a program. */
export class UsageError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'UsageError';
    this.hint = hint;
  }
}
