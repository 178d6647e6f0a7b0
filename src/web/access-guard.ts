/**
 * Who may call the API and how: refuses requests for foreign host names (DNS rebinding),
 * cross-site requests, state-changing requests without a JSON body, and, when an access
 * token is set, API requests without it (header or session cookie).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** The cookie holding a browser's session after the login page. */
export const sessionCookie = 'lightspeed_session';

/** How the guard decides. */
export interface AccessGuardOptions {
  /** Token every API request must carry; unset means none is needed (loopback only). */
  accessToken?: string | undefined;
  /** Host names the Host header may name; unset means any (when an access token is set). */
  allowedHostNames?: ReadonlySet<string> | undefined;
}

/** API paths reachable without the access token: the login itself and the session probe. */
const publicApiPaths = new Set(['/api/login', '/api/session']);

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Checks requests and keeps the sessions of logged-in browsers (in memory). */
export class AccessGuard {
  readonly #accessToken: string | undefined;
  readonly #allowedHostNames: ReadonlySet<string> | undefined;
  readonly #sessions = new Set<string>();

  constructor(options: AccessGuardOptions) {
    this.#accessToken = options.accessToken || undefined;
    this.#allowedHostNames = options.allowedHostNames;
  }

  /** Whether API requests need the access token. */
  get required(): boolean {
    return this.#accessToken !== undefined;
  }

  /** Throws the coded error that refuses the request, or returns when it may proceed. */
  check(request: Request, url: URL): void {
    this.#checkHost(url);

    const api = url.pathname.startsWith('/api/');
    const site = request.headers.get('sec-fetch-site');
    if (api && site !== null && site !== 'same-origin' && site !== 'none') {
      throw crossSite(`Sec-Fetch-Site is ${site}`);
    }

    if (!safeMethods.has(request.method)) {
      const origin = request.headers.get('origin');
      if (origin !== null && origin !== url.origin) throw crossSite(`Origin is ${origin}`);

      const type = request.headers.get('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        throw new LightspeedSyncError(
          'unsupported_media_type',
          `Expected a JSON body (Content-Type: application/json), got "${type || 'none'}".`,
        );
      }
    }

    if (api && this.required && !publicApiPaths.has(url.pathname)) {
      if (!this.isAuthorized(request)) throw unauthorized();
    }
  }

  /** Whether the request carries the access token or a session made with it. */
  isAuthorized(request: Request): boolean {
    if (!this.#accessToken) return true;

    const header = request.headers.get('authorization') ?? '';
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (bearer !== undefined && sameSecret(bearer, this.#accessToken)) return true;

    const session = readCookie(request.headers.get('cookie'), sessionCookie);

    return session !== undefined && this.#sessions.has(session);
  }

  /** Trades the access token for a session id; throws `unauthorized` for a wrong token. */
  login(token: string): string {
    if (this.#accessToken && !sameSecret(token, this.#accessToken)) throw unauthorized();

    const session = randomBytes(32).toString('base64url');
    this.#sessions.add(session);

    return session;
  }

  #checkHost(url: URL): void {
    if (!this.#allowedHostNames) return;

    if (!this.#allowedHostNames.has(url.hostname)) {
      throw new LightspeedSyncError(
        'host_refused',
        `This server answers to ${[...this.#allowedHostNames].join(', ')}, not ${url.hostname}.`,
      );
    }
  }
}

/** Compares secrets in constant time (hashes first, so lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();

  return timingSafeEqual(digest(given), digest(expected));
}

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }

  return undefined;
}

function crossSite(reason: string): LightspeedSyncError {
  return new LightspeedSyncError(
    'cross_site_refused',
    `Cross-site request refused (${reason}). Use the app from its own address.`,
  );
}

function unauthorized(): LightspeedSyncError {
  return new LightspeedSyncError(
    'unauthorized',
    'This server needs its access token: log in at /login.html or send ' +
      '"Authorization: Bearer TOKEN".',
  );
}
