import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { runSync } from '../sync/run-sync.ts';
import type { SyncRunFunction } from '../sync/sync-runner.ts';
import { requireSource, type WebContext, warehouseUrlFor } from './web-context.ts';

/** What syncing a linked source needs from the web app. */
export type SourceSyncContext = Pick<WebContext, 'store' | 'warehouses' | 'defaultWarehouseUrl'>;

/** Runs a sync of a linked source with its stored token, into its shared warehouse. */
export function syncLinkedSource(context: SourceSyncContext): SyncRunFunction {
  return async (request, onEvent, signal) => {
    const source = await requireSource(context.store, request.source);
    const token = await context.store.readToken(source.name);
    if (!token) {
      throw new LightspeedSyncError(
        'missing_token',
        `No personal token is saved for "${source.name}". Link the store again.`,
      );
    }
    const url = warehouseUrlFor(source, context.defaultWarehouseUrl);
    const warehouse = await context.warehouses.get(url, source.schema);

    return runSync({
      connection: {
        domainPrefix: source.domainPrefix,
        token,
        ...(source.apiBaseUrl ? { apiBaseUrl: source.apiBaseUrl } : {}),
      },
      warehouse,
      tables: request.tables,
      ...(request.fullRefresh ? { fullRefresh: true } : {}),
      onEvent,
      signal,
    });
  };
}
