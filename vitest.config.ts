import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

/** As tsconfig.json maps it: the content loader reads the build's data through this specifier. */
const dataAlias = { 'virtual:trustbook/data': fileURLToPath(new URL('./src/site/data.ts', import.meta.url)) };

/** Test files that are not unit tests: each of these projects has its own below. */
const notUnit = [
  ...configDefaults.exclude,
  'test/e2e/**',
  'test/build/**',
  'test/package/**',
  'test/deploy/**/*-live.test.ts',
  'test/pages/**',
  'test/standards/**',
];

/**
 * Unit test files that replace a module (`vi.mock`): they need modules loaded afresh, so they run in a project
 * of their own. test/architecture/test-projects.test.ts holds every such file to this list.
 */
export const mockingModules = ['test/engine/grant-keys.test.ts', 'test/workspace/check-failure.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          alias: dataAlias,
          exclude: [...notUnit, ...mockingModules],
          // The files share each worker's loaded modules rather than loading them afresh: loading was half the
          // project's time. No file may depend on a module's state being new (those that mock a module run below).
          isolate: false,
          // Unit tests first: the browser tests would otherwise compete with them for the two cores.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'unit-mocks',
          include: mockingModules,
          alias: dataAlias,
          sequence: { groupOrder: 0 },
        },
      },
      // Pages rendered with Astro's container API: their own Vite setup, which compiles `.astro` files.
      'test/pages/vitest.config.ts',
      {
        test: {
          name: 'build',
          // With the deployment test, which builds the sample once and serves it with Caddy.
          include: ['test/build/**/*.test.ts', 'test/deploy/**/*-live.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Each file builds real sites; two at once would only fight over two cores.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          // Packs the package, installs it into a new program and builds that: minutes, mostly npm.
          testTimeout: 120_000,
          hookTimeout: 600_000,
          // Last, alone: npm and a second Astro build would otherwise compete with the browser tests.
          sequence: { groupOrder: 3 },
        },
      },
      {
        test: {
          name: 'e2e',
          // With the standards: the W3C HTML checker and axe-core over every page of the same build.
          include: ['test/e2e/**/*.test.ts', 'test/standards/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One file at a time: each starts a Chromium, and two of them would fight over two cores.
          fileParallelism: false,
          // Pages inside a file are visited a few at a time (describe.concurrent); more only queues on two cores.
          maxConcurrency: 4,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
