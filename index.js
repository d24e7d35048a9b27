// The package's entry: `import trustbook from 'trustbook'` in astro.config.mjs. Installed from npm, it loads the
// compiled integration (Node does not strip types under node_modules); in this repository, which is both the
// package's source and its sample program, the TypeScript source itself, so a build never runs stale code.
const installed = import.meta.url.includes('/node_modules/');
const { default: trustbook } = await import(installed ? './lib/integration/index.js' : './src/integration/index.ts');

export default trustbook;
