import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  type BulkLoadFloorOptions,
  type BulkLoadMeasurement,
  bulkLoadMeasurement,
} from '../bulk-load-floor.ts';
import { describeWarehouseUrl } from '../open-warehouse.ts';
import { qualifiedName, quoteIdentifier } from '../sql-identifier.ts';
import { encodeCopyRows } from './postgres-copy-text.ts';
import { PostgresWarehouse } from './postgres-warehouse.ts';

/**
 * The floor for PostgreSQL writes: the same rows streamed from local files with COPY FROM
 * STDIN straight into fresh tables of a scratch schema, in one transaction. Only the load is
 * timed.
 */
export async function measureBulkLoadFloor(
  options: BulkLoadFloorOptions,
): Promise<BulkLoadMeasurement> {
  const warehouse = await PostgresWarehouse.open({
    url: options.url,
    location: describeWarehouseUrl(options.url),
    schema: options.schema,
  });
  for (const group of options.groups) await warehouse.ensureTables(group, 'live');
  await warehouse.close();

  const scratch = await mkdtemp(join(tmpdir(), 'postgres-floor-'));
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    const files: string[] = [];
    for (const table of options.tables) {
      const file = join(scratch, `${table.table}.tsv`);
      await writeFile(file, [...encodeCopyRows(table.rows, table.columns.length)].join(''));
      files.push(file);
    }

    const started = performance.now();
    await client.query('BEGIN');
    for (const [index, table] of options.tables.entries()) {
      const target = qualifiedName(options.schema, table.table);
      const columns = table.columns.map(quoteIdentifier).join(', ');
      const copy = client.query(copyFrom(`COPY ${target} (${columns}) FROM STDIN`));
      await pipeline(createReadStream(files[index] ?? ''), copy);
    }
    await client.query('COMMIT');
    const durationMs = performance.now() - started;

    const rows = options.tables.reduce((total, table) => total + table.rows.length, 0);

    return bulkLoadMeasurement(rows, durationMs);
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(options.schema)} CASCADE`);
    await client.end();
    await rm(scratch, { recursive: true, force: true });
  }
}
