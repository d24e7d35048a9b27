/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
  isTTY: boolean;
  /** True when both standard input and output are a terminal: a command may ask questions. */
  interactive?: boolean;
  /**
   * Replaces the progress line on a terminal (standard error); an empty text clears it. Absent when standard
   * error is not a terminal: logs and CI get no progress lines.
   */
  progress?: (text: string) => void;
  /** Asks a question and returns the answer (undefined once the input has ended); tests pass their own. */
  ask?: (question: string) => Promise<string | undefined>;
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
