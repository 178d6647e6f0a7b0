import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SyncRunResult } from './run-sync.ts';
import { type SyncRunFunction, SyncRunner, type SyncRunnerMessage } from './sync-runner.ts';

function succeeded(tables: string[]): SyncRunResult {
  return {
    ok: true,
    durationMs: 1,
    tables: tables.map((table) => ({
      table,
      status: 'succeeded',
      mode: 'incremental',
      rows: 1,
      requests: 1,
      cursor: 1,
      durationMs: 1,
    })),
  };
}

/** A run function that waits until released, counting how often it was called. */
function gatedRun(): { run: SyncRunFunction; calls: string[][]; release: () => void } {
  const calls: string[][] = [];
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const run: SyncRunFunction = async (request, onEvent) => {
    const names = request.tables.map((t) => t.table);
    calls.push(names);
    onEvent({ type: 'log', level: 'info', message: 'working' });
    await gate;

    return succeeded(names);
  };

  return { run, calls, release: () => release() };
}

test('a second start for a table that is syncing returns the running run', async () => {
  const { run, calls, release } = gatedRun();
  const runner = new SyncRunner(run);

  const first = runner.start({ source: 'shop', tables: [{ table: 'sales' }] });
  const second = runner.start({ source: 'shop', tables: [{ table: 'sales' }] });
  assert.equal(first.started, true);
  assert.equal(second.started, false);
  assert.equal(second.run.id, first.run.id);
  assert.deepEqual(runner.runningTables('shop'), ['sales']);

  release();
  await first.run.done;
  assert.equal(calls.length, 1);
  assert.deepEqual(runner.runningTables('shop'), []);
  assert.equal(runner.start({ source: 'shop', tables: [{ table: 'sales' }] }).started, true);
});

test('starts only the tables that are not syncing and keeps sources apart', async () => {
  const { run, calls, release } = gatedRun();
  const runner = new SyncRunner(run);

  runner.start({ source: 'shop', tables: [{ table: 'sales' }] });
  const wider = runner.start({ source: 'shop', tables: [{ table: 'sales' }, { table: 'users' }] });
  const other = runner.start({ source: 'other', tables: [{ table: 'sales' }] });
  assert.equal(wider.started, true);
  assert.deepEqual(wider.run.tables, ['users']);
  assert.equal(other.started, true);

  release();
  await Promise.all([wider.run.done, other.run.done]);
  assert.deepEqual(calls, [['sales'], ['users'], ['sales']]);
});

test('fans run boundaries and events out to every listener', async () => {
  const { run, release } = gatedRun();
  const runner = new SyncRunner(run);
  const seen: SyncRunnerMessage['type'][] = [];
  const alsoSeen: SyncRunnerMessage['type'][] = [];
  runner.subscribe((message) => seen.push(message.type));
  const unsubscribe = runner.subscribe((message) => alsoSeen.push(message.type));
  runner.subscribe(() => {
    throw new Error('a broken listener');
  });

  const { run: active } = runner.start({ source: 'shop', tables: [{ table: 'sales' }] });
  await new Promise((resolve) => setImmediate(resolve));
  unsubscribe();
  release();
  await active.done;

  assert.deepEqual(seen, ['run_started', 'event', 'run_finished']);
  assert.deepEqual(alsoSeen, ['run_started', 'event']);
});

test('a run whose function throws settles as failed with the error code', async () => {
  const runner = new SyncRunner(async () => {
    throw Object.assign(new Error('boom'), { code: 'x' });
  });

  const { run } = runner.start({ source: 'shop', tables: [{ table: 'taxes' }] });
  const result = await run.done;

  assert.equal(result.ok, false);
  assert.equal(result.tables[0]?.status, 'failed');
  assert.equal(result.tables[0]?.error?.message, 'boom');
  assert.deepEqual(runner.runningTables('shop'), []);
});

test('stop aborts the runs in flight and waits for them', async () => {
  let aborted = false;
  const runner = new SyncRunner(async (request, _onEvent, signal) => {
    if (!signal.aborted) {
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    }
    aborted = signal.aborted;

    return succeeded(request.tables.map((t) => t.table));
  });

  runner.start({ source: 'shop', tables: [{ table: 'sales' }] });
  await runner.stop();

  assert.equal(aborted, true);
});
