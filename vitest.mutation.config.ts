/**
 * The tests the mutation run (`npm run mutation`, stryker.config.mjs) holds each mutant against: the unit tests.
 * Builds, the package test and Chromium are out (each mutant would otherwise cost a site build), and so are the
 * two tests that read the reference data beside the repository (`../shared/`), which the run's sandbox, one
 * folder deeper, does not see; they test catalog data no mutant changes.
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
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
