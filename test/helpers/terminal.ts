/**
 * Runs a command in a pseudo-terminal (util-linux `script`), so it sees a terminal on standard input and
 * output as a person's shell gives it, and answers its questions in turn: each answer is typed once the
 * output, cleaned of terminal control sequences, matches the turn's question.
 */
import { spawn } from 'node:child_process';

export interface Turn {
  /** What the question says (matched against everything printed since the last answer). */
  question: RegExp;
  /** What is typed, followed by Enter; `\u0004` alone is Ctrl-D, the end of the input. */
  answer: string;
}

export interface Conversation {
  code: number | null;
  /** Everything the command printed, without control sequences. */
  transcript: string;
  /** The turns whose question never came. */
  unasked: Turn[];
}

/** Terminal control sequences (ESC [ ... letter) and carriage returns. */
const controls = new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]|\\r`, 'g');

function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function converse(argv: readonly string[], cwd: string, turns: readonly Turn[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<Conversation>((resolve, reject) => {
    const child = spawn('script', ['-qfec', argv.map(shellQuote).join(' '), '/dev/null'], {
      cwd,
      env: { ...process.env, NO_COLOR: '1', TERM: 'dumb', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    let answeredAt = 0;
    let next = 0;
    const onOutput = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const turn = turns[next];
      if (!turn) return;
      const since = output.replace(controls, '').slice(answeredAt);
      if (turn.question.test(since) && /[:?\]]\s*$/.test(since)) {
        next++;
        answeredAt = output.replace(controls, '').length;
        // Typed a moment after the prompt, as a person would; the pty echoes it into the transcript.
        setTimeout(() => child.stdin.write(turn.answer === '\u0004' ? turn.answer : `${turn.answer}\r`), 10);
      }
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, transcript: output.replace(controls, ''), unasked: turns.slice(next) });
    });
  });
}
