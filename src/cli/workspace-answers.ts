/** `--answer key=value`, given once per answer, read into answers to a library's questions. */
import { UsageError } from '../engine/errors.ts';
import { variableName } from '../schema/workspace.ts';
import type { LibraryQuestion } from '../schema/workspace.ts';
import { answerProblem } from '../workspace/questions.ts';

export function parseAnswers(given: readonly string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const entry of given) {
    const at = entry.indexOf('=');
    const key = entry.slice(0, at);
    if (at < 1 || !variableName.safeParse(key).success) {
      throw new UsageError(
        `--answer ${entry}: expected key=value, the key a variable name`,
        'For example: --answer organization="Acme, Inc."',
      );
    }
    answers[key] = entry.slice(at + 1);
  }
  return answers;
}

/** Refuses an answer its question's type does not allow (a variable without a question takes any safe text). */
export function checkAnswers(answers: Readonly<Record<string, string>>, questions: readonly LibraryQuestion[]): void {
  for (const [id, value] of Object.entries(answers)) {
    const problem = answerProblem(questions.find((question) => question.id === id) ?? { id, type: 'text' }, value);
    if (problem) throw new UsageError(`--answer ${id}: ${problem}`, 'Give the answer again, as the question asks.');
  }
}
