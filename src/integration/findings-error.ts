/**
 * The error a build stops with when the program has findings: an AstroError without a stack, since the findings
 * are the whole story and a stack trace would bury them.
 */
import { AstroError } from 'astro/errors';

export function findingsError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  // Astro swaps the hint for one about browser APIs when an error's text mentions "document" or "window",
  // words every finding about a policy document or an audit window uses. Its message and hint are what the
  // user reads; the text that heuristic looks at says only what kind of error it is.
  error.toString = () => 'TrustbookFindings';
  return error;
}
