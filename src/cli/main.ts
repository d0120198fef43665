import { isMainThread } from 'node:worker_threads';
import { main } from './cli';
import { serveJobs } from './jobs';

if (isMainThread) main();
else serveJobs(); // a worker of `--jobs N`
