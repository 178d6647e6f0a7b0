/**
 * Turns the last failure of a request into the `XSeriesHttpError` a person can act on: each
 * cause gets its own code and a message saying what to do.
 */
import type { RequestFailure } from './request-failure.ts';
import { describeFailure, unknownHostCodes } from './request-failure.ts';
import { XSeriesHttpError, type XSeriesHttpErrorFacts } from './xseries-http-error.ts';

/** Where the failed request came from, which changes what an unreadable body means. */
export type RequestContext = 'credential_check' | 'page';

/** What the error is built from. */
export interface FailureErrorInput {
  failure: RequestFailure;
  facts: XSeriesHttpErrorFacts;
  /** The store's API base URL (no /api/2.0), named in messages. */
  baseUrl: string;
  context: RequestContext;
  cause?: unknown;
}

/** Returns the error for a request that will not be retried. */
export function errorForFailure(input: FailureErrorInput): XSeriesHttpError {
  const { failure, facts } = input;
  const [code, advice] = codeAndAdvice(input);
  const subject = facts.table === undefined ? 'The request' : `Reading table ${facts.table}`;
  const tries = facts.attempt === 1 ? '' : ` after ${facts.attempt} attempts`;
  const message =
    `${subject} (${facts.method} ${facts.url}) failed: ${describeFailure(failure)}${tries}. ` +
    advice;

  return new XSeriesHttpError(code, message, facts, input.cause);
}

function codeAndAdvice(input: FailureErrorInput): [string, string] {
  const { failure, baseUrl } = input;
  const storeAdvice =
    `No Lightspeed Retail store answers at ${baseUrl}. Check the domain prefix: it is the ` +
    'part before ".retail.lightspeed.app" in the address you use to sign in.';
  const networkAdvice =
    `Could not reach ${baseUrl}. Check the internet connection, proxy and firewall, then try ` +
    'again.';
  switch (failure.kind) {
    case 'status':
      return statusCodeAndAdvice(failure.status, storeAdvice);
    case 'timeout':
      return ['network_unreachable', networkAdvice];
    case 'network':
      // Known shortcoming: ENOTFOUND also comes from a resolver that answers while the
      // network beyond it is down; most offline machines answer EAI_AGAIN instead, which is
      // reported as unreachable. Telling them apart would need a second lookup of a known host.
      return unknownHostCodes.has(failure.code)
        ? ['store_not_found', storeAdvice]
        : ['network_unreachable', networkAdvice];
    case 'truncated':
      return [
        'lightspeed_unavailable',
        'Lightspeed kept cutting responses short. Try again in a few minutes.',
      ];
    case 'unparsable':
      return input.context === 'credential_check'
        ? [
            'store_not_found',
            `${storeAdvice} The address answered with a page that is not the API.`,
          ]
        : [
            'invalid_response',
            'Lightspeed kept answering with something other than a JSON page of records. Try ' +
              'again later; if it persists, check that the API base URL points at the ' +
              'X-Series API.',
          ];
  }
}

function statusCodeAndAdvice(status: number, storeAdvice: string): [string, string] {
  if (status === 401) {
    return [
      'invalid_token',
      'Lightspeed rejected the personal token: it is wrong, expired or revoked. Create a new one ' +
        'in Lightspeed Retail under Setup > Personal Tokens and update the configuration.',
    ];
  }

  if (status === 403) {
    return [
      'permission_denied',
      'The token is valid but may not read this data. Personal tokens need the Plus plan (or ' +
        'above) and must be created by an admin user: check the store plan and create the ' +
        'token while signed in as an admin.',
    ];
  }

  if (status === 404) return ['store_not_found', storeAdvice];

  if (status === 429 || status >= 500) {
    return [
      'lightspeed_unavailable',
      'Lightspeed is busy or temporarily unavailable. Try again in a few minutes; a scheduled ' +
        'sync will pick up where it stopped.',
    ];
  }

  return [
    'request_rejected',
    'Lightspeed refused the request. This is unexpected for a read: check the API base URL.',
  ];
}
