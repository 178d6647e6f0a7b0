/**
 * Sends one GET with Node's fetch and sorts the outcome into a parsed JSON body or a
 * `RequestFailure`, reading the body as text so truncation and bad JSON are caught here.
 */

import type { RequestFailure } from './request-failure.ts';
import { retryAfterDelayMs } from './retry-after.ts';

/** What one attempt needs. */
export interface HttpAttemptRequest {
  url: string;
  token: string;
  /** Abort the attempt after this many ms (headers and body together). */
  timeoutMs: number;
  /** The caller's signal; its abort is rethrown, never turned into a failure. */
  signal?: AbortSignal | undefined;
  /** Returns whether a parsed 2xx body has the expected shape. Default: any JSON. */
  accept?: ((body: unknown) => boolean) | undefined;
}

/** The outcome of one attempt: `failure` is undefined when `body` holds the parsed JSON. */
export interface HttpAttemptResult {
  failure: RequestFailure | undefined;
  body: unknown;
  /** The status, or null when no response came. */
  status: number | null;
  headers: Headers | undefined;
  /** The body text as received ('' when none). */
  text: string;
  /** The underlying error of a timeout or network failure. */
  cause?: unknown;
}

/** Sends one GET request and returns its classified outcome; throws only the caller's abort. */
export async function sendHttpAttempt(request: HttpAttemptRequest): Promise<HttpAttemptResult> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(request.url, {
      headers: { authorization: `Bearer ${request.token}`, accept: 'application/json' },
      signal,
    });
  } catch (error) {
    return noResponse(request, error);
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    request.signal?.throwIfAborted();
    const failure: RequestFailure = timeout.aborted ? { kind: 'timeout' } : { kind: 'truncated' };

    return { ...answered(response, ''), failure, cause: error };
  }

  return classifyResponse(response, text, request.accept);
}

function classifyResponse(
  response: Response,
  text: string,
  accept: ((body: unknown) => boolean) | undefined,
): HttpAttemptResult {
  if (!response.ok) {
    const failure: RequestFailure = { kind: 'status', status: response.status };
    if (response.status === 429 || response.headers.has('retry-after')) {
      failure.retryAfterMs = retryAfterDelayMs({
        retryAfter: response.headers.get('retry-after'),
        serverDate: response.headers.get('date'),
        nowMs: Date.now(),
      });
    }

    return { ...answered(response, text), failure };
  }

  if (isShorterThanAnnounced(response, text)) {
    return { ...answered(response, text), failure: { kind: 'truncated' } };
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // The parse error quotes the body; the excerpt on the final error is the redacted copy.
    return { ...answered(response, text), failure: { kind: 'unparsable' } };
  }

  if (accept && !accept(body)) {
    return { ...answered(response, text), failure: { kind: 'unparsable' } };
  }

  return { ...answered(response, text), body };
}

function answered(response: Response, text: string): HttpAttemptResult {
  return {
    failure: undefined,
    body: undefined,
    status: response.status,
    headers: response.headers,
    text,
  };
}

function isShorterThanAnnounced(response: Response, text: string): boolean {
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  // fetch decompresses, so a compressed body's length says nothing about the text's.
  if (Number.isNaN(announced) || response.headers.has('content-encoding')) return false;

  return Buffer.byteLength(text, 'utf8') < announced;
}

function noResponse(request: HttpAttemptRequest, error: unknown): HttpAttemptResult {
  request.signal?.throwIfAborted();
  const failure: RequestFailure = isTimeout(error)
    ? { kind: 'timeout' }
    : { kind: 'network', code: networkErrorCode(error) };

  return { failure, body: undefined, status: null, headers: undefined, text: '', cause: error };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** Finds the system or undici code (ECONNREFUSED, ENOTFOUND...) in a fetch error's causes. */
function networkErrorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;

    const nested = current instanceof AggregateError ? current.errors[0] : undefined;
    current = nested ?? current.cause;
  }

  return 'UNKNOWN';
}
