import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/integration/**', 'node_modules/**'],
    alias: { vscode: new URL('./test/mocks/vscode.ts', import.meta.url).pathname },
    testTimeout: 30_000,
  },
});
