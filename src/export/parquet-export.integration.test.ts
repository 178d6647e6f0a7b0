import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { normalizeDecimal } from '../../test/support/exact-decimal.ts';
import type { ColumnType } from '../catalog/column-type.ts';
import { jsonSafeResult } from '../warehouse/duckdb/duckdb-values.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import {
  createTestDatabase,
  type TestDatabase,
} from '../warehouse/postgres/postgres-test-database.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { itemRow, saleRow, salesPage, testGroup } from '../warehouse/warehouse-suite-fixtures.ts';
import { exportParquet } from './parquet-export.ts';

const dir = await mkdtemp(join(tmpdir(), 'parquet-export-'));
let database: TestDatabase | undefined;

before(async () => {
  database = await createTestDatabase();
});
after(async () => {
  await database?.drop();
  await rm(dir, { recursive: true, force: true });
});

const sales = [
  saleRow('a', { sale_date: '2025-03-01T00:30:00+01:00', total: '0.1234567', note: 'tab\tnl\n' }),
  saleRow('b', { sale_date: '2025-03-31T23:59:59Z', note: '', attributes: '{"z":1,"a":[2]}' }),
  saleRow('c', { sale_date: '2025-04-02T10:00:00Z', total: '-12345678.12345', note: 'café 🍰' }),
  saleRow('d', { sale_date: null, note: null, is_return: true }),
];
const items = [itemRow('a', '1', '2.5'), itemRow('a', '2'), itemRow('c', '1', '0.00001')];

/** Reads Parquet back with DuckDB, as JSON-safe rows ordered like the warehouse query. */
async function readParquet(path: string, orderBy: string, partitioned: boolean) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const columns = partitioned ? '* EXCLUDE (sale_month)' : '*';
    const reader = await connection.runAndReadAll(
      `SELECT ${columns} FROM read_parquet('${path}', hive_partitioning = ${partitioned})
        ORDER BY ${orderBy}`,
    );

    return jsonSafeResult(reader).rows;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Reads the column types of a Parquet file set as DuckDB sees them. */
async function parquetTypes(path: string): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${path}')`);

    return new Map(reader.getRows().map(([name, type]) => [String(name), String(type)]));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Normalises a value so both engines' spellings of the same value compare equal. */
function normalize(value: unknown, type: ColumnType | undefined): unknown {
  if (value === null) return null;
  if (type === 'decimal') return normalizeDecimal(String(value));
  if (type === 'timestamptz') return Date.parse(String(value));
  if (type === 'json') return JSON.parse(String(value));
  if (type === 'bigint') return String(value);

  return value;
}

async function assertSameRows(warehouse: Warehouse, table: string, path: string): Promise<void> {
  const types = new Map(
    ((await warehouse.describeTable(table, 'live')) ?? []).map((c) => [c.name, c.type]),
  );
  const orderBy = table === 'sales' ? 'id' : 'sale_id, id';
  const expected = await warehouse.query(`SELECT * FROM ${table} ORDER BY ${orderBy}`);
  const actual = await readParquet(path, orderBy, table === 'sales');
  const names = expected.columns;

  assert.equal(actual.length, expected.rows.length);
  for (const [index, row] of expected.rows.entries()) {
    const exported = actual[index] ?? [];
    assert.deepEqual(
      exported.map((value, column) => normalize(value, types.get(names[column] ?? ''))),
      row.map((value, column) => normalize(value, types.get(names[column] ?? ''))),
      `${table} row ${index}`,
    );
  }
}

const targets: { name: string; open: () => Promise<Warehouse> }[] = [
  { name: 'duckdb', open: () => openWarehouse({ url: join(dir, 'export-source.duckdb') }) },
  {
    name: 'postgres',
    open: () => openWarehouse({ url: database?.url ?? '', schema: 'export_source' }),
  },
];

for (const target of targets) {
  describe(`Parquet export from ${target.name}`, () => {
    test('writes every table as Parquet that reads back row for row, sales by month', async () => {
      const warehouse = await target.open();
      try {
        await warehouse.ensureTables(testGroup, 'live');
        await warehouse.writePage(salesPage(sales, items, 1));
        const out = join(dir, `out-${target.name}`);

        const summary = await exportParquet({ warehouse, dir: out });
        assert.deepEqual(
          summary.tables.map((table) => [table.table, table.rows]),
          [
            ['sales', 4],
            ['sales_line_items', 3],
          ],
        );
        const months = (await readdir(join(out, 'sales'))).sort();
        assert.deepEqual(months, [
          'sale_month=2025-02',
          'sale_month=2025-03',
          'sale_month=2025-04',
          'sale_month=__HIVE_DEFAULT_PARTITION__',
        ]);

        const salesFiles = join(out, 'sales', '**', '*.parquet');
        const types = await parquetTypes(salesFiles);
        assert.match(types.get('total') ?? '', /^DECIMAL\(\d+,\d+\)$/);
        assert.equal(types.get('sale_date'), 'TIMESTAMP WITH TIME ZONE');
        assert.equal(types.get('version'), 'BIGINT');
        await assertSameRows(warehouse, 'sales', salesFiles);
        await assertSameRows(warehouse, 'sales_line_items', join(out, 'sales_line_items.parquet'));
      } finally {
        await warehouse.close();
      }
    });
  });
}
