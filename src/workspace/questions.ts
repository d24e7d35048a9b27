/**
 * A library's questions and a client's answers to them: what an answer of each type must look like, so a value
 * written into a policy's text or frontmatter is what the question asked for and cannot break the YAML or MDX
 * it lands in.
 */
import { frequencies } from '../schema/common.ts';
import type { LibraryQuestion } from '../schema/workspace.ts';

/**
 * Characters no answer may hold: they would break the quoted YAML strings a client's program.yaml is written with.
 * `{ } < >` and backticks are refused only where a `{{placeholder}}` would write them into a text (TB032):
 * `<Var>` renders any answer as text.
 */
const unsafe = /["\\\n\r]/;

/** What is wrong with an answer to a question, or undefined when it will do. */
export function answerProblem(question: Pick<LibraryQuestion, 'id' | 'type'>, value: string): string | undefined {
  if (value.trim() === '') return `the answer to ${question.id} is empty`;
  if (unsafe.test(value)) return `the answer to ${question.id} holds " or \\ or a line break`;
  switch (question.type) {
    case 'url':
      return /^https?:\/\/[^\s/]+/.test(value) ? undefined : `${question.id} expects a web address (https://...)`;
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? undefined : `${question.id} expects an e-mail address`;
    case 'frequency':
      return (frequencies as readonly string[]).includes(value)
        ? undefined
        : `${question.id} expects one of ${frequencies.join(', ')}`;
    case 'text':
      return undefined;
  }
}
