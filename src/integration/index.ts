/**
 * The Astro integration: runs the compliance check before anything is built. Errors fail `astro build`
 * with the same findings `trustbook check` prints; `astro dev` shows them and keeps serving.
 */
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { formatPretty } from '../cli/format.ts';
import { checkProject, UsageError } from '../engine/index.ts';

export interface TrustbookOptions {
  /** Evaluate dates as of this day instead of TRUSTBOOK_AS_OF, the program's `as_of`, or today. */
  asOf?: string;
}

export default function trustbook(options: TrustbookOptions = {}): AstroIntegration {
  return {
    name: 'trustbook',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        const started = performance.now();
        let result;
        try {
          result = checkProject(fileURLToPath(config.root), {
            asOf: options.asOf,
            envAsOf: process.env.TRUSTBOOK_AS_OF,
          });
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          throw findingsError(error.message, error.hint);
        }
        const report = formatPretty(result, Math.round(performance.now() - started));
        const { errors, warnings } = result.summary;
        if (errors > 0 && command === 'build') {
          throw findingsError(
            `The compliance check found ${errors} error${errors === 1 ? '' : 's'}; nothing was built.\n\n${report}`,
            'Fix each finding as its `fix:` line says, then build again. `npm run check` shows the same list faster.',
          );
        }
        if (errors > 0 || warnings > 0) logger.warn(report);
        else logger.info(report.split('\n').slice(-3).join('\n'));
      },
    },
  };
}

/** An AstroError without a stack: the findings are the whole story, and a stack trace would bury them. */
function findingsError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = '';
  return error;
}
