import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactDecimalSum, normalizeDecimal } from '../../test/support/exact-decimal.ts';
import { type WarehouseSuiteFactory, withStore } from './warehouse-suite.ts';
import { itemRow, rowsOf, saleRow, salesPage, testGroup } from './warehouse-suite-fixtures.ts';

const awkwardText = [
  'tab\there',
  'line\nbreak\r\nwindows',
  'back\\slash \\N \\t',
  'quotes \' " `',
  'unicode café ñ 日本語 🍰 \u2028',
  '',
];

/** Exact decimals, text, timestamps, dates, booleans, big integers and JSON round-trip. */
export function registerValueTests(factory: WarehouseSuiteFactory): void {
  test('sums many decimals exactly', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      const values = ['0.1', '0.2', '4.30435', '-0.00001', '12345678.12345', '19.99'];
      const rows = Array.from({ length: 600 }, (_, index) =>
        saleRow(`s${index}`, { total: values[index % values.length] ?? '0' }),
      );
      await warehouse.writePage(salesPage(rows, [], 1));

      const [[sum] = []] = await rowsOf(warehouse, 'SELECT sum(total) FROM sales');
      assert.equal(normalizeDecimal(sum as string), exactDecimalSum(rows.map((row) => row[2])));
    }));

  test('keeps a value with more digits exact by widening the decimal column', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      await warehouse.writePage(salesPage([saleRow('a', { total: '1.5' })], [], 1));
      const wide = [
        saleRow('b', { total: '0.1234567' }),
        saleRow('c', { total: '-123456789012345678.0000000001' }),
      ];
      await warehouse.writePage(salesPage(wide, [itemRow('b', '1', '2.0000001')], 2));

      const rows = await rowsOf(warehouse, 'SELECT id, total FROM sales ORDER BY id');
      assert.deepEqual(
        rows.map(([id, total]) => [id, normalizeDecimal(total as string)]),
        [
          ['a', '1.5'],
          ['b', '0.1234567'],
          ['c', '-123456789012345678.0000000001'],
        ],
      );
      const [[quantity] = []] = await rowsOf(warehouse, 'SELECT quantity FROM sales_line_items');
      assert.equal(normalizeDecimal(quantity as string), '2.0000001');
      const [[type] = []] = await rowsOf(
        warehouse,
        "SELECT data_type FROM information_schema.columns WHERE table_name = 'sales' " +
          "AND column_name = 'total'",
      );
      assert.equal(type, factory.widenedDecimalType);
    }));

  test('round-trips unicode, quotes, tabs, newlines, backslashes; keeps "" apart from NULL', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      const rows = awkwardText.map((note, index) => saleRow(`t${index}`, { note }));
      rows.push(saleRow('null', { note: null }));
      await warehouse.writePage(salesPage(rows, [], 1));

      const read = await rowsOf(warehouse, 'SELECT id, note FROM sales');
      const notes = new Map(read.map(([id, note]) => [id, note]));
      for (const [index, note] of awkwardText.entries()) assert.equal(notes.get(`t${index}`), note);
      assert.equal(notes.get('null'), null);
    }));

  test('round-trips timestamps with offsets, dates, booleans, big integers and JSON', () =>
    withStore(factory, async (open) => {
      const warehouse = await open();
      await warehouse.ensureTables(testGroup, 'live');
      const json = '{"a":[1,2.5,"x"],"b":{"c":null},"d":"é\\n"}';
      const row = saleRow('a', {
        sale_date: '2025-03-14T23:30:00+05:30',
        business_day: '2024-02-29',
        is_return: true,
        version: 2 ** 53 - 1,
        attributes: json,
      });
      await warehouse.writePage(salesPage([row, saleRow('z', { sale_date: null })], [], 1));

      const [read] = await rowsOf(
        warehouse,
        "SELECT sale_date, business_day, is_return, version, attributes FROM sales WHERE id = 'a'",
      );
      const [saleDate, day, isReturn, version, attributes] = read ?? [];
      assert.equal(Date.parse(String(saleDate)), Date.parse('2025-03-14T18:00:00Z'));
      assert.match(String(saleDate), /^2025-03-14T18:00:00(Z|\+00:00)$/);
      assert.equal(day, '2024-02-29');
      assert.equal(isReturn, true);
      assert.equal(version, String(2 ** 53 - 1));
      assert.deepEqual(JSON.parse(String(attributes)), JSON.parse(json));
      const [[nullDate] = []] = await rowsOf(
        warehouse,
        "SELECT sale_date FROM sales WHERE id = 'z'",
      );
      assert.equal(nullDate, null);
    }));
}
