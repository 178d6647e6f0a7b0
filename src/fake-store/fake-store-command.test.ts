import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFakeStoreArgs } from './fake-store-command.ts';

test('command-line flags map to store options', () => {
  const options = parseFakeStoreArgs([
    '--port',
    '4010',
    '--token',
    'demo',
    '--sales',
    '1000000',
    '--seed',
    '7',
    '--changes-per-second',
    '2.5',
    '--rate-limit',
    '100',
    '--rate-window-ms',
    '60000',
    '--fault-5xx',
    '0.1',
    '--fault-429',
    '0.02',
    '--fault-truncate',
    '0.01',
    '--fault-slow',
    '0.05',
    '--fault-html',
    '0.03',
  ]);

  assert.deepEqual(options, {
    port: 4010,
    token: 'demo',
    seed: 7,
    scale: { sales: 1_000_000 },
    liveChanges: { perSecond: 2.5 },
    rateLimit: { limit: 100, windowMs: 60_000 },
    faults: {
      serverError: 0.1,
      tooManyRequestsBurst: 0.02,
      truncatedBody: 0.01,
      slowResponse: 0.05,
      htmlError: 0.03,
    },
  });
});

test('--no-rate-limit switches the limit off; the port defaults to 4010', () => {
  const options = parseFakeStoreArgs(['--no-rate-limit']);

  assert.equal(options.port, 4010);
  assert.deepEqual(options.rateLimit, { enabled: false });
});

test('bad flag values are refused with invalid_argument', () => {
  for (const argv of [['--sales', 'lots'], ['--fault-5xx', '1.5'], ['--port', '-1'], ['--nope']]) {
    assert.throws(() => parseFakeStoreArgs(argv), { code: 'invalid_argument' }, argv.join(' '));
  }
});
