/** Argument parsing shared by the commands: strict options, and usage errors instead of exceptions. */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { UsageError } from '../engine/errors.ts';

export function parse<const T extends ParseArgsOptionsConfig>(args: string[], options: T, maxPositionals = 0) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `trustbook --help` for the options.');
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(
      `unexpected argument "${parsed.positionals[maxPositionals]}"`,
      'Run `trustbook --help` for the options.',
    );
  }
  return parsed;
}
