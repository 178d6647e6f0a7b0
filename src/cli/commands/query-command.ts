import { parseArgs } from 'node:util';
import { resolveWarehouseTarget } from '../../config/resolve-source.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import type { Command } from '../command.ts';
import { openCommandWarehouse, sourceStore } from '../command-context.ts';
import { formatTextTable } from '../text-table.ts';

/** `lightspeed-sync query "SQL"`: read-only SQL on the warehouse. */
export const queryCommand: Command = {
  name: 'query',
  summary: 'Run read-only SQL on the warehouse and print a table',
  usage: `Usage: lightspeed-sync query "SQL" [--json] [--max-rows N] [--source NAME]
       [--warehouse URL]

Tables live in the source's schema (lightspeed_retail by default), which is on the search
path: SELECT count(*) FROM sales works.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        'max-rows': { type: 'string', default: '1000' },
        source: { type: 'string' },
        schema: { type: 'string' },
        warehouse: { type: 'string' },
      },
    });
    const sql = positionals.join(' ').trim();
    if (!sql) throw new LightspeedSyncError('usage', 'Give the SQL to run, e.g. query "SELECT 1".');

    const target = await resolveWarehouseTarget(
      { source: values.source, warehouse: values.warehouse, schema: values.schema },
      sourceStore(io),
      io.env,
    );
    const warehouse = await openCommandWarehouse(target.warehouseUrl, target.schema, true);
    try {
      const result = await warehouse.query(sql, { maxRows: Number(values['max-rows']) });
      if (values.json) {
        for (const row of result.rows) {
          io.out(JSON.stringify(Object.fromEntries(result.columns.map((c, i) => [c, row[i]]))));
        }
        return 0;
      }
      for (const line of formatTextTable(result.columns, result.rows)) io.out(line);
      io.out(`(${result.rows.length} row${result.rows.length === 1 ? '' : 's'})`);

      return 0;
    } finally {
      await warehouse.close();
    }
  },
};
