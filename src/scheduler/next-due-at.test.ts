import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Frequency } from './frequency.ts';
import { nextDueAt } from './next-due-at.ts';

const at = (iso: string) => new Date(iso);

interface Case {
  name: string;
  frequency: Frequency;
  timeOfDay?: string;
  lastRun: string | null;
  now: string;
  expected: string | null;
}

const cases: Case[] = [
  {
    name: 'never is manual only, even when it never ran',
    frequency: 'never',
    lastRun: null,
    now: '2025-01-01T00:00:00Z',
    expected: null,
  },
  {
    name: 'a table that never ran is due now',
    frequency: '6h',
    lastRun: null,
    now: '2025-01-01T10:00:00Z',
    expected: '2025-01-01T10:00:00Z',
  },
  {
    name: 'an interval runs one interval after the last start',
    frequency: '15m',
    lastRun: '2025-01-01T10:00:00Z',
    now: '2025-01-01T10:05:00Z',
    expected: '2025-01-01T10:15:00Z',
  },
  {
    name: 'the default 6h frequency',
    frequency: '6h',
    lastRun: '2025-01-01T10:00:00Z',
    now: '2025-01-01T10:00:01Z',
    expected: '2025-01-01T16:00:00Z',
  },
  {
    name: 'many missed 5m slots collapse into one run now',
    frequency: '5m',
    lastRun: '2025-01-01T10:00:00Z',
    now: '2025-01-01T13:07:00Z',
    expected: '2025-01-01T13:07:00Z',
  },
  {
    name: 'a daily time of day runs at that time the next day',
    frequency: '24h',
    timeOfDay: '02:30',
    lastRun: '2025-01-01T02:31:00Z',
    now: '2025-01-01T03:00:00Z',
    expected: '2025-01-02T02:30:00Z',
  },
  {
    name: 'a daily time of day after a manual sync waits for the next day slot',
    frequency: '24h',
    timeOfDay: '02:30',
    lastRun: '2025-01-01T01:00:00Z',
    now: '2025-01-01T01:05:00Z',
    expected: '2025-01-02T02:30:00Z',
  },
  {
    name: 'a daily time of day missed for three days runs once now',
    frequency: '24h',
    timeOfDay: '02:30',
    lastRun: '2025-01-01T02:30:00Z',
    now: '2025-01-04T09:00:00Z',
    expected: '2025-01-04T09:00:00Z',
  },
  {
    name: 'a weekly time of day lands seven days later',
    frequency: '7d',
    timeOfDay: '23:45',
    lastRun: '2025-01-01T23:45:10Z',
    now: '2025-01-02T00:00:00Z',
    expected: '2025-01-08T23:45:00Z',
  },
  {
    name: 'a 30d time of day lands thirty days later',
    frequency: '30d',
    timeOfDay: '00:00',
    lastRun: '2025-01-01T00:00:00Z',
    now: '2025-01-01T00:10:00Z',
    expected: '2025-01-31T00:00:00Z',
  },
  {
    name: 'a time of day is ignored below a day',
    frequency: '1h',
    timeOfDay: '02:30',
    lastRun: '2025-01-01T10:00:00Z',
    now: '2025-01-01T10:10:00Z',
    expected: '2025-01-01T11:00:00Z',
  },
];

for (const c of cases) {
  test(`nextDueAt: ${c.name}`, () => {
    const due = nextDueAt(
      { frequency: c.frequency, timeOfDay: c.timeOfDay },
      c.lastRun === null ? null : at(c.lastRun),
      at(c.now),
    );
    assert.equal(due?.toISOString() ?? null, c.expected && at(c.expected).toISOString());
  });
}

test('after the catch-up run the next slot is a full interval away', () => {
  const now = at('2025-01-01T13:07:00Z');
  const missed = nextDueAt({ frequency: '5m' }, at('2025-01-01T10:00:00Z'), now);
  assert.equal(missed?.getTime(), now.getTime());

  const next = nextDueAt({ frequency: '5m' }, now, new Date(now.getTime() + 1000));
  assert.equal(next?.toISOString(), '2025-01-01T13:12:00.000Z');
});
