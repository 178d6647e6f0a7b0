import { parseArgs } from 'node:util';
import { getTableSpec } from '../../catalog/catalog.ts';
import { resolveWarehouseTarget } from '../../config/resolve-source.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import { buildGroupLayout, groupSchema } from '../../sync/group-layout.ts';
import type { Command } from '../command.ts';
import { openCommandWarehouse, sourceStore } from '../command-context.ts';

/** `lightspeed-sync reset TABLE`: forgets a table's cursor and data. */
export const resetCommand: Command = {
  name: 'reset',
  summary: "Forget a table's cursor and data so the next sync starts over",
  usage: 'Usage: lightspeed-sync reset TABLE [--source NAME] [--warehouse URL]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        source: { type: 'string' },
        schema: { type: 'string' },
        warehouse: { type: 'string' },
      },
    });
    if (positionals.length !== 1) {
      throw new LightspeedSyncError(
        'usage',
        'Name exactly one table to reset, e.g. `reset sales`.',
      );
    }
    const spec = getTableSpec(positionals[0] ?? '');
    const target = await resolveWarehouseTarget(
      { source: values.source, warehouse: values.warehouse, schema: values.schema },
      sourceStore(io),
      io.env,
    );
    const warehouse = await openCommandWarehouse(target.warehouseUrl, target.schema);
    try {
      await warehouse.resetTable(groupSchema(buildGroupLayout(spec, () => undefined)));
      io.out(`Reset ${spec.name}: its data and cursor are gone; the next sync starts over.`);

      return 0;
    } finally {
      await warehouse.close();
    }
  },
};
