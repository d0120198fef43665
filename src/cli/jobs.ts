import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { analyseTarget, type FileResult } from './analyseFile';
import type { Invocation } from './cli';
import type { Target } from './files';
import { renderDocument } from './output';

// `--jobs N`: the files are handed out in small batches to N worker threads running this same bundle
// (main.ts starts `serveJobs` when it is not the main thread), so a slow file holds up one batch, not a
// whole share. Results are passed on in file order as soon as they are, so the output is the same as
// without --jobs and memory does not grow with the number of files.

/** Files per message: large enough that messaging is cheap, small enough to balance the workers. */
const BATCH = 16;

/**
 * A worker's young generation, in MB. V8's default is sized for large heaps; a worker's garbage dies
 * with the file that made it, so a small one scavenges as cheaply and keeps the peak down: 10,000 seeds
 * with `--jobs 2` peaked at 402-408 MB with the default and 339-354 MB with this, in the same CPU time.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

type Task = Pick<Invocation, 'command' | 'json'>;

interface Request {
  task: Task;
  first: number;
  targets: Target[];
}

interface Reply {
  first: number;
  results: FileResult[];
}

/** Analyses `targets` in `invocation.jobs` workers, calling `onResult` for each file in file order. */
export function runJobs(targets: readonly Target[], invocation: Invocation, onResult: (result: FileResult) => void): Promise<void> {
  const task: Task = { command: invocation.command, json: invocation.json };
  const waiting = new Map<number, FileResult>(); // results that arrived before an earlier file's
  let next = 0; // the next file to hand out
  let emitted = 0; // the next file to pass on
  return new Promise((resolve, reject) => {
    if (targets.length === 0) return resolve();
    const workers: Worker[] = [];
    const send = (worker: Worker) => {
      if (next >= targets.length) return;
      const request: Request = { task, first: next, targets: targets.slice(next, next + BATCH) };
      next += request.targets.length;
      worker.postMessage(request);
    };
    const finish = (error?: Error) => {
      workers.forEach((w) => void w.terminate());
      if (error) reject(error);
      else resolve();
    };
    for (let i = 0; i < Math.min(invocation.jobs, Math.ceil(targets.length / BATCH)); i++) {
      const worker = new Worker(__filename, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.push(worker);
      worker.on('message', (reply: Reply) => {
        reply.results.forEach((result, i) => waiting.set(reply.first + i, result));
        for (let result = waiting.get(emitted); result; result = waiting.get(emitted)) {
          waiting.delete(emitted++);
          onResult(result);
        }
        if (emitted === targets.length) finish();
        else send(worker);
      });
      worker.on('error', finish);
      worker.on('exit', (code) => {
        if (emitted < targets.length) finish(new Error(`a worker stopped (exit code ${code}) before its files were analysed`));
      });
      send(worker);
    }
  });
}

/**
 * The worker side: analyse each batch, and render `analyse` answers here — serialising is a good
 * share of the work, and a string crosses threads far more cheaply than the object it came from.
 */
export function serveJobs(): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  port.on('message', ({ task, first, targets }: Request) => {
    const results = targets.map((target) => {
      const result = analyseTarget(target, task.command);
      if (task.command === 'analyse') {
        result.rendered = renderDocument(result, task.json);
        delete result.json;
      }
      return result;
    });
    const reply: Reply = { first, results };
    port.postMessage(reply);
  });
}
