/**
 * Single-flight sync runs for a long-lived process (the web app): at most one run per
 * source and table at a time, and every listener sees every run's events.
 */
import type { TableName } from '../catalog/table-spec.ts';
import { errorCode, errorMessage } from '../errors/lightspeed-sync-error.ts';
import type { EventSink, SyncEvent } from '../events/sync-event.ts';
import type { SyncRunResult, TableSelection } from './run-sync.ts';

/** A request to sync some tables of one source. */
export interface SyncRunRequest {
  /** The linked source's name. */
  source: string;
  tables: TableSelection[];
  /** Rebuilds every table instead of fetching changes. Default false. */
  fullRefresh?: boolean;
}

/** Does the work of one run; it must emit through `onEvent` and stop soon after `signal`. */
export type SyncRunFunction = (
  request: SyncRunRequest,
  onEvent: EventSink,
  signal: AbortSignal,
) => Promise<SyncRunResult>;

/** A run in flight or just finished. */
export interface ActiveRun {
  id: number;
  source: string;
  tables: TableName[];
  fullRefresh: boolean;
  startedAt: string;
  /** Settles with the run's result; a run whose function threw resolves as failed. */
  done: Promise<SyncRunResult>;
}

/** What listeners receive: run boundaries and every event of every run. */
export type SyncRunnerMessage =
  | { type: 'run_started'; source: string; runId: number; tables: TableName[] }
  | { type: 'run_finished'; source: string; runId: number; result: SyncRunResult }
  | { type: 'event'; source: string; runId: number; event: SyncEvent };

/** The answer to `start`: the run that covers the request and whether this call began it. */
export interface StartOutcome {
  run: ActiveRun;
  started: boolean;
}

/**
 * Starts sync runs so that a table of a source never syncs twice at once. Asking again for
 * tables that are already syncing returns the run syncing them instead of starting another.
 */
export class SyncRunner {
  readonly #run: SyncRunFunction;
  readonly #running = new Map<string, ActiveRun>();
  readonly #listeners = new Set<(message: SyncRunnerMessage) => void>();
  readonly #controller = new AbortController();
  #nextId = 1;

  constructor(run: SyncRunFunction) {
    this.#run = run;
  }

  /**
   * Starts a run for the requested tables that are not syncing yet; when all of them are,
   * returns the run syncing the first one with `started: false`.
   */
  start(request: SyncRunRequest): StartOutcome {
    const idle = request.tables.filter((t) => !this.#running.has(key(request.source, t.table)));
    const [first] = request.tables;
    const busy = first && this.#running.get(key(request.source, first.table));
    if (idle.length === 0 && busy) return { run: busy, started: false };

    const id = this.#nextId++;
    const names = idle.map((selection) => selection.table);
    const onEvent: EventSink = (event) =>
      this.#publish({ type: 'event', source: request.source, runId: id, event });
    const work = { ...request, tables: idle };
    const done = this.#execute(id, work, onEvent);
    const run: ActiveRun = {
      id,
      source: request.source,
      tables: names,
      fullRefresh: request.fullRefresh === true,
      startedAt: new Date().toISOString(),
      done,
    };
    for (const name of names) this.#running.set(key(request.source, name), run);
    this.#publish({ type: 'run_started', source: request.source, runId: id, tables: names });

    return { run, started: true };
  }

  /** The tables of a source syncing right now. */
  runningTables(source: string): TableName[] {
    return [...this.#running.values()]
      .filter((run) => run.source === source)
      .flatMap((run) => run.tables)
      .filter((table, index, all) => all.indexOf(table) === index);
  }

  /** Adds a listener for every run's messages; returns the function that removes it. */
  subscribe(listener: (message: SyncRunnerMessage) => void): () => void {
    this.#listeners.add(listener);

    return () => this.#listeners.delete(listener);
  }

  /** Asks every run to stop after its page in flight and waits for them to finish. */
  async stop(): Promise<void> {
    this.#controller.abort(new Error('the server is stopping'));
    const runs = new Set(this.#running.values());
    await Promise.all([...runs].map((run) => run.done));
  }

  async #execute(id: number, request: SyncRunRequest, onEvent: EventSink): Promise<SyncRunResult> {
    const startedAt = Date.now();
    // Defers the work by one tick so that `start` has registered the run before it can end.
    await Promise.resolve();

    let result: SyncRunResult;
    try {
      result = await this.#run(request, onEvent, this.#controller.signal);
    } catch (error) {
      result = failedRun(request, error, Date.now() - startedAt);
    }

    for (const selection of request.tables) {
      const name = key(request.source, selection.table);
      if (this.#running.get(name)?.id === id) this.#running.delete(name);
    }
    this.#publish({ type: 'run_finished', source: request.source, runId: id, result });

    return result;
  }

  #publish(message: SyncRunnerMessage): void {
    for (const listener of this.#listeners) {
      try {
        listener(message);
      } catch {
        // A broken listener (a closed browser stream) must not stop the run or other listeners.
      }
    }
  }
}

function key(source: string, table: string): string {
  return `${source}\u0000${table}`;
}

function failedRun(request: SyncRunRequest, error: unknown, durationMs: number): SyncRunResult {
  return {
    ok: false,
    durationMs,
    tables: request.tables.map((selection) => ({
      table: selection.table,
      status: 'failed',
      mode:
        request.fullRefresh || selection.method === 'full_refresh' ? 'full_refresh' : 'incremental',
      rows: 0,
      requests: 0,
      cursor: 0,
      durationMs,
      error: { code: errorCode(error), message: errorMessage(error) },
    })),
  };
}
