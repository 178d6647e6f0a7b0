/**
 * Validates an API base URL override (a fake store, a proxy) and puts it in the one form the
 * client appends `/api/2.0/...` to.
 */
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/**
 * Returns `scheme://host[:port][/path]` without a trailing slash or `/api/2.0` suffix; throws
 * `invalid_api_base_url` unless the input is an http(s) URL without credentials, query or hash.
 */
export function normalizeApiBaseUrl(input: string): string {
  const trimmed = input.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch (cause) {
    throw invalidApiBaseUrl(input, 'it is not a URL', cause);
  }

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalidApiBaseUrl(input, `its scheme is ${url.protocol} instead of http: or https:`);
  }

  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw invalidApiBaseUrl(input, 'it carries credentials, a query or a fragment');
  }

  const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/2\.0$/i, '');

  return `${url.origin}${path}`;
}

function invalidApiBaseUrl(input: string, why: string, cause?: unknown): LightspeedSyncError {
  // A pasted URL may carry a password: never repeat what sits between `//` and `@`.
  const withoutUserInfo = input.replace(/\/\/[^/@]*@/, '//***@');
  const shown =
    withoutUserInfo.length > 120 ? `${withoutUserInfo.slice(0, 120)}...` : withoutUserInfo;

  return new LightspeedSyncError(
    'invalid_api_base_url',
    `The API base URL "${shown}" cannot be used because ${why}. Give an http(s) URL such as ` +
      'http://127.0.0.1:8080, or leave it unset (and LIGHTSPEED_API_URL empty) to use the store ' +
      'host.',
    { cause, details: { input: shown } },
  );
}
