import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSyncAt } from './next-sync.ts';

const last = '2024-05-01T10:00:00.000Z';

test('the next sync is the frequency after the last start', () => {
  const settings = { enabled: true, method: 'incremental', frequency: '6h' } as const;

  assert.equal(nextSyncAt(settings, last), '2024-05-01T16:00:00.000Z');
});

test('a daily sync with a time of day moves to that time, never earlier than due', () => {
  const settings = { enabled: true, method: 'incremental', frequency: '24h' } as const;

  assert.equal(nextSyncAt({ ...settings, timeOfDay: '02:30' }, last), '2024-05-03T02:30:00.000Z');
  assert.equal(nextSyncAt({ ...settings, timeOfDay: '23:15' }, last), '2024-05-02T23:15:00.000Z');
});

test('disabled, manual and never-synced tables have no next sync', () => {
  const settings = { enabled: true, method: 'incremental', frequency: '1h' } as const;

  assert.equal(nextSyncAt({ ...settings, enabled: false }, last), null);
  assert.equal(nextSyncAt({ ...settings, frequency: 'never' }, last), null);
  assert.equal(nextSyncAt(settings, null), null);
});
