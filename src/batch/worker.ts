// A worker thread of the batch pool: builds the bundles it is sent, one at a time, and stays warm
// between them (materials, writers and fonts are loaded once per thread). After each bundle it reports
// its memory, so the pool can replace a thread that grows (see pool.ts).
import { parentPort } from 'node:worker_threads';
import { buildBundle, serialiseError, type BuildJob } from './build.js';

export interface WorkerMemory {
  /** This thread's JavaScript heap and the buffers it holds, in bytes. */
  heap: number;
  /** The whole process's resident memory (all threads and native code), in bytes. */
  rss: number;
}

export type FromWorker =
  | { type: 'result'; result: Awaited<ReturnType<typeof buildBundle>>; memory: WorkerMemory }
  | { type: 'fault'; id: number; error: ReturnType<typeof serialiseError> };

const port = parentPort;
if (!port) throw new Error('batch/worker.js runs only as a worker thread');

port.on('message', (job: BuildJob) => {
  buildBundle(job).then(
    (result) => {
      const m = process.memoryUsage();
      const message: FromWorker = { type: 'result', result, memory: { heap: m.heapUsed + m.external + m.arrayBuffers, rss: m.rss } };
      port.postMessage(message);
    },
    // buildBundle turns failures into results; this is for a fault in that itself.
    (err: unknown) => port.postMessage({ type: 'fault', id: job.id, error: serialiseError(err) } satisfies FromWorker),
  );
});
