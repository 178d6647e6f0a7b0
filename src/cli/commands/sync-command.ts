import { parseArgs } from 'node:util';
import { getTableSpec, tableNames } from '../../catalog/catalog.ts';
import type { TableName } from '../../catalog/table-spec.ts';
import { resolveSource } from '../../config/resolve-source.ts';
import type { SourceConfig } from '../../config/source-config.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { runSync, type SyncRunResult, type TableSelection } from '../../sync/run-sync.ts';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { openCommandWarehouse, sourceStore } from '../command-context.ts';
import { createProgressRenderer } from '../progress-renderer.ts';
import { formatTextTable } from '../text-table.ts';

/** `lightspeed-sync sync`: brings the store's tables into the warehouse. */
export const syncCommand: Command = {
  name: 'sync',
  summary: 'Sync tables from the store into the warehouse',
  usage: `Usage: lightspeed-sync sync [TABLE...] [options]

Syncs the named tables (default: every table enabled for the source). Incremental tables
resume from their stored cursor; --full-refresh rebuilds them beside the old ones and swaps.

Options:
  --full-refresh        rebuild the tables instead of fetching changes
  --source NAME         a linked source (default: the only one, or LIGHTSPEED_DOMAIN_PREFIX)
  --warehouse URL       DuckDB file or postgres:// URL (default LIGHTSPEED_WAREHOUSE,
                        the source's warehouse, or ./lightspeed.duckdb)
  --api-url URL         API base URL override (default LIGHTSPEED_API_URL)
  --concurrency N       tables synced at once (default: all)
  --json                NDJSON events on stdout instead of progress
  --verbose             show retries and schema changes

Exit code 0 when every table synced, 1 otherwise.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'full-refresh': { type: 'boolean', default: false },
        source: { type: 'string' },
        warehouse: { type: 'string' },
        'api-url': { type: 'string' },
        concurrency: { type: 'string' },
        json: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
      },
    });
    for (const name of positionals) getTableSpec(name);

    const resolved = await resolveSource(
      { source: values.source, warehouse: values.warehouse, apiUrl: values['api-url'] },
      sourceStore(io),
      io.env,
    );
    const selections = selectTables(resolved.source, positionals as TableName[]);
    const style = values.json ? 'json' : io.isTTY ? 'live' : 'lines';
    const onEvent = createProgressRenderer(io, style, values.verbose);
    const warehouse = await openCommandWarehouse(resolved.warehouseUrl, resolved.source.schema);
    const controller = new AbortController();
    const stop = () =>
      controller.abort(
        new LightspeedSyncError(
          'interrupted',
          'The sync was interrupted; the next sync resumes from the last committed page.',
        ),
      );
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);

    try {
      const result = await runSync({
        connection: {
          domainPrefix: resolved.source.domainPrefix,
          token: resolved.token,
          ...(resolved.source.apiBaseUrl ? { apiBaseUrl: resolved.source.apiBaseUrl } : {}),
        },
        warehouse,
        tables: selections,
        fullRefresh: values['full-refresh'],
        ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
        onEvent,
        signal: controller.signal,
      });
      if (!values.json) printSummary(io, result, warehouse.location);

      return result.ok ? 0 : 1;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await warehouse.close();
    }
  },
};

/** The tables to sync: those named, else every table the source enables. */
export function selectTables(source: SourceConfig, named: TableName[]): TableSelection[] {
  const names =
    named.length > 0 ? named : tableNames.filter((name) => source.tables[name]?.enabled ?? true);

  return names.map((table) => ({ table, method: source.tables[table]?.method ?? 'incremental' }));
}

/** Prints the per-table outcome of a run. */
export function printSummary(io: CliIo, result: SyncRunResult, location: string): void {
  const rows = result.tables.map((table) => [
    table.table,
    table.status,
    table.mode,
    table.rows,
    table.requests,
    table.cursor,
    `${(table.durationMs / 1000).toFixed(1)}s`,
    table.error ? `${table.error.code}: ${table.error.message}` : '',
  ]);
  io.out('');
  const header = ['table', 'status', 'mode', 'rows', 'requests', 'cursor', 'time', 'error'];
  for (const line of formatTextTable(header, rows)) io.out(line);
  const failed = result.tables.filter((table) => table.status !== 'succeeded').length;
  const verdict = failed === 0 ? 'all tables synced' : `${failed} table(s) did not sync`;
  io.out(`\n${verdict} into ${location} in ${(result.durationMs / 1000).toFixed(1)}s`);
}
