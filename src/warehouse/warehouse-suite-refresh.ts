import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type WarehouseSuiteFactory, withStore } from './warehouse-suite.ts';
import { itemRow, rowsOf, saleRow, salesPage, testGroup } from './warehouse-suite-fixtures.ts';

/** Full refresh builds beside the live tables, survives a crash and swaps atomically. */
export function registerRefreshTests(factory: WarehouseSuiteFactory): void {
  test('serves the old tables until finishRefresh swaps the new ones in', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await warehouse.writePage(salesPage([saleRow('old')], [itemRow('old', '1')], 10));

      assert.equal(await warehouse.beginRefresh(testGroup), 0);
      await warehouse.ensureTables(testGroup, 'refresh');
      await warehouse.writePage(salesPage([saleRow('new')], [itemRow('new', '1')], 3, 'refresh'));
      assert.deepEqual(await rowsOf(warehouse, 'SELECT id FROM sales'), [['old']]);
      assert.equal((await warehouse.readState('sales'))?.cursor, 10);
      assert.equal((await warehouse.readState('sales'))?.refreshCursor, 3);

      await warehouse.finishRefresh(testGroup, 3);
      assert.deepEqual(await rowsOf(warehouse, 'SELECT id FROM sales'), [['new']]);
      assert.deepEqual(await rowsOf(warehouse, 'SELECT sale_id FROM sales_line_items'), [['new']]);
      const state = await warehouse.readState('sales');
      assert.equal(state?.cursor, 3);
      assert.equal(state?.refreshCursor, null);
      assert.deepEqual(await warehouse.listTables(), ['sales', 'sales_line_items']);

      assert.equal(await warehouse.beginRefresh(testGroup), 0);
      await warehouse.writePage(salesPage([saleRow('newer')], [], 4, 'refresh'));
      await warehouse.finishRefresh(testGroup, 4);
      assert.deepEqual(await rowsOf(warehouse, 'SELECT id FROM sales'), [['newer']]);
    }));

  test('keeps the old tables after a crash mid-refresh and resumes the build from its cursor', () =>
    withStore(factory, async (open) => {
      const first = await open();
      await first.ensureTables(testGroup, 'live');
      await first.writePage(salesPage([saleRow('old')], [], 10));
      await first.beginRefresh(testGroup);
      await first.writePage(salesPage([saleRow('n1')], [], 5, 'refresh'));
      await first.close();

      const second = await open();
      assert.deepEqual(await rowsOf(second, 'SELECT id FROM sales'), [['old']]);
      assert.equal(await second.beginRefresh(testGroup), 5);
      await second.ensureTables(testGroup, 'refresh');
      await second.writePage(salesPage([saleRow('n2')], [], 9, 'refresh'));
      await second.finishRefresh(testGroup, 9);
      assert.deepEqual(await rowsOf(second, 'SELECT id FROM sales ORDER BY id'), [['n1'], ['n2']]);
    }));

  test('resetTable drops the tables and forgets their state', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await warehouse.writePage(salesPage([saleRow('a')], [itemRow('a', '1')], 10));
      await warehouse.beginRefresh(testGroup);

      await warehouse.resetTable(testGroup);
      assert.equal(await warehouse.readState('sales'), undefined);
      assert.equal(await warehouse.countRows('sales'), 0);
      assert.equal(await warehouse.describeTable('sales_line_items', 'live'), undefined);
      assert.equal(await warehouse.describeTable('sales', 'refresh'), undefined);
    }));

  test('refuses to finish a refresh that was never begun', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await assert.rejects(warehouse.finishRefresh(testGroup, 1), { code: 'refresh_not_started' });
    }));
}
