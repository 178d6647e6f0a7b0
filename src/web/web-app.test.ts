import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FileSourceStore } from '../config/file-source-store.ts';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { WarehousePool } from '../scheduler/warehouse-pool.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { createWebApp, type WebApp, type WebAppOptions } from './web-app.ts';
import { startWebServer } from './web-server.ts';

const origin = 'http://127.0.0.1:3000';
let dir: string;
let store: FileSourceStore;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ls-web-'));
  store = new FileSourceStore(join(dir, 'home'));
  const now = new Date().toISOString();
  await store.save(
    {
      name: 'shop',
      domainPrefix: 'shop',
      schema: 'lightspeed_retail',
      tables: { sales: { enabled: true, method: 'incremental', frequency: '6h' } },
      createdAt: now,
      updatedAt: now,
    },
    'shop-secret-token',
  );
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A pool that opens nothing: these tests must answer before any warehouse work. */
class RefusingPool extends WarehousePool {
  override get(): Promise<Warehouse> {
    return Promise.reject(new LightspeedSyncError('warehouse_unavailable', 'not in these tests'));
  }
}

/** An app whose warehouse cannot open. */
function app(options: Partial<WebAppOptions> = {}): WebApp {
  return createWebApp({
    store,
    defaultWarehouseUrl: join(dir, 'unused.duckdb'),
    warehouses: new RefusingPool(),
    allowedHostNames: new Set(['127.0.0.1', 'localhost']),
    ...options,
  });
}

