import { defaultSchema } from '../../config/resolve-source.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { jsonResponse, readJsonObject, stringField } from '../http-json.ts';
import { requireSource, type WebContext, warehouseUrlFor } from '../web-context.ts';
import type { RouteHandler } from '../web-route.ts';

/** The most rows a query sends to the browser. */
const maxRows = 1000;

/**
 * `POST /api/query {sql, source?}`: one read-only statement on a source's warehouse (default:
 * the first linked source, else the default warehouse). Writes are refused by the warehouse.
 */
export const runQuery: RouteHandler = async (request, _params, context) => {
  const body = await readJsonObject(request);
  const sql = (stringField(body, 'sql') ?? '').trim();
  if (!sql) throw new LightspeedSyncError('invalid_request', 'Write a query first.');

  const warehouse = await queryWarehouse(context, stringField(body, 'source'));
  const startedAt = Date.now();
  // One row more than shown tells whether the result was cut.
  const result = await warehouse.query(sql, { maxRows: maxRows + 1 });

  return jsonResponse({
    columns: result.columns,
    rows: result.rows.slice(0, maxRows),
    truncated: result.rows.length > maxRows,
    durationMs: Date.now() - startedAt,
  });
};

/** `GET /api/query/tables?source=`: the tables a query can read. */
export const listQueryTables: RouteHandler = async (request, _params, context) => {
  const source = new URL(request.url).searchParams.get('source') ?? undefined;
  const warehouse = await queryWarehouse(context, source);

  return jsonResponse({ tables: await warehouse.listTables() });
};

async function queryWarehouse(context: WebContext, name: string | undefined): Promise<Warehouse> {
  const source = name ? await requireSource(context.store, name) : (await context.store.list())[0];
  if (!source) return context.warehouses.get(context.defaultWarehouseUrl, defaultSchema);

  return context.warehouses.get(
    warehouseUrlFor(source, context.defaultWarehouseUrl),
    source.schema,
  );
}
