import { corpusText } from './corpus.mjs';
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
const root='/work/main';
const a=(m)=>JSON.stringify(root+'/src/analysis/'+m);
import { writeFileSync } from 'node:fs';
writeFileSync('/tmp/stage-entry.ts', `export { analyse } from ${a('analyse')};
export { parseDocument } from ${a('document')};
export { findDates } from ${a('dates')};
export { findPlaces, spreadPlaces } from ${a('places')};
export { findFactions, resolveParties } from ${a('factions')};
export { findClaimsInWindows } from ${a('claimWindows')};
export { summarise } from ${a('summary')};`);
buildSync({entryPoints:['/tmp/stage-entry.ts'],outfile:'/tmp/stage.cjs',bundle:true,format:'cjs',platform:'node',logLevel:'error'});
const lib=createRequire(import.meta.url)('/tmp/stage.cjs');
for (const kb of [256, 1024]) {
  const text=corpusText(kb*1024);
  const context={documentDate:'2023-04-17',lexicon:{}};
  for (let r=0;r<2;r++){
  const times={};
  const time=(s,fn)=>{const t=performance.now();const v=fn();times[s]=(times[s]??0)+performance.now()-t;return v;};
  const doc=time('document',()=>lib.parseDocument(text));
  const entities=[];
  for (const p of doc.paragraphs){const para=text.slice(p.start,p.end);
    for (const [s,f] of [['dates',lib.findDates],['places',lib.findPlaces],['factions',lib.findFactions]]) for (const e of time(s,()=>f(para,context))) entities.push({...e,start:e.start+p.start,end:e.end+p.start});}
  time('spreadPlaces',()=>lib.spreadPlaces(text,entities));
  time('parties',()=>lib.resolveParties(text,entities.filter(e=>e.type==='faction'),context));
  entities.sort((x,y)=>x.start-y.start);
  time('claims',()=>lib.findClaimsInWindows(doc,entities));
  const an=time('analyse',()=>lib.analyse(text));
  time('summarise',()=>lib.summarise(an));
  console.log(kb, JSON.stringify(Object.fromEntries(Object.entries(times).map(([k,v])=>[k,Math.round(v)]))));
  }
}