async function call(
  target: WebApp,
  method: string,
  path: string,
  init: { body?: string; json?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await target.handle(
    new Request(`${origin}${path}`, { method, headers, ...(body === undefined ? {} : { body }) }),
  );
  const text = await response.text();

  return {
    status: response.status,
    body: text.startsWith('{') ? JSON.parse(text) : { text },
    headers: response.headers,
  };
}

function errorCodeOf(body: Record<string, unknown>): unknown {
  return (body.error as { code?: unknown } | undefined)?.code;
}

test('normalises a pasted store URL and refuses an address that is not a store', async () => {
  const web = app();

  const pasted = await call(
    web,
    'GET',
    `/api/domain-prefix?input=${encodeURIComponent('https://MyStore.retail.lightspeed.app/x')}`,
  );
  const wrong = await call(web, 'GET', '/api/domain-prefix?input=my%20store!');

  assert.deepEqual(pasted.body, { domainPrefix: 'mystore' });
  assert.equal(wrong.status, 400);
  assert.equal(errorCodeOf(wrong.body), 'invalid_domain_prefix');
});

test('refuses a credential check without a token or with an invalid prefix', async () => {
  const web = app();

  const noToken = await call(web, 'POST', '/api/credentials/check', {
    json: { domainPrefix: 'shop', token: '  ' },
  });
  const badPrefix = await call(web, 'POST', '/api/credentials/check', {
    json: { domainPrefix: 'https://evil.example.com', token: 't' },
  });

  assert.equal(noToken.status, 400);
  assert.equal(errorCodeOf(noToken.body), 'missing_token');
  assert.equal(badPrefix.status, 400);
  assert.equal(errorCodeOf(badPrefix.body), 'invalid_domain_prefix');
});

test('refuses an import naming an unknown table, a bad frequency or no table', async () => {
  const web = app();
  const base = { domainPrefix: 'newshop', token: 'secret' };

  const unknown = await call(web, 'POST', '/api/sources', {
    json: { ...base, tables: { sales: {}, refunds: {} } },
  });
  const frequency = await call(web, 'POST', '/api/sources', {
    json: { ...base, tables: { sales: { frequency: 'every tuesday' } } },
  });
  const method = await call(web, 'POST', '/api/sources', {
    json: { ...base, tables: { sales: { method: 'sometimes' } } },
  });
  const none = await call(web, 'POST', '/api/sources', { json: { ...base, tables: {} } });

  assert.equal(errorCodeOf(unknown.body), 'unknown_table');
  assert.equal(errorCodeOf(frequency.body), 'invalid_frequency');
  assert.equal(errorCodeOf(method.body), 'invalid_method');
  assert.equal(errorCodeOf(none.body), 'invalid_request');
  for (const answer of [unknown, frequency, method, none]) assert.equal(answer.status, 400);
  assert.equal(await store.get('newshop'), undefined);
});

test('answers invalid JSON and non-object bodies with invalid_json', async () => {
  const web = app();
  const headers = { 'content-type': 'application/json' };

  const broken = await call(web, 'POST', '/api/sources', { body: '{"domainPrefix":', headers });
  const list = await call(web, 'POST', '/api/query', { body: '["SELECT 1"]', headers });

  assert.equal(broken.status, 400);
  assert.equal(errorCodeOf(broken.body), 'invalid_json');
  assert.equal(errorCodeOf(list.body), 'invalid_json');
});

test('changes a table method and frequency, refusing bad values and unknown tables', async () => {
  const web = app();

  const bad = await call(web, 'PATCH', '/api/sources/shop/tables/sales', {
    json: { frequency: 'sometimes' },
  });
  const unknown = await call(web, 'PATCH', '/api/sources/shop/tables/refunds', {
    json: { enabled: true },
  });
  const wrongType = await call(web, 'PATCH', '/api/sources/shop/tables/sales', {
    json: { enabled: 'yes' },
  });
  // The view needs the warehouse, which these tests refuse to open: the save happens first.
  await call(web, 'PATCH', '/api/sources/shop/tables/sales', {
    json: { method: 'full_refresh', frequency: 'daily' },
  });

  assert.equal(errorCodeOf(bad.body), 'invalid_frequency');
  assert.equal(errorCodeOf(unknown.body), 'unknown_table');
  assert.equal(errorCodeOf(wrongType.body), 'invalid_request');
  const saved = (await store.get('shop'))?.tables.sales;
  assert.equal(saved?.method, 'full_refresh');
  assert.equal(saved?.frequency, '24h');
});

test('refuses cross-site and non-JSON state-changing requests', async () => {
  const web = app();
  const json = { sql: 'SELECT 1' };

  const foreignOrigin = await call(web, 'POST', '/api/query', {
    json,
    headers: { origin: 'https://evil.example' },
  });
  const crossSite = await call(web, 'POST', '/api/query', {
    json,
    headers: { 'sec-fetch-site': 'cross-site' },
  });
  const form = await call(web, 'POST', '/api/sources/shop/sync', {
    body: 'tables=sales',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });

  assert.equal(foreignOrigin.status, 403);
  assert.equal(errorCodeOf(foreignOrigin.body), 'cross_site_refused');
  assert.equal(crossSite.status, 403);
  assert.equal(form.status, 415);
  assert.equal(errorCodeOf(form.body), 'unsupported_media_type');
  assert.equal(web.runner.runningTables('shop').length, 0);
  // The server builds the URL from the Host header: a DNS rebinding shows as a foreign host.
  const rebound = await web.handle(new Request('http://rebound.example:3000/api/catalog'));
  assert.equal(rebound.status, 403);
});

test('with an access token, API requests need the header or a session from the login', async () => {
  const web = app({ accessToken: 'web-secret' });

  const anonymous = await call(web, 'GET', '/api/sources');
  const wrongLogin = await call(web, 'POST', '/api/login', { json: { token: 'guess' } });
  const bearer = await call(web, 'GET', '/api/catalog', {
    headers: { authorization: 'Bearer web-secret' },
  });
  const login = await call(web, 'POST', '/api/login', { json: { token: 'web-secret' } });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const withCookie = await call(web, 'GET', '/api/catalog', { headers: { cookie } });
  const page = await call(web, 'GET', '/login.html');

  assert.equal(anonymous.status, 401);
  assert.equal(errorCodeOf(anonymous.body), 'unauthorized');
  assert.equal(wrongLogin.status, 401);
  assert.equal(bearer.status, 200);
  assert.match(login.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
  assert.equal(withCookie.status, 200);
  assert.equal(page.status, 200);
  assert.doesNotMatch(JSON.stringify(login.body), /web-secret/);
});

test('sets a strict content security policy and forbids framing on every answer', async () => {
  const web = app();

  for (const path of ['/', '/app.js', '/api/catalog', '/api/nowhere']) {
    const answer = await call(web, 'GET', path);
    assert.match(answer.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(answer.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(answer.headers.get('x-frame-options'), 'DENY');
  }
});

test('answers unknown paths, sources and methods with coded errors', async () => {
  const web = app();

  const nowhere = await call(web, 'GET', '/api/nowhere');
  const source = await call(web, 'GET', '/api/sources/ghost');
  const method = await call(web, 'DELETE', '/api/catalog', { json: {} });
  const outside = await call(web, 'GET', '/..%2f..%2fpackage.json');

  assert.equal(nowhere.status, 404);
  assert.equal(errorCodeOf(source.body), 'unknown_source');
  assert.equal(source.status, 404);
  assert.equal(method.status, 405);
  assert.equal(outside.status, 404);
});

test('the catalog lists all eight tables with descriptions and both methods', async () => {
  const answer = await call(app(), 'GET', '/api/catalog');
  const tables = answer.body.tables as {
    name: string;
    description: string;
    syncMethods: string[];
  }[];

  assert.equal(tables.length, 8);
  assert.ok(tables.every((table) => table.description.length > 10));
  assert.ok(tables.every((table) => table.syncMethods.length === 2));
});

test('refuses to serve beyond loopback without an access token', async () => {
  await assert.rejects(
    startWebServer({
      store,
      defaultWarehouseUrl: join(dir, 'unused.duckdb'),
      host: '0.0.0.0',
      port: 0,
    }),
    (error: unknown) => (error as LightspeedSyncError).code === 'access_token_required',
  );
});
