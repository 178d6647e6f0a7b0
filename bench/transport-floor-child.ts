/**
 * Bench child: the transport floor. Pages the given tables over HTTP exactly as the sync asks
 * for them (same page size, same cursor walk, every table at once) and only parses each page.
 */
import { childInput, replyOnce } from './child-rpc.ts';
import type { TransportFloorInput, TransportFloorOutput } from './transport-floor.ts';

const input = childInput<TransportFloorInput>();

interface Envelope {
  data: { version: number }[];
  version?: { max: number | null } | null;
}

await replyOnce(async (): Promise<TransportFloorOutput> => {
  let requests = 0;
  let records = 0;
  let bytes = 0;
  const headers = { authorization: `Bearer ${input.token}`, accept: 'application/json' };

  const walk = async (table: TransportFloorInput['tables'][number]): Promise<void> => {
    const deleted = table.deletedParam ? '&deleted=true' : '';
    for (let after = 0; ; ) {
      const url =
        `${input.apiBaseUrl}/api/2.0${table.path}` +
        `?after=${after}&page_size=${input.pageSize}${deleted}`;
      const response = await fetch(url, { headers });
      const text = await response.text();
      requests += 1;
      bytes += text.length;
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);

      const page = JSON.parse(text) as Envelope;
      if (page.data.length === 0) return;

      records += page.data.length;
      after = page.version?.max ?? page.data[page.data.length - 1]?.version ?? after;
    }
  };

  const started = performance.now();
  await Promise.all(input.tables.map(walk));

  return {
    durationMs: performance.now() - started,
    requests,
    records,
    bytes,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
});
