import type { ServerResponse } from 'node:http';

/** Headers added to a response, e.g. the rate limit ones. */
export type ExtraHeaders = Record<string, string | number>;

const htmlErrorPage =
  '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head>' +
  "<body><h1>We'll be back soon</h1><p>Lightspeed Retail is undergoing maintenance.</p>" +
  '</body></html>\n';

/**
 * Sends `body` as JSON with an exact Content-Length. With `truncate`, only half the body is
 * sent before the socket is destroyed, so the client sees a body shorter than announced.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: ExtraHeaders = {},
  truncate = false,
): void {
  const payload = serializeJson(body);
  const length = payload.length;
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': length,
  });
  if (!truncate) {
    res.end(payload);
    return;
  }

  res.write(payload.subarray(0, Math.floor(length / 2)), () => res.destroy());
}

/**
 * Serialises a body to UTF-8 JSON. A list envelope (`data` array first) is serialised record
 * by record into one buffer: a 13 MB page as a single (often two-byte) string costs more in
 * copies and garbage collection; many small socket writes cost even more.
 *
 * Known limit: a 5000-sale page (about 13.6 MB) costs roughly 150-250 ms of CPU, half of it
 * generating records and half JSON.stringify (Node 20 formats 5-decimal doubles slowly). That
 * is acceptable while clients page more slowly than that, but a client sharing the process
 * shares that CPU: benchmarks should run the store through the CLI in its own process. Serving
 * lists from a worker thread that rebuilds the same seeded base and replays the change batches
 * would lift it.
 */
export function serializeJson(body: unknown): Buffer {
  if (!isListEnvelope(body) || body.data.length < 64) return Buffer.from(JSON.stringify(body));

  const { data, ...rest } = body;
  const parts: Buffer[] = [Buffer.from('{"data":[')];
  const comma = Buffer.from(',');
  data.forEach((record, position) => {
    if (position > 0) parts.push(comma);
    parts.push(Buffer.from(JSON.stringify(record)));
  });
  const tail = JSON.stringify(rest);
  parts.push(Buffer.from(tail === '{}' ? ']}' : `],${tail.slice(1)}`));

  return Buffer.concat(parts);
}

function isListEnvelope(body: unknown): body is { data: unknown[] } {
  if (typeof body !== 'object' || body === null) return false;

  const keys = Object.keys(body);

  return keys[0] === 'data' && Array.isArray((body as { data: unknown }).data);
}

/** Sends an empty body (as some gateways do on 5xx). */
export function sendEmpty(res: ServerResponse, status: number, headers: ExtraHeaders = {}): void {
  res.writeHead(status, { ...headers, 'Content-Length': 0 });
  res.end();
}

/** Sends a maintenance HTML page, as a proxy in front of the API might. */
export function sendHtml(res: ServerResponse, status: number, headers: ExtraHeaders = {}): void {
  const payload = Buffer.from(htmlErrorPage);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': payload.length,
  });
  res.end(payload);
}
