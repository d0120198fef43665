// @vscode/test-cli: the integration tests run in a real VS Code against a small fixture workspace.
// `npm run test:integration` (test/integration/run.mjs) bundles them to dist/integration first.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  label: 'integration',
  files: 'dist/integration/**/*.test.js',
  version: process.env.VSCODE_TEST_VERSION ?? 'stable',
  workspaceFolder: './test/integration/workspace',
  launchArgs: ['--disable-extensions', '--disable-workspace-trust'],
  mocha: { ui: 'bdd', timeout: 30_000, color: true },
});
