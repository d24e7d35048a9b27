/**
 * The questions a guided `trustbook init` asks in a terminal, one at a time, each with a default that Enter
 * takes. An answer that cannot be used is asked again with the reason; the end of the input stops the
 * interview before anything is written.
 */
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../engine/errors.ts';

/** Asks one question; undefined once the input has ended. */
export type Ask = (question: string) => Promise<string | undefined>;

/** A question: what to ask, the answer Enter takes, and whether an answer can be used (undefined when it can). */
export interface Question<T> {
  prompt: string;
  /** Shown in brackets and taken on Enter; none means the question needs an answer. */
  default?: string;
  /** Why the answer cannot be used, or the value it stands for. */
  read: (answer: string) => { value: T } | { problem: string };
}

/** Asks until the answer is usable. */
export async function askFor<T>(ask: Ask, say: (text: string) => void, question: Question<T>): Promise<T> {
  const shown = question.default === undefined ? '' : ` [${question.default}]`;
  for (;;) {
    const answer = await ask(`${question.prompt}${shown}: `);
    if (answer === undefined) {
      throw new UsageError('init stopped before every question was answered; nothing was written', 'Run it again.');
    }
    const given = answer.trim() === '' ? (question.default ?? '') : answer.trim();
    const read = question.read(given);
    if ('value' in read) return read.value;
    say(`  ${read.problem}`);
  }
}

/** Questions about the terminal the command runs in: standard input and output. */
export function terminalAsk(): { ask: Ask; close: () => void } {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  let ended = false;
  terminal.on('close', () => (ended = true));
  const ask: Ask = async (question) => {
    if (ended) return undefined;
    try {
      return await terminal.question(question);
    } catch {
      // The input ended (Ctrl-D) or was interrupted while the question was open.
      return undefined;
    }
  };
  return { ask, close: () => terminal.close() };
}
