import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type WarehouseSuiteFactory, withStore } from './warehouse-suite.ts';
import { rowsOf, saleRow, salesPage, testGroup } from './warehouse-suite-fixtures.ts';

/** Type descriptions, run records, read-only queries. */
export function registerStateTests(factory: WarehouseSuiteFactory): void {
  test('describes a table with the logical types it was created with', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      assert.equal(await warehouse.describeTable('sales', 'live'), undefined);
      await warehouse.ensureTables(testGroup, 'live');

      assert.deepEqual(await warehouse.describeTable('sales', 'live'), testGroup.parent.columns);
      assert.deepEqual(
        await warehouse.describeTable('sales_line_items', 'live'),
        testGroup.children[0]?.columns,
      );
    }));

  test('records runs in the state row and the run history', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      assert.equal(await warehouse.readState('sales'), undefined);
      assert.deepEqual(await warehouse.listStates(), []);
      assert.deepEqual(await warehouse.listRuns(), []);

      const startedAt = '2025-03-14T02:00:00.000Z';
      await warehouse.recordRun({ table: 'sales', status: 'running', startedAt });
      assert.equal((await warehouse.readState('sales'))?.lastStatus, 'running');
      await warehouse.recordRun({
        table: 'sales',
        status: 'failed',
        startedAt,
        finishedAt: '2025-03-14T02:01:00.000Z',
        rows: 7,
        errorCode: 'api_unavailable',
        errorMessage: 'The API answered 503.',
      });

      const state = await warehouse.readState('sales');
      assert.equal(state?.lastStatus, 'failed');
      assert.equal(state?.lastErrorCode, 'api_unavailable');
      assert.equal(Date.parse(state?.lastStartedAt ?? ''), Date.parse(startedAt));
      assert.equal(Date.parse(state?.lastFinishedAt ?? ''), Date.parse('2025-03-14T02:01:00Z'));
      assert.deepEqual(
        (await warehouse.listStates()).map((row) => row.table),
        ['sales'],
      );
      const [run] = await warehouse.listRuns({ table: 'sales' });
      assert.equal(run?.status, 'failed');
      assert.equal(run?.rows, 7);
      assert.equal(run?.errorMessage, 'The API answered 503.');
    }));

  test('answers read-only queries and refuses anything that could write', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await warehouse.writePage(salesPage([saleRow('a'), saleRow('b'), saleRow('c')], [], 1));

      const result = await warehouse.query('SELECT id FROM sales ORDER BY id', { maxRows: 2 });
      assert.deepEqual(result, { columns: ['id'], rows: [['a'], ['b']] });
      assert.deepEqual(await rowsOf(warehouse, 'WITH x AS (SELECT 1 AS n) SELECT n FROM x'), [[1]]);
      for (const sql of [
        "INSERT INTO sales (id) VALUES ('x')",
        "DELETE FROM sales WHERE id = 'a'",
        'DROP TABLE sales',
        "SELECT 1; DELETE FROM sales WHERE id = 'a'",
        'WITH gone AS (DELETE FROM sales RETURNING id) SELECT * FROM gone',
        'CREATE TABLE evil (x INTEGER)',
      ]) {
        await assert.rejects(
          warehouse.query(sql),
          (error: { code?: string }) =>
            ['query_refused', 'query_failed'].includes(error.code ?? ''),
          sql,
        );
      }
      await assert.rejects(warehouse.query('INSERT INTO sales (id) VALUES (1)'), {
        code: 'query_refused',
      });
      assert.equal(await warehouse.countRows('sales'), 3);
      assert.equal(await warehouse.countRows('evil'), 0);
    }));

  test('opens read-only for queries and refuses writes there', () =>
    withStore(factory, async (open) => {
      const writer = await open();
      await writer.ensureTables(testGroup, 'live');
      await writer.writePage(salesPage([saleRow('a')], [], 1));
      await writer.close();

      const reader = await open({ readOnly: true });
      assert.deepEqual(await rowsOf(reader, 'SELECT id FROM sales'), [['a']]);
      await assert.rejects(reader.ensureTables(testGroup, 'live'));
    }));
}
