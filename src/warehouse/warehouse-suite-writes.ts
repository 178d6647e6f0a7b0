import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type WarehouseSuiteFactory, withStore } from './warehouse-suite.ts';
import { itemRow, rowsOf, saleRow, salesPage, testGroup } from './warehouse-suite-fixtures.ts';

/** Schema creation and evolution, upserts, child replacement and atomic checkpoints. */
export function registerWriteTests(factory: WarehouseSuiteFactory): void {
  test('creates the tables, then adds a new column while keeping existing rows', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await warehouse.writePage(salesPage([saleRow('a')], [itemRow('a', '1')], 1));

      const evolved = structuredClone(testGroup);
      evolved.parent.columns.push({ name: 'loyalty', type: 'decimal' });
      await warehouse.ensureTables(evolved, 'live');
      const page = salesPage([saleRow('b')], [], 2);
      page.parent.columns = [...page.parent.columns, 'loyalty'];
      page.parent.rows = [[...saleRow('b'), '3.25']];
      await warehouse.writePage(page);

      const described = await warehouse.describeTable('sales', 'live');
      assert.deepEqual(described?.at(-1), { name: 'loyalty', type: 'decimal' });
      const rows = await rowsOf(warehouse, 'SELECT id, note, loyalty FROM sales ORDER BY id');
      assert.equal(rows.length, 2);
      assert.deepEqual(rows[0]?.slice(0, 3), ['a', 'note a', null]);
      assert.equal(Number(rows[1]?.[2]), 3.25);
      assert.deepEqual(await warehouse.listTables(), ['sales', 'sales_line_items']);
    }));

  test('upserts parent rows by id without duplicating them', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await warehouse.writePage(salesPage([saleRow('a'), saleRow('b')], [], 1));
      const changed = saleRow('a', { note: 'changed', version: 2 });
      await warehouse.writePage(salesPage([changed, saleRow('c'), saleRow('c')], [], 2));

      assert.equal(await warehouse.countRows('sales'), 3);
      const rows = await rowsOf(warehouse, "SELECT note, version FROM sales WHERE id = 'a'");
      assert.deepEqual(rows, [['changed', '2']]);
    }));

  test("replaces a changed parent's child rows as a whole and leaves other parents' alone", () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      const items = [itemRow('a', '1'), itemRow('a', '2'), itemRow('a', '3'), itemRow('b', '1')];
      await warehouse.writePage(salesPage([saleRow('a'), saleRow('b')], items, 1));
      await warehouse.writePage(salesPage([saleRow('a')], [itemRow('a', '2', '5')], 2));

      const rows = await rowsOf(
        warehouse,
        'SELECT sale_id, id, quantity FROM sales_line_items ORDER BY sale_id, id',
      );
      assert.deepEqual(
        rows.map((row) => [row[0], row[1], Number(row[2])]),
        [
          ['a', '2', 5],
          ['b', '1', 1],
        ],
      );
    }));

  test('commits the cursor together with the rows', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      assert.equal(await warehouse.readState('sales').then((state) => state?.cursor ?? 0), 0);
      await warehouse.writePage(salesPage([saleRow('a'), saleRow('b')], [], 41));
      await warehouse.writePage(salesPage([saleRow('c')], [], 97));

      const state = await warehouse.readState('sales');
      assert.equal(state?.cursor, 97);
      assert.equal(state?.refreshCursor, null);
      assert.equal(state?.rowsSynced, 3);
    }));

  test('leaves rows and cursor as they were when a write fails midway', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await warehouse.writePage(salesPage([saleRow('a')], [itemRow('a', '1')], 5));

      const badChild = salesPage(
        [saleRow('a', { note: 'lost' }), saleRow('b')],
        [itemRow('a', '9'), itemRow('b', '1', 'not-a-number')],
        6,
      );
      await assert.rejects(warehouse.writePage(badChild), { code: 'warehouse_write_failed' });
      const badTime = salesPage([saleRow('c', { sale_date: '2025-13-45 nonsense' })], [], 7);
      await assert.rejects(warehouse.writePage(badTime), { code: 'warehouse_write_failed' });

      assert.equal((await warehouse.readState('sales'))?.cursor, 5);
      assert.deepEqual(await rowsOf(warehouse, 'SELECT id, note FROM sales'), [['a', 'note a']]);
      assert.deepEqual(await rowsOf(warehouse, 'SELECT sale_id, id FROM sales_line_items'), [
        ['a', '1'],
      ]);

      await warehouse.writePage(salesPage([saleRow('b')], [], 8));
      assert.equal(await warehouse.countRows('sales'), 2);
    }));

  test('refuses to write a table group that was never prepared', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await assert.rejects(warehouse.writePage(salesPage([saleRow('a')], [], 1)), {
        code: 'warehouse_table_not_ready',
      });
    }));
}
