import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A response the scripted store sends instead of the normal page. */
export interface ScriptedResponse {
  status: number;
  body: string;
  contentType?: string;
}

/**
 * A tiny X-Series look-alike over real HTTP whose records a test sets directly, for cases the
 * fake store cannot produce on purpose: a new field, a record without a version, a broken body.
 */
export class ScriptedStore {
  /** Records per list path (e.g. `/sales`), served ascending by version after `after`. */
  readonly records = new Map<string, Record<string, unknown>[]>();
  /** Per path, a response that replaces every page (until deleted). */
  readonly overrides = new Map<string, ScriptedResponse>();
  private server: Server | undefined;

  /** Starts listening on an ephemeral loopback port and returns the base URL. */
  async start(): Promise<string> {
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/^\/api\/2\.0/, '');
      const override = this.overrides.get(path);
      if (override) {
        response.writeHead(override.status, {
          'content-type': override.contentType ?? 'application/json',
        });
        response.end(override.body);
        return;
      }

      const after = Number(url.searchParams.get('after') ?? 0);
      const pageSize = Number(url.searchParams.get('page_size') ?? 1000);
      const page = (this.records.get(path) ?? [])
        .filter((record) => record.version === undefined || Number(record.version) > after)
        .sort((a, b) => (Number(a.version) || Infinity) - (Number(b.version) || Infinity))
        .slice(0, pageSize);
      const versions = page.map((record) => Number(record.version)).filter(Number.isFinite);
      const version = page.length
        ? { min: Math.min(...versions), max: Math.max(...versions) }
        : { min: null, max: null };
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ data: page, version }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;

    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;

    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
