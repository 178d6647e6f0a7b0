import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TableState } from '../warehouse/warehouse.ts';
import { lastRunStart } from './last-run-start.ts';
import { type TableHealthKind, tableHealth } from './table-health.ts';

const now = new Date('2025-01-02T12:00:00Z');
const linked = new Date('2025-01-01T00:00:00Z');

function state(fields: Partial<TableState>): TableState {
  return {
    table: 'sales',
    cursor: 10,
    refreshCursor: null,
    rowsSynced: 10,
    lastStartedAt: '2025-01-02T11:00:00Z',
    lastFinishedAt: '2025-01-02T11:01:00Z',
    lastStatus: 'succeeded',
    lastErrorCode: null,
    lastError: null,
    ...fields,
  };
}

const cases: [string, TableState | undefined, '1h' | '6h' | 'never', TableHealthKind][] = [
  ['a recent success is ok', state({}), '1h', 'ok'],
  ['a run in progress is syncing', state({ lastStatus: 'running' }), '1h', 'syncing'],
  [
    'a refused token halts',
    state({ lastStatus: 'failed', lastErrorCode: 'invalid_token', lastError: 'x' }),
    '1h',
    'halted',
  ],
  [
    'a lost permission halts',
    state({ lastStatus: 'failed', lastErrorCode: 'permission_denied' }),
    '6h',
    'halted',
  ],
  [
    'a failed run is failed',
    state({ lastStatus: 'failed', lastErrorCode: 'lightspeed_unavailable' }),
    '6h',
    'failed',
  ],
  [
    'a shutdown is not a failure',
    state({ lastStatus: 'failed', lastErrorCode: 'interrupted' }),
    '6h',
    'ok',
  ],
  [
    'data older than twice the frequency is stale',
    state({ lastFinishedAt: '2025-01-02T09:59:00Z' }),
    '1h',
    'stale',
  ],
  [
    'data younger than twice the frequency is not stale',
    state({ lastFinishedAt: '2025-01-02T10:01:00Z' }),
    '1h',
    'ok',
  ],
  ['a table never synced since linking long ago is stale', undefined, '6h', 'stale'],
  [
    'a manual table is never stale',
    state({ lastFinishedAt: '2020-01-01T00:00:00Z' }),
    'never',
    'ok',
  ],
];

for (const [name, tableState, frequency, expected] of cases) {
  test(`table health: ${name}`, () => {
    assert.equal(tableHealth(tableState, { frequency }, linked, now).kind, expected);
  });
}

test('an interrupted or orphaned run counts as never run, so it resumes at once', () => {
  assert.equal(lastRunStart(undefined, false), null);
  assert.equal(lastRunStart(state({ lastStatus: 'running' }), false), null);
  assert.equal(
    lastRunStart(state({ lastStatus: 'failed', lastErrorCode: 'interrupted' }), false),
    null,
  );
  assert.equal(
    lastRunStart(state({ lastStatus: 'running' }), true)?.toISOString(),
    '2025-01-02T11:00:00.000Z',
  );
  assert.equal(
    lastRunStart(state({ lastStatus: 'failed', lastErrorCode: 'invalid_token' }), false)?.getTime(),
    new Date('2025-01-02T11:00:00Z').getTime(),
  );
});
