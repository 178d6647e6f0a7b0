import { parseArgs } from 'node:util';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { apiPrefix } from './api-router.ts';
import { type FakeStoreOptions, startFakeStore } from './fake-store.ts';
import { changesPath } from './request-handler.ts';

const optionSpec = {
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  sales: { type: 'string' },
  seed: { type: 'string' },
  'changes-per-second': { type: 'string' },
  'rate-limit': { type: 'string' },
  'rate-window-ms': { type: 'string' },
  'no-rate-limit': { type: 'boolean' },
  'fault-5xx': { type: 'string' },
  'fault-429': { type: 'string' },
  'fault-truncate': { type: 'string' },
  'fault-slow': { type: 'string' },
  'fault-html': { type: 'string' },
} as const;

/** Parses the `fake-store` command line into store options (throws `invalid_argument`). */
export function parseFakeStoreArgs(argv: string[]): FakeStoreOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: optionSpec, strict: true }));
  } catch (error) {
    throw new LightspeedSyncError('invalid_argument', `${(error as Error).message}.`, {
      cause: error,
    });
  }
  const number = (name: string, kind: 'integer' | 'probability' | 'rate') =>
    parseNumber(name, values[name], kind);
  const sales = number('sales', 'integer');
  const perSecond = number('changes-per-second', 'rate');
  const faults = {
    serverError: number('fault-5xx', 'probability'),
    tooManyRequestsBurst: number('fault-429', 'probability'),
    truncatedBody: number('fault-truncate', 'probability'),
    slowResponse: number('fault-slow', 'probability'),
    htmlError: number('fault-html', 'probability'),
  };
  const limit = number('rate-limit', 'integer');
  const windowMs = number('rate-window-ms', 'integer');

  return withoutUndefined<FakeStoreOptions>({
    port: number('port', 'integer') ?? 4010,
    host: values.host as string | undefined,
    token: values.token as string | undefined,
    seed: number('seed', 'integer'),
    scale: sales === undefined ? undefined : { sales },
    liveChanges: perSecond ? { perSecond } : undefined,
    rateLimit: withoutUndefined({
      enabled: values['no-rate-limit'] ? false : undefined,
      limit,
      windowMs,
    }),
    faults: withoutUndefined(faults),
  });
}

/**
 * Runs `lightspeed-sync fake-store ...`: starts a store, prints where it listens, and runs
 * until SIGINT or SIGTERM. Resolves to the exit code.
 */
export async function runFakeStoreCommand(
  argv: string[],
  out: (line: string) => void,
): Promise<number> {
  const options = parseFakeStoreArgs(argv);
  const startedAt = performance.now();
  const store = await startFakeStore(options);
  const startMs = Math.round(performance.now() - startedAt);

  out(`Fake X-Series store listening on ${store.url}${apiPrefix} (started in ${startMs} ms)`);
  out(`Token: ${store.token}  (send "Authorization: Bearer ${store.token}")`);
  out(`Apply changes: curl -X POST -H "Authorization: Bearer ${store.token}" \\`);
  out(`  -d '{"creates":5,"updates":20,"deletes":2}' ${store.url}${changesPath}`);
  out('Press Ctrl+C to stop.');

  await new Promise<void>((resolve) => {
    const finish = () => {
      process.off('SIGINT', finish);
      process.off('SIGTERM', finish);
      resolve();
    };
    process.on('SIGINT', finish);
    process.on('SIGTERM', finish);
  });
  await store.stop();
  out('Fake store stopped.');

  return 0;
}

function parseNumber(
  name: string,
  raw: string | boolean | undefined,
  kind: 'integer' | 'probability' | 'rate',
): number | undefined {
  if (raw === undefined || typeof raw === 'boolean') return undefined;

  const value = Number(raw);
  const valid =
    kind === 'integer'
      ? Number.isSafeInteger(value) && value >= 0
      : kind === 'probability'
        ? value >= 0 && value <= 1
        : value >= 0 && Number.isFinite(value);
  if (raw.trim() !== '' && valid) return value;

  const expected = {
    integer: 'a non-negative integer',
    probability: 'a probability between 0 and 1',
    rate: 'a non-negative number',
  }[kind];
  throw new LightspeedSyncError(
    'invalid_argument',
    `--${name} must be ${expected}, got "${raw}".`,
    {
      details: { option: name, value: raw },
    },
  );
}

/** Drops undefined fields, so optional options stay absent rather than set to undefined. */
function withoutUndefined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
