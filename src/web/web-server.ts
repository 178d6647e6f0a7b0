/** Serves the web app over node:http, bound to loopback unless an access token guards it. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import { errorResponse, maxBodyBytes } from './http-json.ts';
import { withSecurityHeaders } from './security-headers.ts';
import { createWebApp, type WebApp, type WebAppOptions } from './web-app.ts';

/** How to serve the app. */
export interface WebServerOptions extends Omit<WebAppOptions, 'allowedHostNames'> {
  /** Port to listen on; 0 picks a free one. Default 3000. */
  port?: number;
  /** Address to bind. Default 127.0.0.1; anything else needs `accessToken`. */
  host?: string;
}

/** A listening server. */
export interface RunningWebServer {
  /** Where the app is, e.g. `http://127.0.0.1:3000/`. */
  url: string;
  app: WebApp;
  /** Stops syncs, closes warehouses and connections. */
  close(): Promise<void>;
}

/** Host names a browser uses for this machine. */
const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/** Whether an address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

/**
 * Starts the server; throws `access_token_required` when asked to bind an address other
 * machines can reach without an access token.
 */
export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const host = options.host ?? '127.0.0.1';
  const loopback = isLoopbackHost(host);
  if (!loopback && !options.accessToken) {
    throw new LightspeedSyncError(
      'access_token_required',
      `Serving on ${host} lets other machines reach the app: set --access-token (or ` +
        'LIGHTSPEED_WEB_TOKEN) so that every request must carry it, or keep the default ' +
        '127.0.0.1.',
    );
  }

  const allowedHostNames = loopback ? new Set([...loopbackNames, host]) : undefined;
  const app = createWebApp({ ...options, allowedHostNames });
  const server = createServer((incoming, outgoing) => {
    void answer(app, incoming, outgoing, host);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, host, () => resolve());
  });

  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}/`,
    app,
    close: async () => {
      await app.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function answer(
  app: WebApp,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  host: string,
): Promise<void> {
  const aborted = new AbortController();
  outgoing.on('close', () => aborted.abort());

  let response: Response;
  try {
    const request = await toRequest(incoming, host, aborted.signal);
    response = await app.handle(request);
  } catch (error) {
    response = withSecurityHeaders(errorResponse(error));
  }

  await writeResponse(response, outgoing, aborted.signal);
}

async function toRequest(
  incoming: IncomingMessage,
  host: string,
  signal: AbortSignal,
): Promise<Request> {
  const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host ?? host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';

  return new Request(url, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: await readBody(incoming) } : {}),
  });
}

async function readBody(incoming: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) {
      throw new LightspeedSyncError(
        'body_too_large',
        `The request body is over ${maxBodyBytes} bytes.`,
      );
    }
    chunks.push(chunk as Buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

async function writeResponse(
  response: Response,
  outgoing: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === 'set-cookie' ? response.headers.getSetCookie() : value;
  });
  outgoing.writeHead(response.status, headers);
  if (!response.body) {
    outgoing.end();
    return;
  }

  const reader = response.body.getReader();
  signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      outgoing.write(chunk.value);
    }
  } catch {
    // The browser went away mid-answer (a closed event stream); nothing is left to send.
  } finally {
    outgoing.end();
  }
}
