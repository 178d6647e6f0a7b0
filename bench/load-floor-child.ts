/**
 * Bench child: the load floor. Creates the tables through the warehouse (same types and keys
 * as a sync gets), then times only the warehouse's own bulk load of the dumped files.
 */
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import { childInput, replyOnce } from './child-rpc.ts';
import { loadIntoDuckDB } from './duckdb-load-floor.ts';
import type { LoadFloorInput, LoadFloorOutput } from './load-floor.ts';
import { loadIntoPostgres } from './postgres-load-floor.ts';

const input = childInput<LoadFloorInput>();

await replyOnce(async (): Promise<LoadFloorOutput> => {
  const warehouse = await openWarehouse({ url: input.warehouseUrl, schema: input.schema });
  for (const group of input.dump.groups) await warehouse.ensureTables(group, 'live');
  const kind = warehouse.kind;
  await warehouse.close();

  const durationMs =
    kind === 'postgres'
      ? await loadIntoPostgres(input.warehouseUrl, input.schema, input.dump.tables)
      : await loadIntoDuckDB(input.warehouseUrl, input.schema, input.dump.tables);

  return { durationMs, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
});
