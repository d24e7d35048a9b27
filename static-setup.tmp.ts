import { beforeEach, afterEach } from 'vitest';
(globalThis as any).__inTest = false;
beforeEach(() => { (globalThis as any).__inTest = true; });
afterEach(() => { (globalThis as any).__inTest = false; });
