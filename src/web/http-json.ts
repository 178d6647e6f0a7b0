/** JSON requests and answers of the web API, and how error codes map to HTTP statuses. */
import { errorCode, errorMessage, LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** The largest request body the API reads, in bytes. */
export const maxBodyBytes = 1_000_000;

// Codes whose cause is the request itself; anything unlisted is a server-side failure (500).
const statusByCode: Readonly<Record<string, number>> = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_domain_prefix: 400,
  missing_token: 400,
  unknown_table: 400,
  invalid_frequency: 400,
  invalid_method: 400,
  invalid_time_of_day: 400,
  query_refused: 400,
  query_failed: 400,
  unauthorized: 401,
  cross_site_refused: 403,
  host_refused: 403,
  unknown_source: 404,
  not_found: 404,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  body_too_large: 413,
  // The credential check's answers: the request was fine, the store said no.
  invalid_token: 422,
  permission_denied: 422,
  store_not_found: 422,
  lightspeed_unavailable: 503,
  network_unreachable: 503,
};

/** A JSON answer with the given status (200 by default). */
export function jsonResponse(body: unknown, status = 200, headers?: HeadersInit): Response {
  const response = new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
  new Headers(headers).forEach((value, name) => {
    response.headers.append(name, value);
  });

  return response;
}

/** The JSON answer for a thrown value: `{ error: { code, message } }` with a fitting status. */
export function errorResponse(error: unknown): Response {
  const code = errorCode(error);
  const status = statusByCode[code] ?? 500;
  const message =
    error instanceof LightspeedSyncError ? errorMessage(error) : 'Internal error; see the server.';

  return jsonResponse({ error: { code, message } }, status);
}

/** Reads a JSON object body; throws `invalid_json` for anything else. */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(await request.text());
  } catch (error) {
    throw new LightspeedSyncError('invalid_json', 'The request body is not valid JSON.', {
      cause: error,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LightspeedSyncError('invalid_json', 'The request body must be a JSON object.');
  }

  return value as Record<string, unknown>;
}

/** Returns a string field, or throws `invalid_request` naming the field. */
export function stringField(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;

  throw new LightspeedSyncError(
    'invalid_request',
    `"${field}" must be a string, got ${typeof value}.`,
    { details: { field } },
  );
}
