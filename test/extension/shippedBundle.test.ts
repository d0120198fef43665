// The built extension (dist/, made by `npm test`'s build): activation leaves the recognisers
// unloaded, and the first analysis loads them from dist/analyse.js.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const dist = join(__dirname, '../../dist');
const folder = mkdtempSync(join(tmpdir(), 'news-review-bundle-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it('loads the recognisers on the first analysis, not at activation', async () => {
  mkdirSync(join(folder, 'seeds'));
  const file = join(folder, 'seeds/a.txt');
  writeFileSync(file, ' date 2020-05-25 Rebels said on Monday they had taken Sake, west of Goma.\n');
  const vscode = require('../bench/vscodeStub.cjs').installVscodeStub();
  vscode.workspace.workspaceFolders = [{ uri: vscode.Uri.file(folder), name: 'ws', index: 0 }];
  vscode.workspace.findFiles = async () => [vscode.Uri.file(file)];
  const recognisers = require.resolve(join(dist, 'analyse.js'));
  const context = { subscriptions: [], extensionUri: vscode.Uri.file(join(dist, '..')), globalState: {}, workspaceState: {} };

  const api = require(join(dist, 'extension.js')).activate(context);
  expect(require.cache[recognisers]).toBeUndefined();

  for (const group of await api.seeds.getChildren()) await api.seeds.getChildren(group);
  await api.seeds.whenAnalysed();
  expect(require.cache[recognisers]).toBeDefined();
  const [article] = await api.seeds.getChildren((await api.seeds.getChildren())[0]);
  const [, places] = await api.seeds.getChildren(article); // Dates, Places, Factions, Claims
  expect((await api.seeds.getChildren(places)).map((item: object) => api.seeds.getTreeItem(item).label)).toEqual(['Goma', 'Sake']);
});
