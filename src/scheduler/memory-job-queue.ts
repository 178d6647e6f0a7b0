import {
  type TableJob,
  type TableJobHandler,
  type TableJobQueue,
  tableJobKey,
} from './table-job-queue.ts';

/** Options of the in-process job queue. */
export interface MemoryJobQueueOptions {
  /** Jobs run at once. Default 4. */
  concurrency?: number;
  /** How often waiting jobs are checked, in ms. Default 200. */
  pollMs?: number;
}

/** A job queue in process memory, for local mode (one process, one warehouse writer). */
export class MemoryJobQueue implements TableJobQueue {
  readonly #waiting = new Map<string, { job: TableJob; runAt: number }>();
  readonly #running = new Set<Promise<void>>();
  readonly #concurrency: number;
  readonly #pollMs: number;
  #handler: TableJobHandler | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: MemoryJobQueueOptions = {}) {
    this.#concurrency = Math.max(1, options.concurrency ?? 4);
    this.#pollMs = options.pollMs ?? 200;
  }

  async enqueue(job: TableJob, delayMs = 0): Promise<boolean> {
    const key = tableJobKey(job);
    if (this.#waiting.has(key)) return false;

    this.#waiting.set(key, { job, runAt: Date.now() + delayMs });
    this.#pump();

    return true;
  }

  async start(handler: TableJobHandler): Promise<void> {
    this.#handler = handler;
    this.#timer = setInterval(() => this.#pump(), this.#pollMs);
    this.#pump();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#handler = undefined;
    await Promise.all(this.#running);
  }

  #pump(): void {
    const handler = this.#handler;
    while (handler && this.#running.size < this.#concurrency) {
      const next = this.#nextReady();
      if (!next) return;

      this.#waiting.delete(next[0]);
      const run: Promise<void> = handler(next[1].job).finally(() => {
        this.#running.delete(run);
        this.#pump();
      });
      this.#running.add(run);
    }
  }

  #nextReady(): [string, { job: TableJob; runAt: number }] | undefined {
    const now = Date.now();
    let best: [string, { job: TableJob; runAt: number }] | undefined;
    for (const entry of this.#waiting) {
      if (entry[1].runAt <= now && (!best || entry[1].runAt < best[1].runAt)) best = entry;
    }

    return best;
  }
}
