/**
 * The web app as one function from a web-standard Request to a Response, so tests call it
 * without a port and the server is a thin adapter.
 */
import type { SourceStore } from '../config/source-store.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { WarehousePool } from '../scheduler/warehouse-pool.ts';
import { SyncRunner } from '../sync/sync-runner.ts';
import { AccessGuard } from './access-guard.ts';
import { errorResponse } from './http-json.ts';
import { withSecurityHeaders } from './security-headers.ts';
import { syncLinkedSource } from './source-sync.ts';
import { serveStaticFile } from './static-files.ts';
import type { WebContext } from './web-context.ts';
import { matchRoute } from './web-route.ts';
import { webRoutes } from './web-routes.ts';

/** What the web app needs. */
export interface WebAppOptions {
  /** Where linked sources and tokens are kept. */
  store: SourceStore;
  /** Warehouse of sources that name none, e.g. LIGHTSPEED_WAREHOUSE or ./lightspeed.duckdb. */
  defaultWarehouseUrl: string;
  /** API base URL for stores linked here (a fake store, a proxy). Default: Lightspeed's. */
  apiBaseUrl?: string | undefined;
  /** Token every API request must carry. Default: none (only safe on loopback). */
  accessToken?: string | undefined;
  /** Host names the Host header may name (DNS rebinding guard). Default: any. */
  allowedHostNames?: ReadonlySet<string> | undefined;
  /** The open warehouses syncs and queries share. Default: a new pool, closed with the app. */
  warehouses?: WarehousePool;
}

/** A running web app. */
export interface WebApp {
  /** Answers one request. */
  handle(request: Request): Promise<Response>;
  /** Starts and tracks sync runs (one per source and table at a time). */
  runner: SyncRunner;
  /** Stops the runs in flight and closes the warehouses. */
  close(): Promise<void>;
}

/**
 * Creates the web app: API routes under /api/, the pages and scripts otherwise. The schedule
 * runs beside it (see `serve`), sharing `warehouses`; runs of one table never overlap because
 * the engine queues runs of the same table in one process.
 */
export function createWebApp(options: WebAppOptions): WebApp {
  const warehouses = options.warehouses ?? new WarehousePool();
  const base = {
    store: options.store,
    warehouses,
    defaultWarehouseUrl: options.defaultWarehouseUrl,
  };
  const context: WebContext = {
    ...base,
    runner: new SyncRunner(syncLinkedSource(base)),
    guard: new AccessGuard({
      accessToken: options.accessToken,
      allowedHostNames: options.allowedHostNames,
    }),
    apiBaseUrl: options.apiBaseUrl,
  };

  const handle = async (request: Request): Promise<Response> => {
    try {
      const url = new URL(request.url);
      context.guard.check(request, url);

      return withSecurityHeaders(await route(request, url, context));
    } catch (error) {
      return withSecurityHeaders(errorResponse(error));
    }
  };

  return {
    handle,
    runner: context.runner,
    close: async () => {
      await context.runner.stop();
      await warehouses.closeAll();
    },
  };
}

async function route(request: Request, url: URL, context: WebContext): Promise<Response> {
  if (url.pathname.startsWith('/api/')) {
    const match = matchRoute(webRoutes, request.method, url.pathname);
    if (match === 'method_mismatch') {
      throw new LightspeedSyncError('method_not_allowed', `${request.method} is not allowed here.`);
    }
    if (!match) throw notFound(url.pathname);

    const response = await match.route.handler(request, match.params, context);
    if (!response.headers.has('cache-control')) response.headers.set('cache-control', 'no-store');

    return response;
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') {
    throw new LightspeedSyncError('method_not_allowed', `${request.method} is not allowed here.`);
  }
  const file = await serveStaticFile(url.pathname);
  if (file) return file;

  throw notFound(url.pathname);
}

function notFound(pathname: string): LightspeedSyncError {
  return new LightspeedSyncError('not_found', `Nothing at ${pathname}.`);
}
