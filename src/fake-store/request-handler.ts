import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../errors/lightspeed-sync-error.ts';
import { type ApiSettings, apiPrefix, routeApiRequest, statsPath } from './api-router.ts';
import type { FaultInjector } from './fault-injector.ts';
import { ceilToSecond, type FixedWindowRateLimiter, httpDate } from './rate-limiter.ts';
import type { FakeStoreStats } from './request-stats.ts';
import { type ExtraHeaders, sendEmpty, sendHtml, sendJson } from './response-writer.ts';
import type { ChangeBatch, StoreChanges } from './store-changes.ts';
import type { StoreData } from './store-data.ts';

/** Everything the request handler reads and updates. */
export interface HandlerState {
  data: StoreData;
  changes: StoreChanges;
  settings: ApiSettings;
  token: string;
  limiter: FixedWindowRateLimiter;
  faults: FaultInjector;
  stats: FakeStoreStats;
  /** Per token, the latest Retry-After instant handed out (epoch ms). */
  retryAfterUntil: Map<string, number>;
  /** Aborted when the store stops, cutting slow responses short. */
  stopping: AbortSignal;
}

/** The path of the control endpoint that applies a change batch on demand. */
export const changesPath = '/_fake/changes';

const maxControlBodyBytes = 64 * 1024;

/** Returns the node:http request listener of the fake store. */
export function createRequestHandler(
  state: HandlerState,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: errorMessage(error) });
      else res.destroy();
    });
  };
}

async function handle(state: HandlerState, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://fake-store');
  const nowMs = Date.now();
  const token = bearerToken(req.headers.authorization);
  if (url.pathname === changesPath) return control(state, req, res, token);

  const { stats } = state;
  const send = (status: number, write: () => void) => {
    stats.status[status] = (stats.status[status] ?? 0) + 1;
    if (status === 429) stats.tooManyRequests++;
    write();
  };
  const path = statsPath(url.pathname.replace(/\/+$/, ''));
  stats.requests++;
  stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
  if (!path.startsWith(`${apiPrefix}/`)) {
    return send(404, () => sendJson(res, 404, { error: 'Not Found' }));
  }

  if (token !== state.token) {
    return send(401, () => sendJson(res, 401, { error: 'Access token is not valid' }));
  }

  if (nowMs < (state.retryAfterUntil.get(token) ?? 0)) stats.requestsBeforeRetryAfter++;

  const decision = state.limiter.take(token, nowMs);
  const headers: ExtraHeaders = state.limiter.enabled
    ? { 'X-RateLimit-Limit': decision.limit, 'X-RateLimit-Remaining': decision.remaining }
    : {};
  const refuse = (retryAtMs: number) => {
    const retryAt = Math.max(state.retryAfterUntil.get(token) ?? 0, ceilToSecond(retryAtMs));
    state.retryAfterUntil.set(token, retryAt);
    const body = { error: 'Too Many Requests', message: 'Rate limiting enforced' };
    send(429, () => sendJson(res, 429, body, { ...headers, 'Retry-After': httpDate(retryAt) }));
  };
  if (!decision.allowed) return refuse(decision.resetMs);

  const fault = state.faults.decide(nowMs);
  if (fault.kind === 'too_many_requests') return refuse(fault.retryAtMs);
  if (fault.kind === 'html_error')
    return send(fault.status, () => sendHtml(res, fault.status, headers));
  if (fault.kind === 'server_error') {
    const body = { error: 'Internal Server Error' };
    return send(fault.status, () =>
      fault.emptyBody
        ? sendEmpty(res, fault.status, headers)
        : sendJson(res, fault.status, body, headers),
    );
  }

  if (fault.delayMs > 0) {
    await sleep(fault.delayMs, undefined, { signal: state.stopping }).catch(() => undefined);
    if (res.destroyed || state.stopping.aborted) return;
  }

  const answer = routeApiRequest(
    state.data,
    state.settings,
    req.method ?? 'GET',
    url.pathname.replace(/\/+$/, ''),
    url.searchParams,
  );
  const truncate = fault.truncate && answer.status === 200;
  send(answer.status, () => sendJson(res, answer.status, answer.body, headers, truncate));
}

async function control(
  state: HandlerState,
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
) {
  if (token !== state.token) return sendJson(res, 401, { error: 'Access token is not valid' });
  if (req.method !== 'POST') return sendJson(res, 405, { error: 'Use POST with a JSON body' });

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxControlBodyBytes) return sendJson(res, 413, { error: 'Body too large' });
    chunks.push(chunk as Buffer);
  }

  try {
    const text = Buffer.concat(chunks).toString('utf8').trim();
    const batch = (text === '' ? {} : JSON.parse(text)) as ChangeBatch;
    if (typeof batch !== 'object' || batch === null || Array.isArray(batch)) {
      return sendJson(res, 400, { error: 'Expected a JSON object like {"updates": 10}' });
    }

    return sendJson(res, 200, state.changes.apply(batch));
  } catch (error) {
    return sendJson(res, 400, { error: errorMessage(error) });
  }
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');

  return match?.[1]?.trim();
}
