/** Integrity: every artifact file exists inside evidence-index/ and still matches its recorded SHA-256. */
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

export const integrityRule: Rule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const series of model.evidence) {
    series.data.artifacts.forEach((artifact, index) => {
      if (!artifact.file) return;
      const state = model.artifactFiles.get(artifact.file);
      const line = lineOf(series, 'artifacts', index, 'file');
      const base = { severity: 'error' as const, file: series.file, line };
      if (!state) return;
      if (state.status === 'outside') {
        diagnostics.push({
          ...base,
          code: 'TB703',
          message: `artifact file \`${artifact.file}\` is ${state.reason}`,
          hint: 'Keep evidence files inside evidence-index/ (for example evidence-index/files/) and name them relative to it.',
        });
      } else if (state.status === 'missing') {
        diagnostics.push({
          ...base,
          code: 'TB701',
          message: `artifact file \`evidence-index/${artifact.file}\` does not exist`,
          hint: 'Add the file to the repository, or correct the path (it is relative to evidence-index/).',
        });
      } else if (artifact.sha256 && state.sha256 !== artifact.sha256.toLowerCase()) {
        diagnostics.push({
          ...base,
          code: 'TB702',
          message: `artifact file \`evidence-index/${artifact.file}\` does not match its sha256 (it is ${state.sha256})`,
          hint: 'Evidence must not change after it is collected. If this is a new artifact, record it as a new entry; if the recorded hash is wrong, run `sha256sum` on the file and correct it.',
        });
      }
    });
  }
  return diagnostics;
};
