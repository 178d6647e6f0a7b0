import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withTableRunLock } from './table-run-lock.ts';

test('runs work on the same key one after the other, and other keys at once', async () => {
  const log: string[] = [];
  const step = (name: string, ms: number) => async () => {
    log.push(`${name} start`);
    await new Promise((resolve) => setTimeout(resolve, ms));
    log.push(`${name} end`);
    return name;
  };

  const results = await Promise.all([
    withTableRunLock('db|sales', step('a', 30)),
    withTableRunLock('db|sales', step('b', 5)),
    withTableRunLock('db|users', step('c', 5)),
  ]);

  assert.deepEqual(results, ['a', 'b', 'c']);
  assert.ok(log.indexOf('a end') < log.indexOf('b start'));
  assert.ok(log.indexOf('c end') < log.indexOf('a end'));
});

test('a failed run does not block the next one', async () => {
  await assert.rejects(
    withTableRunLock('db|taxes', async () => {
      throw new Error('boom');
    }),
  );
  assert.equal(await withTableRunLock('db|taxes', async () => 'ok'), 'ok');
});
