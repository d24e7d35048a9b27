/** The engine's public face: load a program from disk, check it, and get the model and the findings. */
import { runChecks, type CheckOptions, type CheckResult } from './check.ts';
import { UsageError } from './errors.ts';
import { isProgramRoot, loadProject, type Progress } from './load-fs.ts';

export { runChecks, type CheckOptions, type CheckResult, type CheckSummary } from './check.ts';
export type { ProgramFacts } from './program-facts.ts';
export type { CheckedProgram } from './facts.ts';
export { codes, type Diagnostic, type DiagnosticCode, type Severity } from './diagnostics.ts';
export { UsageError } from './errors.ts';
export { buildModel, type ProgramModel, type Document, type SourceFile } from './model.ts';
export { loadProject, readSources } from './load-fs.ts';

export function checkProject(
  root: string,
  options: CheckOptions & { progress?: Progress | undefined } = {},
): CheckResult {
  if (!isProgramRoot(root)) {
    throw new UsageError(
      `${root} holds no Trustbook program (content/program.yaml not found)`,
      'Run the command in the folder of a program, pass --root DIR, or start one with `trustbook init --org NAME`.',
    );
  }
  const { model, diagnostics } = loadProject(root, { progress: options.progress });
  return runChecks(model, diagnostics, options);
}
