import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdentifier } from '../src/warehouse/sql-identifier.ts';
import type { DumpedTable } from './record-dump.ts';

/**
 * PostgreSQL's own bulk load: `COPY table FROM STDIN` of each local CSV file into tables the
 * warehouse created, one table after another on one connection. Returns ms.
 */
export async function loadIntoPostgres(
  url: string,
  schema: string,
  tables: readonly DumpedTable[],
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const started = performance.now();
    for (const table of tables) {
      const target = `${quoteIdentifier(schema)}.${quoteIdentifier(table.table)}`;
      const columns = table.columns.map(quoteIdentifier).join(', ');
      const copy = client.query(
        copyFrom(`COPY ${target} (${columns}) FROM STDIN WITH (FORMAT csv, HEADER true)`),
      );
      await pipeline(createReadStream(table.path), copy);
    }

    return performance.now() - started;
  } finally {
    await client.end();
  }
}
