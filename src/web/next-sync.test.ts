import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextSyncAt } from './next-sync.ts';

const last = '2024-05-01T10:00:00.000Z';
const now = new Date('2024-05-01T10:30:00.000Z');

test('the next sync is the frequency after the last start', () => {
  const settings = { enabled: true, method: 'incremental', frequency: '6h' } as const;

  assert.equal(nextSyncAt(settings, last, now), '2024-05-01T16:00:00.000Z');
});

test('a daily sync with a time of day moves to that time', () => {
  const settings = { enabled: true, method: 'incremental', frequency: '24h' } as const;

  assert.equal(
    nextSyncAt({ ...settings, timeOfDay: '02:30' }, last, now),
    '2024-05-02T02:30:00.000Z',
  );
});

test('a table that never ran or is overdue is due now', () => {
  const settings = { enabled: true, method: 'incremental', frequency: '1h' } as const;
  const later = new Date('2024-05-01T15:00:00.000Z');

  assert.equal(nextSyncAt(settings, null, now), now.toISOString());
  assert.equal(nextSyncAt(settings, last, later), later.toISOString());
});

test('disabled and manual tables have no next sync', () => {
  const settings = { enabled: true, method: 'incremental', frequency: '1h' } as const;

  assert.equal(nextSyncAt({ ...settings, enabled: false }, last, now), null);
  assert.equal(nextSyncAt({ ...settings, frequency: 'never' }, last, now), null);
});
