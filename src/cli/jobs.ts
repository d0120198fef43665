import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { Analyser } from '../analysis/analyse';
import { analyseTarget, type Command, type FileResult } from './analyseFile';
import type { Target } from './files';

// `--jobs N`: the files are handed out in small batches to N worker threads running this same bundle
// (main.ts starts `serveJobs` when it is not the main thread), so a slow file holds up one batch, not a
// whole share. Results are put back in file order, so the output is the same as without --jobs.

/** Files per message: large enough that messaging is cheap, small enough to balance the workers. */
const BATCH = 16;

interface Request {
  command: Command;
  first: number;
  targets: Target[];
}

interface Reply {
  first: number;
  results: FileResult[];
}

export function runJobs(targets: readonly Target[], command: Command, jobs: number): Promise<FileResult[]> {
  const results: FileResult[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    if (targets.length === 0) return resolve(results);
    const workers: Worker[] = [];
    const send = (worker: Worker) => {
      if (next >= targets.length) return;
      const request: Request = { command, first: next, targets: targets.slice(next, next + BATCH) };
      next += request.targets.length;
      worker.postMessage(request);
    };
    const finish = (error?: Error) => {
      workers.forEach((w) => void w.terminate());
      if (error) reject(error);
      else resolve(results);
    };
    for (let i = 0; i < Math.min(jobs, Math.ceil(targets.length / BATCH)); i++) {
      const worker = new Worker(__filename);
      workers.push(worker);
      worker.on('message', (reply: Reply) => {
        reply.results.forEach((result, i) => (results[reply.first + i] = result));
        done += reply.results.length;
        if (done === targets.length) finish();
        else send(worker);
      });
      worker.on('error', finish);
      worker.on('exit', (code) => {
        if (done < targets.length) finish(new Error(`a worker stopped (exit code ${code}) before its files were analysed`));
      });
      send(worker);
    }
  });
}

/** The worker side: analyse each batch with one Analyser (its paragraph cache lives as long as the worker). */
export function serveJobs(): void {
  if (isMainThread || !parentPort) return;
  const port = parentPort;
  const analyser = new Analyser();
  port.on('message', (request: Request) => {
    const reply: Reply = { first: request.first, results: request.targets.map((t) => analyseTarget(t, request.command, analyser)) };
    port.postMessage(reply);
  });
}
