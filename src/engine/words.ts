/** Small helpers for the words of findings, shared by the rules and the finding catalogue. */

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
