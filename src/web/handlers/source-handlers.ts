/** Reading linked sources and changing how their tables sync. */
import { getTableSpec } from '../../catalog/catalog.ts';
import { jsonResponse, readJsonObject } from '../http-json.ts';
import { buildSourceView } from '../source-view.ts';
import { applyTableSettings } from '../table-settings-input.ts';
import { requireSource, warehouseUrlFor } from '../web-context.ts';
import type { RouteHandler } from '../web-route.ts';

/** How many finished runs the source page lists. */
const runHistoryLimit = 40;

/** `GET /api/sources`: every linked source with its tables' states. */
export const listSources: RouteHandler = async (_request, _params, context) => {
  const sources = await context.store.list();
  const views = [];
  for (const source of sources) views.push(await buildSourceView(source, context));

  return jsonResponse({ sources: views });
};

/** `GET /api/sources/:name`: one source, its tables and its run history. */
export const getSource: RouteHandler = async (_request, params, context) => {
  const source = await requireSource(context.store, params.name ?? '');
  const view = await buildSourceView(source, context);
  const runs = view.warehouseError
    ? []
    : await (
        await context.warehouses.get(
          warehouseUrlFor(source, context.defaultWarehouseUrl),
          source.schema,
        )
      ).listRuns({ limit: runHistoryLimit });

  return jsonResponse({ source: view, runs });
};

/** `PATCH /api/sources/:name/tables/:table {enabled?, method?, frequency?}`. */
export const updateTable: RouteHandler = async (request, params, context) => {
  const source = await requireSource(context.store, params.name ?? '');
  const table = getTableSpec(params.table ?? '').name;
  const patch = await readJsonObject(request);

  source.tables = { ...source.tables, [table]: applyTableSettings(source.tables[table], patch) };
  source.updatedAt = new Date().toISOString();
  await context.store.save(source);

  return jsonResponse({ source: await buildSourceView(source, context) });
};
