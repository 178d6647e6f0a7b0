import { openWarehouse } from '../warehouse/open-warehouse.ts';
import type { ParquetTableExport, ParquetTableResult, Warehouse } from '../warehouse/warehouse.ts';

/** What to export: an open warehouse, or where to open one (read-only) for the export. */
export type ExportSource = { warehouse: Warehouse } | { url: string; schema?: string };

/** Options of `exportParquet`. */
export type ParquetExportOptions = ExportSource & {
  /** Directory the Parquet files are written to; created when missing. */
  dir: string;
  /** Tables to export (parents and children by name). Default: every data table. */
  tables?: string[];
};

/** What an export wrote. */
export interface ExportSummary {
  dir: string;
  tables: ParquetTableResult[];
  /** Rows written over all tables. */
  rows: number;
}

/**
 * Tables written as hive-style month partitions instead of one file: large, append-mostly
 * tables that are usually queried by period. The column is a timestamp; the partition key
 * is its UTC month, `YYYY-MM`.
 */
export const monthPartitions: Readonly<Record<string, { column: string; name: string }>> = {
  sales: { column: 'sale_date', name: 'sale_month' },
};

/**
 * Writes every table of a warehouse (or the chosen ones) as Parquet files in `dir`:
 * `<table>.parquet`, and `sales/sale_month=YYYY-MM/*.parquet` for sales. Decimals stay DECIMAL
 * and timestamps TIMESTAMPTZ, so DuckDB, Spark, Trino and ClickHouse read them exactly.
 */
export async function exportParquet(options: ParquetExportOptions): Promise<ExportSummary> {
  const owned = !('warehouse' in options);
  const warehouse = 'warehouse' in options ? options.warehouse : await openForExport(options);
  try {
    const names = options.tables ?? (await warehouse.listTables());
    const tables = names.map((table): ParquetTableExport => {
      const partition = monthPartitions[table];

      return partition ? { table, partitionByMonth: partition } : { table };
    });
    const results = await warehouse.exportParquet({ dir: options.dir, tables });

    return {
      dir: options.dir,
      tables: results,
      rows: results.reduce((total, result) => total + result.rows, 0),
    };
  } finally {
    if (owned) await warehouse.close();
  }
}

function openForExport(source: { url: string; schema?: string }): Promise<Warehouse> {
  return openWarehouse({
    url: source.url,
    readOnly: true,
    ...(source.schema === undefined ? {} : { schema: source.schema }),
  });
}
