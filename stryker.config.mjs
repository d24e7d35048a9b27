// Mutation testing (`npm run mutation`, docs/mutation.md): small realistic changes to the code that carries the
// program's promises (the rules, the facts, the periods and dates, sampling, grants, the exports that state
// statuses, the sites' audience filtering and the leak scan), each held against the unit tests. A mutant the
// tests do not notice is a boundary no test pins. Incremental: a second run retests only what changed since
// the results in test/mutation/incremental/ (scripts/mutation.ts runs it module by module).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  coverageAnalysis: 'perTest',
  mutate: [
    'src/engine/rules/*.ts',
    'src/engine/facts.ts',
    'src/engine/program-facts.ts',
    'src/engine/coverage.ts',
    'src/engine/effectiveness.ts',
    'src/engine/spans.ts',
    'src/engine/periods.ts',
    'src/engine/evidence-timeline.ts',
    'src/engine/sampling.ts',
    'src/engine/dates.ts',
    'src/engine/deadlines.ts',
    'src/engine/grants.ts',
    'src/engine/acknowledgement-status.ts',
    'src/engine/personnel.ts',
    'src/export/control-matrix.ts',
    'src/export/pbc.ts',
    'src/site/views.ts',
    'src/site/views/public.ts',
    'src/site/views/select.ts',
    'src/site/views/shared.ts',
    'src/integration/leak-scan.ts',
  ],
  // Outputs and the throw-away projects build tests make: a build test running meanwhile must not change what
  // the sandbox copies.
  ignorePatterns: ['/.stryker-tmp', '/.trustbook', '/dist', '/reports', '/test-results', '/pdf', '/exports', '/audit'],
  incremental: true,
  incrementalFile: 'test/mutation/incremental/all.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
