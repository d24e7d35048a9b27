/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  isTTY: boolean;
  /** True when both standard input and output are a terminal: a command may ask questions. */
  interactive?: boolean;
  /** Asks a question and returns the answer (undefined once the input has ended); tests pass their own. */
  ask?: (question: string) => Promise<string | undefined>;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
