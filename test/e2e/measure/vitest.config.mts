import { defineConfig } from 'vitest/config';

// `npm run bench:view`: the Seeds view's load timed in code-server (see seedsView.measure.ts). A
// measurement, not a test: it asserts no time.

export default defineConfig({
  test: {
    root: new URL('../../..', import.meta.url).pathname,
    include: ['test/e2e/measure/*.measure.ts'],
    globalSetup: ['test/e2e/measure/globalSetup.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 600_000,
    reporters: ['default'],
  },
});
