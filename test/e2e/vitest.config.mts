import { defineConfig } from 'vitest/config';

// The end-to-end suite: one code-server for the run (globalSetup), one browser per file, files one
// after another because they share the workspace and the machine's two cores.

export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    fileParallelism: false,
    // Generous: on a loaded two-core machine the workbench alone can take a minute to come up.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
