/**
 * The error a build stops with when the program has findings: an AstroError without a stack, since the findings
 * are the whole story and a stack trace would bury them.
 */
import { AstroError } from 'astro/errors';
import type { AstroIntegrationLogger } from 'astro';

/** Marks the errors made here, so the hooks can tell a finding from a fault. */
const FINDINGS = Symbol('trustbook findings');

export function findingsError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  // Astro swaps the hint for one about browser APIs when an error's text mentions "document" or "window",
  // words every finding about a policy document or an audit window uses. Its message and hint are what the
  // user reads; the text that heuristic looks at says only what kind of error it is.
  error.toString = () => 'TrustbookFindings';
  Object.defineProperty(error, FINDINGS, { value: true });
  return error;
}

export function isFindingsError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && FINDINGS in error;
}

/** What Astro writes through an integration's logger before it prints whatever a hook of that integration threw. */
const UNHANDLED_NOTICE = /^An unhandled error occurred while running the /;

/**
 * Runs a hook so that, when it stops the build with findings, the build's output reads as the findings: Astro
 * announces any error a hook throws as "an unhandled error occurred", which a failed check is not. Astro writes
 * that line through the same logger it hands the hook, right after the throw; only that one line is dropped,
 * and only for a findings error. A fault of Trustbook's own is announced and shown as Astro shows it.
 */
export async function reportingFindings<T>(logger: AstroIntegrationLogger, hook: () => T | Promise<T>): Promise<T> {
  try {
    return await hook();
  } catch (error) {
    if (isFindingsError(error)) {
      const write = logger.error;
      logger.error = function (this: AstroIntegrationLogger, message: string) {
        logger.error = write;
        if (!UNHANDLED_NOTICE.test(message)) write.call(this, message);
      };
    }
    throw error;
  }
}
