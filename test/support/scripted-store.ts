import {
  type ScriptedServer,
  sendJson,
  startScriptedServer,
} from '../../src/api/scripted-server.ts';

/**
 * An X-Series look-alike over real HTTP whose records a test sets directly, for cases the fake
 * store cannot produce on purpose: a new field, a record without a version. It pages the
 * records like the API (`after`, `page_size`, ascending by version) on the scripted server.
 */
export class ScriptedStore {
  /** Records per list path (e.g. `/sales`), served ascending by version after `after`. */
  readonly records = new Map<string, Record<string, unknown>[]>();
  private server: ScriptedServer | undefined;

  /** Starts listening on an ephemeral loopback port and returns the base URL. */
  async start(): Promise<string> {
    this.server = await startScriptedServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname.replace(/^\/api\/2\.0/, '');
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
      sendJson(response, 200, { data: page, version });
    });

    return this.server.url;
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    await this.server?.close();
  }
}
