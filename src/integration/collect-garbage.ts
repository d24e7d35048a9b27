/**
 * One full garbage collection between rendering the pages and publishing them. When the last page is written,
 * the JavaScript heap still holds hundreds of megabytes that rendering left behind (V8 collects when it needs
 * room, not when a phase ends), and publishing reads every page and file again: without a collection first, the
 * build's resident memory peaks there, above its peak while bundling. Measured on the benchmark's program
 * (docs/internals.md): peaks of 1,386 and 1,443 MB without, 1,299 and 1,307 MB with.
 *
 * Node gives the collector to code only with `--expose-gc`; the flag is set for the moment it takes to fetch the
 * function from a new context, and cleared again, so no page or module sees a `gc` global.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
  }
  collect();
}
