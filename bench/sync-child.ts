/**
 * Bench child: runs one sync exactly as the CLI does (every table at once under one rate
 * budget) and reports its time, requests, rows and peak memory.
 */
import { RateBudget } from '../src/api/rate-budget.ts';
import { tableNames } from '../src/catalog/catalog.ts';
import type { TableName } from '../src/catalog/table-spec.ts';
import type { SyncEvent } from '../src/events/sync-event.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import { childInput, replyOnce } from './child-rpc.ts';
import type { SyncChildInput, SyncChildOutput } from './sync-process.ts';

const input = childInput<SyncChildInput>();

await replyOnce(async (): Promise<SyncChildOutput> => {
  const { runSync } = await import('../src/sync/run-sync.ts');
  const tables = (input.tables ?? tableNames).map((table) => ({ table: table as TableName }));
  const requestTimesMs: number[] = [];
  let tooManyRequests = 0;
  const onEvent = (event: SyncEvent): void => {
    if (event.type === 'request_sent' && input.recordRequestTimes) {
      requestTimesMs.push(performance.now());
    }
    if (event.type === 'retry_scheduled' && event.status === 429) tooManyRequests += 1;
  };
  const rateBudget =
    input.rateWindowMs === undefined ? undefined : new RateBudget({ windowMs: input.rateWindowMs });

  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const warehouse = await openWarehouse({
    url: input.warehouseUrl,
    schema: input.schema ?? 'lightspeed_retail',
  });
  const result = await runSync({
    connection: {
      domainPrefix: 'bench',
      token: input.token,
      apiBaseUrl: input.apiBaseUrl,
      ...(input.pageSize === undefined ? {} : { pageSize: input.pageSize }),
      ...(rateBudget === undefined ? {} : { rateBudget }),
    },
    warehouse,
    tables,
    fullRefresh: input.fullRefresh ?? false,
    onEvent,
    ...(input.stopAfterMs === undefined ? {} : { signal: AbortSignal.timeout(input.stopAfterMs) }),
  });
  const syncedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);

  const rowsByTable: Record<string, number> = {};
  if (input.countRows) {
    for (const table of await warehouse.listTables()) {
      rowsByTable[table] = await warehouse.countRows(table);
    }
  }
  const closeStarted = performance.now();
  await warehouse.close();
  const closeMs = performance.now() - closeStarted;

  const firstRequest = requestTimesMs[0] ?? started;

  return {
    ok: result.ok,
    durationMs: syncedMs + closeMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    requests: result.tables.reduce((sum, table) => sum + table.requests, 0),
    records: result.tables.reduce((sum, table) => sum + table.rows, 0),
    tables: result.tables.map((table) => ({
      table: table.table,
      status: table.status,
      rows: table.rows,
      requests: table.requests,
      ...(table.error ? { error: `${table.error.code}: ${table.error.message}` } : {}),
    })),
    rowsByTable,
    tooManyRequests,
    requestOffsetsMs: requestTimesMs.map((time) => Math.round(time - firstRequest)),
  };
});
