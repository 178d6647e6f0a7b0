import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import type { SyncEvent } from '../events/sync-event.ts';
import { RateBudget } from './rate-budget.ts';
import { type ScriptedServer, sendJson, startScriptedServer } from './scripted-server.ts';
import { XSeriesClient, type XSeriesPage } from './xseries-client.ts';
import { XSeriesHttpError } from './xseries-http-error.ts';

const sales = { name: 'sales', path: '/sales', deletedParam: false };

function clientFor(server: ScriptedServer, events: SyncEvent[] = []): XSeriesClient {
  return new XSeriesClient({
    domainPrefix: 'mystore',
    token: 'token-1',
    apiBaseUrl: server.url,
    rateBudget: new RateBudget(),
    backoffBaseMs: 5,
    onEvent: (event) => events.push(event),
  });
}

async function walk(client: XSeriesClient): Promise<XSeriesPage[]> {
  const pages: XSeriesPage[] = [];
  for await (const page of client.pages(sales, { after: 0 })) pages.push(page);

  return pages;
}

describe('page walk edge cases', () => {
  const servers: ScriptedServer[] = [];
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });
  const start = async (handler: Parameters<typeof startScriptedServer>[0]) => {
    const server = await startScriptedServer(handler);
    servers.push(server);
    return server;
  };

  it('stops with cursor_not_advancing when the same page comes back', async () => {
    const server = await start((_request, response) => {
      sendJson(response, 200, { data: [{ id: 'a', version: 7 }], version: { min: 7, max: 7 } });
    });

    const error = await walk(clientFor(server)).catch((thrown: unknown) => thrown);

    assert.ok(error instanceof LightspeedSyncError);
    assert.equal(error.code, 'cursor_not_advancing');
    assert.equal(server.requests.length, 2);
  });

  it('retries a non-JSON body, then fails with invalid_response naming the table', async () => {
    const events: SyncEvent[] = [];
    const server = await start((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>maintenance</html>');
    });

    const error = await walk(clientFor(server, events)).catch((thrown: unknown) => thrown);

    assert.ok(error instanceof XSeriesHttpError);
    assert.equal(error.code, 'invalid_response');
    assert.match(error.message, /table sales/);
    assert.equal(server.requests.length, 4);
    const reasons = events.flatMap((event) =>
      event.type === 'retry_scheduled' ? [event.reason] : [],
    );
    assert.deepEqual(reasons, ['unparsable_body', 'unparsable_body', 'unparsable_body']);
  });

  it('treats an envelope without a data array as unparsable', async () => {
    const server = await start((_request, response, index) => {
      if (index === 0) sendJson(response, 200, { items: [] });
      else if (index === 1) sendJson(response, 200, { data: [{ id: 'a', version: 3 }] });
      else sendJson(response, 200, { data: [] });
    });

    const pages = await walk(clientFor(server));

    assert.deepEqual(
      pages.map((page) => [page.after, page.cursor, page.records.length]),
      [[0, 3, 1]],
    );
    assert.equal(server.requests.length, 3);
  });

  it('retries a body cut short of its Content-Length', async () => {
    const events: SyncEvent[] = [];
    const server = await start((_request, response, index) => {
      const text = JSON.stringify({ data: index === 2 ? [] : [{ id: 'a', version: 3 }] });
      response.writeHead(200, { 'content-length': Buffer.byteLength(text) });
      if (index > 0) response.end(text);
      else response.write(text.slice(0, 10), () => response.destroy());
    });

    const pages = await walk(clientFor(server, events));

    assert.equal(pages.length, 1);
    assert.equal(server.requests.length, 3);
    assert.ok(
      events.some((event) => event.type === 'retry_scheduled' && event.reason === 'truncated_body'),
    );
  });

  it('asks for the next page after the cursor and sends no deleted flag for sales', async () => {
    const server = await start((_request, response, index) => {
      if (index === 0)
        sendJson(response, 200, {
          data: [{ id: 'a', version: 10 }],
          version: { min: 10, max: 12 },
        });
      else sendJson(response, 200, { data: [], version: null });
    });

    await walk(clientFor(server));

    assert.deepEqual(
      server.requests.map((request) => request.url),
      ['/api/2.0/sales?after=0&page_size=5000', '/api/2.0/sales?after=12&page_size=5000'],
    );
  });

  it('asks for the next page only when the caller wants it', async () => {
    const events: SyncEvent[] = [];
    const server = await start((_request, response, index) => {
      sendJson(response, 200, { data: [{ id: `r${index}`, version: index + 1 }] });
    });
    const pages = clientFor(server, events).pages(sales, { after: 0 });

    const first = await pages.next();
    await new Promise((resolve) => setTimeout(resolve, 30));

    assert.equal(first.done, false);
    assert.equal(server.requests.length, 1);
    const received = events.filter((event) => event.type === 'page_received');
    assert.deepEqual(
      received.map((event) =>
        event.type === 'page_received' ? [event.records, event.cursor] : [],
      ),
      [[1, 1]],
    );
    await pages.return(undefined);
  });

  it('stops waiting for the budget and the server when the caller aborts', async () => {
    const server = await start(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('sync cancelled')), 50);

    const pages = clientFor(server).pages(sales, { after: 0, signal: controller.signal });

    await assert.rejects(pages.next(), /sync cancelled/);
  });
});

describe('page size and memory', () => {
  it('asks for smaller pages after a page bigger than the body cap', async () => {
    const server = await startScriptedServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const after = Number(url.searchParams.get('after'));
      const size = Number(url.searchParams.get('page_size'));
      const data =
        after >= 3000
          ? []
          : Array.from({ length: Math.min(size, 3000 - after) }, (_, index) => ({
              id: `s${after + index + 1}`,
              version: after + index + 1,
              note: 'x'.repeat(90),
            }));
      sendJson(response, 200, { data, version: { min: after + 1, max: after + data.length } });
    });
    try {
      const client = new XSeriesClient({
        domainPrefix: 'mystore',
        token: 'token-1',
        apiBaseUrl: server.url,
        rateBudget: new RateBudget(),
        pageSize: 1000,
        maxPageChars: 50_000,
      });
      const pages = [];
      for await (const page of client.pages(sales, { after: 0 })) pages.push(page.records.length);

      assert.equal(pages[0], 1000);
      assert.ok(
        pages.slice(1, -1).every((size) => size < 500 && size >= 100),
        String(pages),
      );
      assert.equal(
        pages.reduce((total, size) => total + size, 0),
        3000,
      );
    } finally {
      await server.close();
    }
  });
});
