// The Seeds view's way of indexing a folder, in one process: its provider finds the files, reads each
// for its header (with `localFiles`, as the extension does) and groups them by month; the view makes
// the item of every article in the months that start expanded, as VS Code does: the articles are
// listed. Then the provider analyses them in the background (AnalysisCache.analyseUri, cached by mtime
// and size): the articles are indexed. Cold, then warm (refreshed: the files found again, a stat each),
// then the claims of every article. Prints JSON. With a storage folder, the listing is kept there for the
// next window (as the extension keeps it): a second run, a new window, lists the unchanged files from it.
//   node test/bench/indexCache.mjs <bench bundle> <folder> <file list (JSON)> [storage folder]
import { readFileSync } from 'node:fs';
import { loadBenchBundle } from './bundle.mjs';
import { createRequire } from 'node:module';

const vscode = createRequire(import.meta.url)('./vscodeStub.cjs').installVscodeStub();
const lib = loadBenchBundle(process.argv[2]);
const uris = JSON.parse(readFileSync(process.argv[4], 'utf8')).map((f) => vscode.Uri.file(f));
vscode.workspace.workspaceFolders = [{ uri: vscode.Uri.file(process.argv[3]), name: 'corpus', index: 0 }];
vscode.workspace.findFiles = async () => uris;
const storage = process.argv[5] && new lib.HeaderStore(vscode.Uri.file(process.argv[5]), 'bench');
const cache = new lib.AnalysisCache(5 * 1024 * 1024, lib.localFiles, storage); // as the extension reads
const provider = new lib.SeedsTreeProvider(cache, { seedsGlob: '**/*.txt', groupBy: 'month' });

async function pass() {
  const start = performance.now();
  let items = 0; // articles whose item the view made
  for (const month of await provider.getChildren()) {
    if (provider.getTreeItem(month).collapsibleState !== vscode.TreeItemCollapsibleState.Expanded) continue;
    for (const article of await provider.getChildren(month)) {
      provider.getTreeItem(article);
      items++;
    }
  }
  const listedMs = performance.now() - start;
  await provider.whenAnalysed();
  return { listedMs, indexedMs: performance.now() - start, items };
}
const cold = await pass();
provider.refresh();
const warm = await pass();
// Claims are found when first read (an article's tooltip, or its Claims when expanded): all of them,
// as if every article were hovered.
const start = performance.now();
for (const uri of uris) cache.peek(uri)?.analysis?.claims.length;
const claimsMs = performance.now() - start;
process.stdout.write(
  JSON.stringify({ coldListedMs: cold.listedMs, coldMs: cold.indexedMs, warmMs: warm.indexedMs, claimsMs, items: warm.items, peakRssMB: process.resourceUsage().maxRSS / 1024 }),
);
