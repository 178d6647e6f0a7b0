import PgBoss from 'pg-boss';
import type { EventSink } from '../events/sync-event.ts';
import {
  type TableJob,
  type TableJobHandler,
  type TableJobQueue,
  tableJobKey,
} from './table-job-queue.ts';

/** The pg-boss queue table jobs go through. */
export const tableJobQueueName = 'lightspeed-sync-table';

/** Options of the shared job queue. */
export interface PgBossJobQueueOptions {
  /** `postgres://...` of the database every worker shares. */
  url: string;
  /** Jobs this worker runs at once. Default 4. */
  concurrency?: number;
  /**
   * Seconds a job may stay active before pg-boss fails it and hands it to another worker (a
   * worker killed mid-sync). A live worker keeps the table's advisory lock, so the retry finds
   * the lock held and does nothing. Default 900.
   */
  expireInSeconds?: number;
  /** How often an idle worker asks for jobs, in seconds. Default 2. */
  pollingIntervalSeconds?: number;
  /** PostgreSQL schema of pg-boss's tables. Default `lightspeed_sync_jobs`. */
  schema?: string;
  onEvent: EventSink;
}

/**
 * A job queue shared by every worker through pg-boss. The queue's `short` policy keeps at most
 * one waiting job per table (singleton key `source/table`); jobs that outlive their expiry are
 * retried, twice at most, by whichever worker fetches next.
 */
export class PgBossJobQueue implements TableJobQueue {
  readonly #boss: PgBoss;
  readonly #options: PgBossJobQueueOptions;
  #started = false;

  constructor(options: PgBossJobQueueOptions) {
    this.#options = options;
    this.#boss = new PgBoss({
      connectionString: options.url,
      schema: options.schema ?? 'lightspeed_sync_jobs',
      max: (options.concurrency ?? 4) + 2,
      schedule: false,
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, options.expireInSeconds ?? 900)),
    });
    this.#boss.on('error', (error) =>
      options.onEvent({ type: 'log', level: 'warn', message: `job queue: ${error.message}` }),
    );
  }

  /** Connects, installs pg-boss's tables when missing and creates the queue. */
  async connect(): Promise<void> {
    await this.#boss.start();
    this.#started = true;
    // Workers starting together may race to create the queue (pg-boss can deadlock there):
    // whoever loses tries again and finds it.
    for (let attempt = 1; !(await this.#boss.getQueue(tableJobQueueName)); attempt++) {
      try {
        await this.#boss.createQueue(tableJobQueueName, {
          name: tableJobQueueName,
          policy: 'short',
          retryLimit: 2,
          retryDelay: 1,
          expireInSeconds: this.#options.expireInSeconds ?? 900,
        });
      } catch (error) {
        if (attempt >= 5) throw error;

        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  async enqueue(job: TableJob, delayMs = 0): Promise<boolean> {
    const id = await this.#boss.send(tableJobQueueName, job, {
      singletonKey: tableJobKey(job),
      ...(delayMs > 0 ? { startAfter: Math.ceil(delayMs / 1000) } : {}),
    });

    return id !== null;
  }

  async start(handler: TableJobHandler): Promise<void> {
    const options = {
      batchSize: 1,
      pollingIntervalSeconds: this.#options.pollingIntervalSeconds ?? 2,
    };
    for (let n = 0; n < Math.max(1, this.#options.concurrency ?? 4); n++) {
      await this.#boss.work<TableJob>(tableJobQueueName, options, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    }
  }

  async stop(): Promise<void> {
    if (!this.#started) return;

    this.#started = false;
    await this.#boss.stop({ graceful: true, wait: true, timeout: 120_000 });
  }
}
