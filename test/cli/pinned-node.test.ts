import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pinnedNode } from '../../bin/pinned-node.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'trustbook-pinned-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const touch = (path: string) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), '');
};

describe('the Node the trustbook command hands over to under an older Node', () => {
  it("is the program's own when Trustbook is installed in it", () => {
    touch('program/node_modules/trustbook/bin/trustbook.js');
    touch('program/node_modules/.bin/node');
    expect(pinnedNode(join(dir, 'program/node_modules/trustbook'))).toBe(join(dir, 'program/node_modules/.bin/node'));
  });

  it("is the repository's own in a checkout of Trustbook, before any further up", () => {
    touch('node_modules/.bin/node');
    touch('trustbook/node_modules/.bin/node');
    expect(pinnedNode(join(dir, 'trustbook'))).toBe(join(dir, 'trustbook/node_modules/.bin/node'));
  });

  it('is node.exe on Windows, and none when nothing installed one', () => {
    touch('program/node_modules/.bin/node.exe');
    expect(pinnedNode(join(dir, 'program/node_modules/trustbook'), 'win32')).toBe(
      join(dir, 'program/node_modules/.bin/node.exe'),
    );
    expect(pinnedNode(join(dir, 'program/node_modules/trustbook'), 'linux')).toBeUndefined();
  });
});
