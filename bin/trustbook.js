#!/usr/bin/env node
// Entry point of the `trustbook` command. Runs the TypeScript sources directly (Node strips the types).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `trustbook: Node ${process.versions.node} is too old; it needs Node 22.18 or newer.\n` +
      '  fix: run it through npm (`npx trustbook`, `npm run check`), which uses the Node that `npm ci` installed.',
  );
  process.exit(2);
}
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
