/** Renders bench results as the table printed at the end of a run. */
import type { BenchResults } from './bench-results.ts';

type Row = [figure: string, value: string, target: string];

/** Returns the results as aligned text lines: figure, value, target. */
export function formatReport(results: BenchResults): string[] {
  const { machine, store, floors, incremental, memory, rateLimited } = results;
  const rows: Row[] = [
    ['machine', `${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB`, ''],
    ['versions', `Node ${machine.node}, DuckDB ${machine.duckdb}, PG ${machine.postgres}`, ''],
    ['load average start / end', `${machine.loadAverageAtStart} / ${results.loadAverageAtEnd}`, ''],
    [
      'store',
      `${count(store.sales)} sales, ${count(store.records)} records, ` +
        `${count(store.childRows)} child rows`,
      '',
    ],
    [
      'transport floor',
      `${floors.transport.seconds} s, ${count(floors.transport.recordsPerSecond)} records/s, ` +
        `${floors.transport.requests} requests, ${floors.transport.mebibytesReceived} MiB, ` +
        `peak RSS ${floors.transport.peakRssMiB} MiB`,
      '',
    ],
  ];
  for (const load of floors.load) {
    rows.push([
      `load floor ${load.warehouse}`,
      `${load.seconds} s, ${count(load.rowsPerSecond)} rows/s`,
      '',
    ]);
  }
  for (const sync of results.fullSync) {
    const name = `full sync ${sync.warehouse}`;
    rows.push(
      [
        name,
        `${sync.seconds} s, ${count(sync.recordsPerSecond)} records/s, ` +
          `${count(sync.rowsPerSecond)} rows/s${sync.ok ? '' : ' (FAILED)'}`,
        '',
      ],
      [`${name}: requests`, `${sync.requests} sent, ${sync.storeRequests} received`, ''],
      [`${name}: peak RSS, CPU`, `${sync.peakRssMiB} MiB, ${sync.cpuSeconds} s CPU`, '< 300 MiB'],
      [`${name}: x floors`, `${sync.vsTransportFloor}x transport, ${sync.vsLoadFloor}x load`, ''],
      [`${name}: x slower floor`, `${sync.vsSlowerFloor}x`, '<= 1.3x'],
    );
  }
  // The incremental syncs follow the DuckDB full sync; after a failed one they finish it first.
  const duckdbFailed = results.fullSync.some((sync) => sync.warehouse === 'duckdb' && !sync.ok);
  const afterFailure = duckdbFailed ? ' (after a failed full sync)' : '';
  rows.push(
    [
      'memory: DuckDB sync peak RSS',
      memory.points.map((point) => `${point.peakRssMiB} MiB @ ${count(point.sales)}`).join(', '),
      '< 300 MiB',
    ],
    ['memory: growth large / small', `${memory.growth}x`, 'flat (~1x)'],
    [
      `incremental, no changes${afterFailure}`,
      `${incremental.noChanges.seconds} s, ${incremental.noChanges.requests} requests ` +
        `for ${incremental.noChanges.tables} tables`,
      '1 request per table',
    ],
    [
      `incremental, ${incremental.changed.share * 100}% changed`,
      `${incremental.changed.seconds} s, ${incremental.changed.requests} requests, ` +
        `${count(incremental.changed.records)} records`,
      '',
    ],
  );
  const { client, sync } = rateLimited;
  for (const [name, backfill] of [
    ['client only', client],
    ['sync into DuckDB', sync],
  ] as const) {
    rows.push(
      [
        `rate-limited ${name}`,
        `${backfill.requests} requests, ${count(backfill.records)} records in ` +
          `${backfill.windows} windows of ${rateLimited.windowMs} ms (limit ${rateLimited.limit})`,
        '',
      ],
      [`rate-limited ${name}: allowance used`, percent(backfill.shareUsed), '>= 90%'],
      [`rate-limited ${name}: 429 answers`, String(backfill.tooManyRequests), '0'],
    );
  }

  return align(rows);
}

function align(rows: Row[]): string[] {
  const header: Row = ['figure', 'value', 'target'];
  const all = [header, ...rows];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...all.map((row) => (row[column] ?? '').length)),
  );
  const line = (row: Row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();

  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)];
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
