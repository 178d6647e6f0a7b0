/**
 * Test support: starts `lightspeed-sync run --json` as a real process and collects its NDJSON
 * events, so integration tests can wait for a moment (a committed page) and then kill it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', '..', 'bin', 'lightspeed-sync.js');

/** One parsed NDJSON line of a worker. */
export type WorkerEvent = Record<string, unknown> & { type: string; time: string };

/** A running `lightspeed-sync run` process. */
export interface RunWorker {
  readonly child: ChildProcess;
  /** Every event printed so far. */
  readonly events: WorkerEvent[];
  /** Resolves with the first event (past or future) matching `accept`; rejects on timeout. */
  waitFor(accept: (event: WorkerEvent) => boolean, timeoutMs?: number): Promise<WorkerEvent>;
  /** Resolves with the exit code (or the signal name) once the process ended. */
  readonly exited: Promise<number | string>;
  /** Standard error so far. */
  stderr(): string;
}

/** Spawns `node bin/lightspeed-sync.js run --json ...args` with `env` added. */
export function startRunWorker(args: string[], env: NodeJS.ProcessEnv): RunWorker {
  const child = spawn(process.execPath, [cli, 'run', '--json', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: WorkerEvent[] = [];
  const waiters = new Set<() => void>();
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{')) events.push(JSON.parse(line) as WorkerEvent);
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      resolve(signal ?? code ?? -1);
      for (const wake of waiters) wake();
    });
  });

  const waitFor = (accept: (event: WorkerEvent) => boolean, timeoutMs = 30_000) =>
    new Promise<WorkerEvent>((resolve, reject) => {
      const check = () => {
        const found = events.find(accept);
        if (!found) return;

        finish();
        resolve(found);
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new Error(
            `no matching event within ${timeoutMs} ms; last events: ` +
              `${JSON.stringify(events.slice(-5))}; stderr:\n${stderr}`,
          ),
        );
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return { child, events, waitFor, exited, stderr: () => stderr };
}

/** The events of one type and table. */
export function tableEvents(events: WorkerEvent[], type: string, table?: string): WorkerEvent[] {
  return events.filter((event) => event.type === type && (!table || event.table === table));
}
