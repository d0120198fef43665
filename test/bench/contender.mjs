// One contender of the bench in a process of its own (bench.mjs forks one per contender and sends it
// the texts). In one heap, each library's garbage and retained objects slowed whichever ran after it;
// a process of its own also keeps its garbage collector's and compiler's background threads to itself.
import { createRequire } from 'node:module';
import { loadBenchBundle } from './bundle.mjs';

const require = createRequire(import.meta.url);

/** The regex sentence split: the ceiling for any one-pass scanner. */
const SPLIT = /(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/;

/** The function timed for `name`, its library loaded here. */
function contender(name, bundlePath) {
  switch (name) {
    case 'ours': {
      const lib = loadBenchBundle(bundlePath);
      return (text) => lib.summarise(lib.analyse(text));
    }
    case 'compromise': {
      const nlp = require('compromise');
      return (text) => {
        const doc = nlp(text);
        doc.places().json();
        doc.organizations().json();
        doc.people().json();
      };
    }
    case 'compromiseDates': {
      const nlp = require('compromise');
      nlp.plugin(require('compromise-dates'));
      return (text) => nlp(text).dates().json();
    }
    case 'chrono': {
      const chrono = require('chrono-node');
      return (text) => chrono.parse(text);
    }
    case 'wink': {
      const wink = require('wink-nlp')(require('wink-eng-lite-web-model'));
      return (text) => wink.readDoc(text).entities().out();
    }
    case 'regexSplit':
      return (text) => text.split(SPLIT);
    default:
      throw new Error(`unknown contender ${name}`);
  }
}

const [name, bundlePath] = process.argv.slice(2);
const run = contender(name, bundlePath);

/** Times one call on the text sent. */
process.on('message', (text) => {
  const start = performance.now();
  run(text);
  process.send(performance.now() - start);
});
