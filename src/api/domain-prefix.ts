/**
 * Turns what a person types as their store (a prefix, a host or a pasted URL) into the bare
 * domain prefix that names the store's API host, refusing anything that points elsewhere.
 */
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

/** Hosts that serve a store's API; the current one first, the legacy one after. */
const storeHostSuffixes = ['.retail.lightspeed.app', '.vendhq.com'] as const;

/** Sub-domains of the store hosts that belong to Lightspeed itself, not to a store. */
const reservedPrefixes = new Set(['secure', 'www', 'api']);

/** One DNS label: letters, digits and inner hyphens, at most 63 characters. */
const dnsLabel = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * Returns the lower-cased domain prefix of a store given as `mystore`, a store host or a store
 * URL (current or legacy host, any path); throws `invalid_domain_prefix` for anything else.
 */
export function normalizeDomainPrefix(input: string): string {
  const trimmed = input.trim().toLowerCase();
  const prefix = looksLikeUrlOrHost(trimmed) ? prefixFromUrl(trimmed) : trimmed;
  if (prefix !== undefined && dnsLabel.test(prefix) && !reservedPrefixes.has(prefix)) {
    return prefix;
  }

  throw invalidDomainPrefix(input);
}

function looksLikeUrlOrHost(value: string): boolean {
  return value.includes('.') || value.includes('/') || value.includes(':') || value.includes('@');
}

function prefixFromUrl(value: string): string | undefined {
  const withScheme = value.includes('://') ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }

  const plainHttp = url.protocol === 'https:' || url.protocol === 'http:';
  // Credentials or a port in the URL mean it is not a plain store address.
  if (!plainHttp || url.username !== '' || url.password !== '' || url.port !== '') {
    return undefined;
  }

  const suffix = storeHostSuffixes.find((candidate) => url.hostname.endsWith(candidate));
  if (suffix === undefined) return undefined;

  return url.hostname.slice(0, -suffix.length);
}

function invalidDomainPrefix(input: string): LightspeedSyncError {
  const shown = input.length > 80 ? `${input.slice(0, 80)}...` : input;

  return new LightspeedSyncError(
    'invalid_domain_prefix',
    `"${shown}" is not a Lightspeed Retail store address. Enter the store's domain prefix, the ` +
      'part before ".retail.lightspeed.app" (e.g. "mystore" for ' +
      'https://mystore.retail.lightspeed.app), or paste the store URL itself.',
    { details: { input: shown } },
  );
}
