/**
 * The tests the mutation run (`npm run mutation`, stryker.config.mjs) holds each mutant against: the unit tests.
 * Builds, the package test and Chromium are out (each mutant would otherwise cost a site build), and so are the
 * two tests that read the reference data beside the repository (`../shared/`), which the run's sandbox, one
 * folder deeper, does not see; they test catalog data no mutant changes.
 *
 * `npm run mutation` names a module's own test files in TRUSTBOOK_MUTATION_TESTS (a JSON list), and the run
 * includes those alone. They are chosen here rather than with Stryker's `testFiles` because Stryker, given
 * `testFiles`, switches a static mutant (a module-level constant, evaluated once when the module loads) on only
 * once the tests have imported the module, so every such mutant survived whatever the tests asserted. Without
 * `testFiles` it switches a static mutant on before the test files load, and each test file loads the module
 * afresh (vitest isolates test files), so the constant is tested like any other code.
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: process.env.TRUSTBOOK_MUTATION_TESTS
      ? (JSON.parse(process.env.TRUSTBOOK_MUTATION_TESTS) as string[])
      : ['test/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      'test/e2e/**',
      'test/build/**',
      'test/package/**',
      'test/cli/guided-init.test.ts',
      'test/export/oscal-schema.test.ts',
      'test/engine/points-of-focus.test.ts',
    ],
    testTimeout: 60_000,
  },
});
