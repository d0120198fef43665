#!/usr/bin/env node
// Where the time goes: each stage of the analysis timed on its own over the bench corpus, at 256 KB
// and 1 MB (a stage growing more than 4x between them is superlinear). Not part of `npm run bench`.
//   node test/bench/stages.mjs
import { corpusText } from './corpus.mjs';
import { loadStages, timeStages } from './stageTimes.mjs';

const lib = loadStages();
for (const kb of [256, 1024]) {
  const text = corpusText(kb * 1024);
  const context = { documentDate: '2023-04-17', lexicon: {} };
  timeStages(lib, text, context); // warms the JIT and loads the gazetteer
  const times = timeStages(lib, text, context);
  console.log(`${kb} KB`, JSON.stringify(Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(v)]))));
}
