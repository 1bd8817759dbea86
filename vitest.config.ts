import { defineConfig } from 'vitest/config';

// One runner for every test. DOM tests opt in per file with `// @vitest-environment happy-dom`;
// browser tests (test/browser/) drive the system Chromium and Firefox and need `npm run build` first.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
