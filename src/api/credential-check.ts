/**
 * Checks a store address and token with one cheap request, so a person linking a store learns
 * at once whether the token, the plan, the store name or the network is the problem.
 */
import { isPageEnvelope } from './page-envelope.ts';
import type { XSeriesTransport } from './xseries-transport.ts';

/** What the credential check learns about the store. */
export interface RetailerInfo {
  /** The normalised domain prefix the client was made with. */
  domainPrefix: string;
  /** The API base URL (without /api/2.0) that answered. */
  baseUrl: string;
  /** The first outlet, proof the token can read store data; null for a store without one. */
  firstOutlet: { id: string; name: string } | null;
}

/** Attempts of the check: enough to ride out a brief 5xx, short enough to answer quickly. */
const checkAttempts = 3;

/** A check does not wait out a long `Retry-After`; it reports the store as busy instead. */
const checkMaxRetryWaitMs = 5_000;

/** Per-attempt timeout of the check, in ms; the configured one is used when shorter. */
const checkTimeoutMs = 15_000;

/**
 * Reads one outlet (`GET /outlets?page_size=1`) and returns what it learned; throws an
 * `XSeriesHttpError` coded invalid_token, permission_denied, store_not_found,
 * lightspeed_unavailable or network_unreachable, each with a message saying what to do.
 */
export async function checkCredentials(
  transport: XSeriesTransport,
  store: { domainPrefix: string; baseUrl: string; requestTimeoutMs: number },
  signal?: AbortSignal,
): Promise<RetailerInfo> {
  const body = await transport.getJson({
    path: '/outlets',
    query: () => ({ page_size: '1' }),
    context: 'credential_check',
    accept: isPageEnvelope,
    maxAttempts: checkAttempts,
    maxRetryWaitMs: checkMaxRetryWaitMs,
    timeoutMs: Math.min(checkTimeoutMs, store.requestTimeoutMs),
    signal,
  });

  const first = (body as { data: Record<string, unknown>[] }).data[0];
  const firstOutlet =
    first === undefined ? null : { id: String(first.id ?? ''), name: String(first.name ?? '') };

  return { domainPrefix: store.domainPrefix, baseUrl: store.baseUrl, firstOutlet };
}
