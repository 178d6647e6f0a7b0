import { parseArgs } from 'node:util';
import { resolveWarehouseTarget } from '../../config/resolve-source.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { exportParquet } from '../../export/parquet-export.ts';
import type { Command } from '../command.ts';
import { sourceStore } from '../command-context.ts';
import { formatTextTable } from '../text-table.ts';

/** `lightspeed-sync export --format parquet DIR`: every table as Parquet files. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Write every table as Parquet files (sales partitioned by month)',
  usage: `Usage: lightspeed-sync export --format parquet DIR [--tables a,b] [--source NAME]
       [--warehouse URL] [--schema NAME]

Writes DIR/<table>.parquet for each table and DIR/sales/sale_month=YYYY-MM/*.parquet for
sales, readable by DuckDB, ClickHouse, Spark or Trino. Decimals stay DECIMAL, timestamps
TIMESTAMPTZ.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'parquet' },
        tables: { type: 'string' },
        source: { type: 'string' },
        warehouse: { type: 'string' },
        schema: { type: 'string' },
      },
    });
    if (values.format !== 'parquet') {
      throw new LightspeedSyncError('usage', `Unknown format "${values.format}"; use parquet.`);
    }
    const [dir] = positionals;
    if (!dir || positionals.length > 1) {
      throw new LightspeedSyncError('usage', 'Give one output folder, e.g. export ./parquet.');
    }

    const target = await resolveWarehouseTarget(
      { source: values.source, warehouse: values.warehouse, schema: values.schema },
      sourceStore(io),
      io.env,
    );
    const summary = await exportParquet({
      url: target.warehouseUrl,
      schema: target.schema,
      dir,
      ...(values.tables ? { tables: values.tables.split(',').map((t) => t.trim()) } : {}),
    });
    const rows = summary.tables.map((table) => [table.table, table.rows, table.path]);
    for (const line of formatTextTable(['table', 'rows', 'path'], rows)) io.out(line);
    io.out(`\nWrote ${summary.rows} rows to ${dir}`);

    return 0;
  },
};
