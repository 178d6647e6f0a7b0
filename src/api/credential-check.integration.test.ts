import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { inspect } from 'node:util';
import type { SyncEvent } from '../events/sync-event.ts';
import { RateBudget } from './rate-budget.ts';
import { type ScriptedHandler, sendJson, startScriptedServer } from './scripted-server.ts';
import { XSeriesClient } from './xseries-client.ts';
import { XSeriesHttpError } from './xseries-http-error.ts';

const token = 'lsxs_at_SECRET-token-value-123';

function clientFor(url: string, events: SyncEvent[] = []): XSeriesClient {
  return new XSeriesClient({
    domainPrefix: 'mystore',
    token,
    apiBaseUrl: url,
    rateBudget: new RateBudget(),
    backoffBaseMs: 10,
    requestTimeoutMs: 300,
    onEvent: (event) => events.push(event),
  });
}

async function checkError(handler: ScriptedHandler): Promise<XSeriesHttpError> {
  const server = await startScriptedServer(handler);
  try {
    const error = await clientFor(server.url)
      .checkCredentials()
      .then(
        () => assert.fail('the check passed'),
        (thrown: unknown) => thrown,
      );
    assert.ok(error instanceof XSeriesHttpError, `got ${inspect(error)}`);

    return error;
  } finally {
    await server.close();
  }
}

describe('checkCredentials', () => {
  const servers: { close(): Promise<void> }[] = [];
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('returns the store and its first outlet when the token works', async () => {
    const server = await startScriptedServer((_request, response) => {
      sendJson(response, 200, { data: [{ id: 'o1', name: 'Main', version: 4 }] });
    });
    servers.push(server);

    const info = await clientFor(server.url).checkCredentials();

    assert.deepEqual(info, {
      domainPrefix: 'mystore',
      baseUrl: server.url,
      firstOutlet: { id: 'o1', name: 'Main' },
    });
    assert.equal(server.requests.length, 1);
    assert.equal(server.requests[0]?.url, '/api/2.0/outlets?page_size=1');
    assert.equal(server.requests[0]?.authorization, `Bearer ${token}`);
  });

  it('reports a wrong token as invalid_token without retrying', async () => {
    let calls = 0;
    const error = await checkError((_request, response) => {
      calls += 1;
      sendJson(response, 401, { error: 'Access token is not valid' });
    });
    assert.equal(error.code, 'invalid_token');
    assert.match(error.message, /Personal Tokens/);
    assert.equal(calls, 1);
  });

  it('reports a 403 as permission_denied naming the Plus plan and admin', async () => {
    const error = await checkError((_request, response) => {
      sendJson(response, 403, { error: 'permission denied' });
    });
    assert.equal(error.code, 'permission_denied');
    assert.match(error.message, /Plus plan/);
    assert.match(error.message, /admin/);
  });

  it('reports a 404 as store_not_found', async () => {
    const error = await checkError((_request, response) => {
      sendJson(response, 404, { error: 'not found' });
    });
    assert.equal(error.code, 'store_not_found');
    assert.match(error.message, /domain prefix/);
  });

  it('reports an HTML page instead of JSON as store_not_found', async () => {
    const error = await checkError((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body>Welcome to Lightspeed</body></html>');
    });
    assert.equal(error.code, 'store_not_found');
    assert.match(error.bodyExcerpt, /<html>/);
  });

  it('reports persistent 5xx as lightspeed_unavailable after a few attempts', async () => {
    let calls = 0;
    const error = await checkError((_request, response) => {
      calls += 1;
      sendJson(response, 503, { error: 'maintenance' });
    });
    assert.equal(error.code, 'lightspeed_unavailable');
    assert.equal(calls, 3);
    assert.equal(error.attempt, 3);
  });

  it('reports a 429 with a long Retry-After as lightspeed_unavailable at once', async () => {
    const error = await checkError((_request, response) => {
      response.writeHead(429, { 'retry-after': '120', 'content-type': 'application/json' });
      response.end('{"error":"Too Many Requests"}');
    });
    assert.equal(error.code, 'lightspeed_unavailable');
    assert.equal(error.status, 429);
  });

  it('rides out one 5xx and succeeds', async () => {
    const server = await startScriptedServer((_request, response, index) => {
      if (index === 0) sendJson(response, 502, { error: 'bad gateway' });
      else sendJson(response, 200, { data: [] });
    });
    servers.push(server);

    const info = await clientFor(server.url).checkCredentials();
    assert.equal(info.firstOutlet, null);
    assert.equal(server.requests.length, 2);
  });

  it('reports a refused connection as network_unreachable', async () => {
    const server = await startScriptedServer(() => {});
    const url = server.url;
    await server.close();

    const error = await clientFor(url)
      .checkCredentials()
      .catch((thrown: unknown) => thrown);
    assert.ok(error instanceof XSeriesHttpError);
    assert.equal(error.code, 'network_unreachable');
    assert.match(error.message, /ECONNREFUSED/);
  });

  it('reports a server that never answers as network_unreachable', async () => {
    const error = await checkError(() => {});
    assert.equal(error.code, 'network_unreachable');
    assert.match(error.message, /timed out/);
  });

  it('reports an unknown host as store_not_found', async () => {
    const client = new XSeriesClient({
      domainPrefix: 'mystore',
      token,
      apiBaseUrl: 'http://no-such-store.invalid',
      rateBudget: new RateBudget(),
      backoffBaseMs: 10,
    });
    const error = await client.checkCredentials().catch((thrown: unknown) => thrown);
    assert.ok(error instanceof XSeriesHttpError);
    assert.equal(error.code, 'store_not_found', error.message);
  });

  it('keeps the token out of every error and event', async () => {
    const events: SyncEvent[] = [];
    const server = await startScriptedServer((request, response, index) => {
      // A hostile server echoes the Authorization header back in its body.
      const echoed = { error: 'nope', saw: request.headers.authorization };
      sendJson(response, index < 2 ? 500 : 401, echoed);
    });
    servers.push(server);

    const error = await clientFor(server.url, events)
      .checkCredentials()
      .catch((thrown: unknown) => thrown);

    assert.ok(error instanceof XSeriesHttpError);
    assert.equal(error.code, 'invalid_token');
    assert.match(error.bodyExcerpt, /\[redacted\]/);
    for (const text of [
      error.message,
      JSON.stringify(error),
      inspect(error, { depth: 10 }),
      JSON.stringify(events),
    ]) {
      assert.ok(!text.includes(token), `token leaked in: ${text.slice(0, 200)}`);
      assert.ok(!text.includes('SECRET'), 'part of the token leaked');
    }
    assert.ok(events.some((event) => event.type === 'retry_scheduled'));
  });
});
