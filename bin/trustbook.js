#!/usr/bin/env node
// Entry point of the `trustbook` command. Installed from npm it runs the compiled JavaScript in lib/ (Node does
// not strip types under node_modules); in this repository it runs the TypeScript sources directly, which needs
// Node 22.18+. Under an older Node it hands over to the Node that `npm install` put in node_modules/.bin, if any
// (this repository's, or that of the program that installed Trustbook).
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import module from 'node:module';
import { pinnedNode } from './pinned-node.js';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const pinned = pinnedNode(dirname(dirname(fileURLToPath(import.meta.url))));
  if (pinned && pinned !== process.execPath) {
    const child = spawnSync(pinned, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
    process.exit(child.status ?? 2);
  }
  console.error(
    `trustbook: Node ${process.versions.node} is too old; it needs Node 22.18 or newer.\n` +
      '  fix: run `npm install` in the program (or `npm ci` in the Trustbook repository): it installs a suitable\n' +
      '  Node in node_modules/.bin, which this command then uses. Or install Node 22.18 or newer.',
  );
  process.exit(2);
}

// Node caches compiled (and type-stripped) modules here, so later runs start faster.
module.enableCompileCache?.();
const installed = import.meta.url.includes('/node_modules/');
const { main } = await import(installed ? '../lib/cli/main.js' : '../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  ...(process.stderr.isTTY ? { progress: (text) => process.stderr.write(`\r\u001b[K${text}`) } : {}),
});
