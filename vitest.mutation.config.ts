/**
 * The tests the mutation run (`npm run mutation`, stryker.config.mjs) holds each mutant against: the unit project
 * without the hardening corpus's size cases' cost or the browser. Builds, the package test and Chromium are out:
 * each mutant would otherwise cost a site build.
 */
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/build/**', 'test/package/**', 'test/cli/guided-init.test.ts'],
    testTimeout: 60_000,
  },
});
