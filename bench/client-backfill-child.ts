/**
 * Bench child: a backfill through the API client alone (every table at once, one shared rate
 * budget, pages parsed and dropped), to see how the client paces itself against a rate limit
 * when nothing else slows it down. Stops after `stopAfterMs`.
 */
import { RateBudget } from '../src/api/rate-budget.ts';
import { XSeriesClient } from '../src/api/xseries-client.ts';
import { catalog } from '../src/catalog/catalog.ts';
import type { SyncEvent } from '../src/events/sync-event.ts';
import { childInput, replyOnce } from './child-rpc.ts';
import type { ClientBackfillInput, ClientBackfillOutput } from './client-backfill.ts';

const input = childInput<ClientBackfillInput>();

await replyOnce(async (): Promise<ClientBackfillOutput> => {
  const rateBudget = new RateBudget({ windowMs: input.windowMs });
  const sentAt: number[] = [];
  let tooManyRequests = 0;
  const onEvent = (event: SyncEvent): void => {
    if (event.type === 'request_sent') sentAt.push(performance.now());
    if (event.type === 'retry_scheduled' && event.status === 429) tooManyRequests += 1;
  };
  const signal = AbortSignal.timeout(input.stopAfterMs);
  let records = 0;

  const walk = async (spec: (typeof catalog)[number]): Promise<void> => {
    const client = new XSeriesClient({
      domainPrefix: 'bench',
      token: input.token,
      apiBaseUrl: input.apiBaseUrl,
      pageSize: input.pageSize,
      rateBudget,
      onEvent,
    });
    try {
      for await (const page of client.pages(spec, { after: 0, signal })) {
        records += page.records.length;
      }
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  };

  const started = performance.now();
  await Promise.all(catalog.map(walk));
  const first = sentAt[0] ?? started;

  return {
    durationMs: performance.now() - started,
    records,
    tooManyRequests,
    requestOffsetsMs: sentAt.map((time) => Math.round(time - first)),
  };
});
