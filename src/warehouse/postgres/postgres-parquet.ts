import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Pool } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { exportDuckDBTables } from '../duckdb/duckdb-parquet.ts';
import { qualifiedName, quoteIdentifier, quoteLiteral } from '../sql-identifier.ts';
import type { ParquetExportRequest, ParquetTableResult } from '../warehouse.ts';
import { readColumnTypes } from './postgres-catalog.ts';

// PostgreSQL types (information_schema spelling) and the DuckDB types they are copied into.
// NUMERIC has no declared precision here; DECIMAL(38,10) holds every value the sync writes.
const duckdbTypes: Record<string, string> = {
  numeric: 'DECIMAL(38,10)',
  bigint: 'BIGINT',
  integer: 'INTEGER',
  smallint: 'SMALLINT',
  boolean: 'BOOLEAN',
  'timestamp with time zone': 'TIMESTAMPTZ',
  date: 'DATE',
  jsonb: 'JSON',
  json: 'JSON',
};

/**
 * Exports PostgreSQL tables as Parquet: each table is streamed out with COPY TO STDOUT (CSV)
 * into a temporary file, loaded into a temporary DuckDB database with the matching types, and
 * written by DuckDB's Parquet writer. Memory stays flat; the temporary files are removed.
 */
export async function exportPostgresTables(
  pool: Pool,
  schema: string,
  request: ParquetExportRequest,
): Promise<ParquetTableResult[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'lightspeed-export-'));
  const instance = await DuckDBInstance.create(join(scratch, 'scratch.duckdb'));
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    await connection.run('CREATE SCHEMA pg_source');
    for (const { table } of request.tables) {
      const types = await readColumnTypes(pool, schema, table);
      const columns = [...types].map(([name, type]) => ({
        name,
        type: duckdbTypes[type] ?? 'VARCHAR',
      }));
      const definitions = columns.map((column) => `${quoteIdentifier(column.name)} ${column.type}`);
      await connection.run(
        `CREATE TABLE pg_source.${quoteIdentifier(table)} (${definitions.join(', ')})`,
      );

      const csv = join(scratch, `${table}.csv`);
      await copyTableOut(pool, qualifiedName(schema, table), csv);
      const csvColumns = columns.map((column) => `${quoteLiteral(column.name)}: 'VARCHAR'`);
      await connection.run(
        `INSERT INTO pg_source.${quoteIdentifier(table)}
          SELECT * FROM read_csv(${quoteLiteral(csv)},
          columns = {${csvColumns.join(', ')}}, header = false, delim = ',', quote = '"',
          escape = '"', allow_quoted_nulls = false, auto_detect = false)`,
      );
      await rm(csv);
    }

    return await exportDuckDBTables(connection, 'pg_source', request);
  } finally {
    connection.closeSync();
    instance.closeSync();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Streams a table to a CSV file; booleans are written as `true`/`false` for DuckDB. */
async function copyTableOut(pool: Pool, table: string, file: string): Promise<void> {
  const client = await pool.connect();
  try {
    const stream = client.query(copyTo(`COPY ${table} TO STDOUT (FORMAT csv)`));
    await pipeline(stream, createWriteStream(file));
  } finally {
    client.release();
  }
}
