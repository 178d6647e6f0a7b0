/** Starting syncs and streaming their progress to the browser. */
import { getTableSpec, tableNames } from '../../catalog/catalog.ts';
import type { TableName } from '../../catalog/table-spec.ts';
import { LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';
import type { SyncEvent } from '../../events/sync-event.ts';
import type { SyncRunnerMessage } from '../../sync/sync-runner.ts';
import { jsonResponse, readJsonObject } from '../http-json.ts';
import { requireSource } from '../web-context.ts';
import type { RouteHandler } from '../web-route.ts';

/** How often an idle event stream sends a comment, so proxies and browsers keep it open. */
const heartbeatMs = 15_000;

/**
 * `POST /api/sources/:name/sync {tables?, fullRefresh?}`: syncs the named tables (default:
 * every enabled one). Tables already syncing are not started twice: the answer then names
 * the run in flight with `started: false`.
 */
export const startSync: RouteHandler = async (request, params, context) => {
  const source = await requireSource(context.store, params.name ?? '');
  const body = await readJsonObject(request);
  const names = readTableList(body.tables) ?? tableNames.filter((t) => source.tables[t]?.enabled);
  if (names.length === 0) {
    throw new LightspeedSyncError('invalid_request', 'No table is enabled: enable one first.');
  }
  if (body.fullRefresh !== undefined && typeof body.fullRefresh !== 'boolean') {
    throw new LightspeedSyncError('invalid_request', '"fullRefresh" must be a boolean.');
  }

  const { run, started } = context.runner.start({
    source: source.name,
    tables: names.map((table) => ({
      table,
      method: source.tables[table]?.method ?? 'incremental',
    })),
    fullRefresh: body.fullRefresh === true,
  });

  return jsonResponse({ started, runId: run.id, tables: run.tables }, started ? 202 : 200);
};

/**
 * `GET /api/sources/:name/events`: Server-Sent Events of the source's runs. Each message is
 * `run_started`, `run_finished` or `sync` (one engine event; request-level debug events are
 * left out).
 */
export const streamEvents: RouteHandler = async (request, params, context) => {
  const source = await requireSource(context.store, params.name ?? '');
  const encoder = new TextEncoder();
  let stop = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = context.runner.subscribe((message) => {
        if (message.source !== source.name) return;

        const frame = toFrame(message);
        if (frame) send(`event: ${frame.event}\ndata: ${JSON.stringify(frame.data)}\n\n`);
      });
      const heartbeat = setInterval(() => send(': still here\n\n'), heartbeatMs);
      stop = () => {
        unsubscribe();
        clearInterval(heartbeat);
      };
      request.signal.addEventListener('abort', () => {
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the reader.
        }
      });
      send(`retry: 2000\n: syncing ${context.runner.runningTables(source.name).join(',')}\n\n`);
    },
    cancel() {
      stop();
    },
  });

  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
};

function toFrame(message: SyncRunnerMessage): { event: string; data: unknown } | undefined {
  if (message.type === 'run_started') {
    return { event: 'run_started', data: { runId: message.runId, tables: message.tables } };
  }
  if (message.type === 'run_finished') {
    return { event: 'run_finished', data: { runId: message.runId, result: message.result } };
  }
  if (!shownEvent(message.event)) return undefined;

  return { event: 'sync', data: { runId: message.runId, event: message.event } };
}

function shownEvent(event: SyncEvent): boolean {
  return event.level !== 'debug' || event.type === 'checkpoint_committed';
}

function readTableList(input: unknown): TableName[] | undefined {
  if (input === undefined) return undefined;
  if (!Array.isArray(input) || input.some((name) => typeof name !== 'string')) {
    throw new LightspeedSyncError('invalid_request', '"tables" must be a list of table names.');
  }

  return input.map((name: string) => getTableSpec(name).name);
}
