// A pool of worker threads that build bundles. Each thread stays warm across bundles and is replaced
// after a number of bundles, or sooner when memory grows (Typst's native memory grows with every
// bundle and is only given back when its thread ends). A thread that dies fails only its own bundle.
import { Worker } from 'node:worker_threads';
import type { BuildJob, BuildResult } from './build.js';
import type { FromWorker } from './worker.js';

export interface PoolOptions {
  /** How many threads build at once. */
  size: number;
  /** Replace a thread after this many bundles. */
  maxBundles: number;
  /** Replace a thread when its heap and buffers pass this many bytes after a bundle. */
  maxHeapBytes: number;
  /** Replace a thread when the whole process's resident memory passes this many bytes after a bundle. */
  maxRssBytes: number;
  /**
   * V8's old-generation limit per thread, in MB. A bundle's live heap is under 100 MB, but without a
   * limit V8 lets the heap grow to 200 MB and more before collecting. A bundle that does not fit is
   * tried once more on a thread without the limit.
   */
  heapLimitMb: number;
}

interface Queued {
  job: BuildJob;
  resolve: (r: BuildResult) => void;
  /** Run on a thread without a heap limit: the first try ran out of memory. */
  unlimited?: boolean;
}

interface Slot {
  worker?: Worker;
  /** The worker has no heap limit (and is replaced after its bundle). */
  unlimited?: boolean;
  bundles: number;
  busy?: Queued;
}

export class Pool {
  private readonly slots: Slot[];
  private readonly queue: Queued[] = [];
  private closed = false;
  /** How many threads were replaced, and why (for the bench and the README). */
  readonly recycled = { bundles: 0, memory: 0, died: 0, retried: 0 };
  /** The highest resident memory a thread reported, in bytes. */
  peakRss = 0;

  constructor(private readonly opts: PoolOptions) {
    this.slots = Array.from({ length: Math.max(1, opts.size) }, () => ({ bundles: 0 }));
  }

  /** Build one bundle on the next free thread. */
  run(job: BuildJob): Promise<BuildResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  /** Stop every thread now; bundles in progress are dropped (they have written nothing). */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await Promise.all(this.slots.map((s) => s.worker?.terminate()));
    for (const s of this.slots) s.worker = undefined;
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (slot.busy || !this.queue.length) continue;
      const next = this.queue.shift()!;
      slot.busy = next;
      if (slot.worker && !!slot.unlimited !== !!next.unlimited) {
        void slot.worker.terminate();
        slot.worker = undefined;
      }
      (slot.worker ??= this.spawn(slot, !!next.unlimited)).postMessage(next.job);
    }
  }

  private spawn(slot: Slot, unlimited: boolean): Worker {
    slot.bundles = 0;
    slot.unlimited = unlimited;
    // Its output goes to our standard error: standard output may be carrying the JSON report.
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      stdout: true,
      stderr: true,
      resourceLimits: unlimited ? undefined : { maxOldGenerationSizeMb: this.opts.heapLimitMb },
    });
    worker.stdout.pipe(process.stderr, { end: false });
    worker.stderr.pipe(process.stderr, { end: false });
    worker.on('message', (message: FromWorker) => this.onMessage(slot, worker, message));
    const died = (error: Error) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      this.recycled.died++;
      const busy = slot.busy;
      slot.busy = undefined;
      if (busy && !busy.unlimited && (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
        // Too big for the limit: once more, first in line, on a thread without it.
        this.recycled.retried++;
        this.queue.unshift({ ...busy, unlimited: true });
      } else {
        busy?.resolve({ id: busy.job.id, status: 'failed', problems: [], seconds: 0, error: { kind: 'internal', message: error.message, stack: error.stack } });
      }
      this.dispatch();
    };
    worker.on('error', died);
    worker.on('exit', (code) => {
      if (!this.closed) died(new Error(`worker thread stopped (exit code ${code})`));
    });
    return worker;
  }

  private onMessage(slot: Slot, worker: Worker, message: FromWorker): void {
    const busy = slot.busy;
    slot.busy = undefined;
    slot.bundles++;
    if (message.type === 'result') {
      this.peakRss = Math.max(this.peakRss, message.memory.rss);
      const tooBig = message.memory.heap > this.opts.maxHeapBytes || message.memory.rss > this.opts.maxRssBytes;
      if (tooBig || slot.unlimited || slot.bundles >= this.opts.maxBundles) {
        if (tooBig) this.recycled.memory++;
        else this.recycled.bundles++;
        slot.worker = undefined;
        // Not awaited: the next bundle starts on a new thread while this one ends.
        void worker.terminate();
      }
      busy?.resolve(message.result);
    } else {
      busy?.resolve({ id: message.id, status: 'failed', problems: [], seconds: 0, error: message.error });
    }
    this.dispatch();
  }
}
