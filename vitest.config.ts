import { defineConfig } from 'vitest/config';

// Two projects. `unit`: everything in node (DOM tests opt in per file with
// `// @vitest-environment happy-dom`), files in parallel. `browser`: test/browser/ drives the
// system Chromium and Firefox with the built extension (`npm run build` first), one file at a
// time (`--no-file-parallelism` in package.json) so the browsers do not compete for the cores.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/browser/**', '**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
