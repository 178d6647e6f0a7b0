import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MemoryJobQueue } from './memory-job-queue.ts';
import type { TableJob } from './table-job-queue.ts';

const job = (table: TableJob['table'], attempt = 1): TableJob => ({
  source: 'demo',
  table,
  attempt,
  reason: 'due',
});

test('a table has at most one waiting job, and delayed jobs wait their turn', async () => {
  const queue = new MemoryJobQueue({ concurrency: 1, pollMs: 10 });
  const ran: string[] = [];

  assert.equal(await queue.enqueue(job('sales')), true);
  assert.equal(await queue.enqueue(job('sales', 2)), false, 'already waiting');
  assert.equal(await queue.enqueue(job('customers'), 150), true);
  await queue.start(async (next) => {
    ran.push(`${next.table}#${next.attempt}`);
  });
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(ran, ['sales#1']);

  await new Promise((resolve) => setTimeout(resolve, 200));
  await queue.stop();
  assert.deepEqual(ran, ['sales#1', 'customers#1']);
});
