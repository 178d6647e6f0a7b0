import { rm } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { tableNames } from '../../catalog/catalog.ts';
import { startFakeStore } from '../../fake-store/index.ts';
import { runSync } from '../../sync/run-sync.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import type { CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { openCommandWarehouse } from '../command-context.ts';
import { createProgressRenderer } from '../progress-renderer.ts';
import { formatTextTable } from '../text-table.ts';
import { printSummary } from './sync-command.ts';

const revenueByOutletAndMonth = `
SELECT o.name AS outlet, strftime(s.sale_date, '%Y-%m') AS month, count(*) AS sales,
       sum(s.total_price + s.total_tax) AS revenue_incl_tax
FROM sales s JOIN outlets o ON o.id = s.outlet_id
WHERE s.deleted_at IS NULL AND s.status <> 'VOIDED'
GROUP BY ALL ORDER BY month DESC, outlet LIMIT 12`;

const topProducts = `
SELECT p.name AS product, sum(li.quantity) AS units, sum(li.total_price) AS revenue_ex_tax
FROM sales_line_items li
JOIN sales s ON s.id = li.sale_id
JOIN products p ON p.id = li.product_id
WHERE s.deleted_at IS NULL AND s.status <> 'VOIDED'
GROUP BY ALL ORDER BY revenue_ex_tax DESC LIMIT 10`;

/** `lightspeed-sync demo`: a fake store synced into DuckDB, then a few useful numbers. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'Start a fake store, sync it into DuckDB with progress, and show a few numbers',
  usage: `Usage: lightspeed-sync demo [--sales N] [--warehouse FILE] [--json]

Starts a fake Lightspeed Retail store in this process (no network needed), syncs every table
into a DuckDB file (default ./lightspeed-demo.duckdb, recreated), prints revenue per outlet
and month and the top products, then changes 1% of the store and syncs again incrementally.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        sales: { type: 'string', default: '25000' },
        warehouse: { type: 'string', default: './lightspeed-demo.duckdb' },
        json: { type: 'boolean', default: false },
      },
    });
    const sales = Number(values.sales);
    const file = values.warehouse;
    await rm(file, { force: true });
    await rm(`${file}.wal`, { force: true });

    io.out(`Starting a fake store with ${sales} sales ...`);
    const store = await startFakeStore({ scale: { sales } });
    const warehouse = await openCommandWarehouse(file, 'lightspeed_retail');
    const onEvent = createProgressRenderer(io, values.json ? 'json' : io.isTTY ? 'live' : 'lines');
    const connection = { domainPrefix: 'demo', token: store.token, apiBaseUrl: store.url };
    const tables = tableNames.map((table) => ({ table }));
    try {
      io.out(`Syncing ${store.url} into ${file}\n`);
      const first = await runSync({ connection, warehouse, tables, onEvent });
      printSummary(io, first, file);
      if (!first.ok) return 1;

      await printQuery(io, warehouse, 'Revenue per outlet and month', revenueByOutletAndMonth);
      await printQuery(io, warehouse, 'Top products', topProducts);

      const changes = Math.max(10, Math.round(sales / 100));
      store.applyChanges({ creates: changes, updates: changes, deletes: Math.ceil(changes / 10) });
      io.out(`\nThe store changed (${changes} new, ${changes} updated records); syncing again ...`);
      const second = await runSync({ connection, warehouse, tables, onEvent: () => {} });
      printSummary(io, second, file);
      await reconcile(io, warehouse, store);
      io.out(
        `\nExplore it yourself:\n  npx lightspeed-sync query --warehouse ${file} ` +
          `"SELECT status, count(*) FROM sales GROUP BY ALL"`,
      );

      return second.ok ? 0 : 1;
    } finally {
      await warehouse.close();
      await store.stop();
    }
  },
};

async function printQuery(io: CliIo, warehouse: Warehouse, title: string, sql: string) {
  const result = await warehouse.query(sql);
  io.out(`\n${title}`);
  for (const line of formatTextTable(result.columns, result.rows)) io.out(line);
}

async function reconcile(
  io: CliIo,
  warehouse: Warehouse,
  store: Awaited<ReturnType<typeof startFakeStore>>,
): Promise<void> {
  const rows = [];
  for (const table of tableNames) {
    let expected = 0;
    for (const _record of store.records(table)) expected += 1;
    const actual = await warehouse.countRows(table);
    rows.push([table, expected, actual, expected === actual ? 'ok' : 'MISMATCH']);
  }
  io.out('\nReconciliation: records in the store vs rows in the warehouse');
  for (const line of formatTextTable(['table', 'store', 'warehouse', 'check'], rows)) io.out(line);
}
