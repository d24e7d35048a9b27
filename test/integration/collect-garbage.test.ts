/** The collection between rendering and publishing: it frees what nothing holds, and leaves no `gc` about. */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../src/integration/collect-garbage.ts';

describe('the collection before publishing', () => {
  it('frees an object nothing holds any more', async () => {
    let held: object | undefined = { pages: new Array(1000).fill('page') };
    const ref = new WeakRef(held);
    held = undefined;
    // A WeakRef keeps its object until the end of the job that made or read it.
    await new Promise((done) => setImmediate(done));
    collectGarbage();
    expect(held).toBeUndefined();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves no collector for pages or modules to call, in this context or a new one', () => {
    collectGarbage();
    collectGarbage();
    expect('gc' in globalThis).toBe(false);
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});
