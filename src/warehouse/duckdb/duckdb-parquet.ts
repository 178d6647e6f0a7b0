import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { qualifiedName, quoteIdentifier, quoteLiteral } from '../sql-identifier.ts';
import type { ParquetExportRequest, ParquetTableResult } from '../warehouse.ts';

/**
 * Writes tables of a DuckDB schema as Parquet with DuckDB's built-in writer: `<table>.parquet`,
 * or hive-style month partitions `<table>/<name>=YYYY-MM/*.parquet`. Existing output of a table
 * is removed first. Column types are kept (DECIMAL stays DECIMAL, TIMESTAMPTZ is written as a
 * UTC-adjusted timestamp).
 */
export async function exportDuckDBTables(
  connection: DuckDBConnection,
  schema: string,
  request: ParquetExportRequest,
): Promise<ParquetTableResult[]> {
  const dir = resolve(request.dir);
  await mkdir(dir, { recursive: true });

  const results: ParquetTableResult[] = [];
  for (const table of request.tables) {
    const source = qualifiedName(schema, table.table);
    const partition = table.partitionByMonth;
    const path = partition ? join(dir, table.table) : join(dir, `${table.table}.parquet`);
    await rm(path, { recursive: true, force: true });

    const reader = partition
      ? await connection.runAndReadAll(
          `COPY (SELECT *,
              strftime(${quoteIdentifier(partition.column)} AT TIME ZONE 'UTC', '%Y-%m')
              AS ${quoteIdentifier(partition.name)} FROM ${source})
            TO ${quoteLiteral(path)}
            (FORMAT PARQUET, COMPRESSION ZSTD, PARTITION_BY (${quoteIdentifier(partition.name)}))`,
        )
      : await connection.runAndReadAll(
          `COPY ${source} TO ${quoteLiteral(path)} (FORMAT PARQUET, COMPRESSION ZSTD)`,
        );
    results.push({ table: table.table, rows: reader.rowsChanged, path });
  }

  return results;
}
