import { getCatalog } from './handlers/catalog-handler.ts';
import { checkCredentials, createSource, getDomainPrefix } from './handlers/link-handlers.ts';
import { getSession, login } from './handlers/login-handlers.ts';
import { listQueryTables, runQuery } from './handlers/query-handler.ts';
import { getSource, listSources, updateTable } from './handlers/source-handlers.ts';
import { startSync, streamEvents } from './handlers/sync-handlers.ts';
import type { WebRoute } from './web-route.ts';

const name = '(?<name>[^/]+)';

/** Every endpoint of the web API. */
export const webRoutes: readonly WebRoute[] = [
  { method: 'GET', path: /^\/api\/session$/, handler: getSession },
  { method: 'POST', path: /^\/api\/login$/, handler: login },
  { method: 'GET', path: /^\/api\/catalog$/, handler: getCatalog },
  { method: 'GET', path: /^\/api\/domain-prefix$/, handler: getDomainPrefix },
  { method: 'POST', path: /^\/api\/credentials\/check$/, handler: checkCredentials },
  { method: 'GET', path: /^\/api\/sources$/, handler: listSources },
  { method: 'POST', path: /^\/api\/sources$/, handler: createSource },
  { method: 'GET', path: new RegExp(`^/api/sources/${name}$`), handler: getSource },
  {
    method: 'PATCH',
    path: new RegExp(`^/api/sources/${name}/tables/(?<table>[^/]+)$`),
    handler: updateTable,
  },
  { method: 'POST', path: new RegExp(`^/api/sources/${name}/sync$`), handler: startSync },
  { method: 'GET', path: new RegExp(`^/api/sources/${name}/events$`), handler: streamEvents },
  { method: 'POST', path: /^\/api\/query$/, handler: runQuery },
  { method: 'GET', path: /^\/api\/query\/tables$/, handler: listQueryTables },
];
