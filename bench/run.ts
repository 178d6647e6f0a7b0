/**
 * `npm run bench`: measures full syncs, floors, memory, incremental syncs and a rate-limited
 * backfill in one run, prints a table and writes the figures as JSON.
 * Options: --quick (20,000 sales), --sales N, --no-postgres, --out FILE.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchPlan, fullPlan, quickPlan } from './bench-plan.ts';
import { formatReport } from './report-table.ts';
import { runBench } from './run-bench.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sales: { type: 'string' },
    'no-postgres': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});

const base = values.quick ? quickPlan : fullPlan;
const plan: BenchPlan = {
  ...base,
  ...(values.sales ? { sales: Number(values.sales) } : {}),
  postgres: !values['no-postgres'],
};
const defaultOut = values.quick ? 'results/quick.json' : 'results/latest.json';
const out = values.out ?? fileURLToPath(new URL(defaultOut, import.meta.url));

const started = Date.now();
const log = (line: string) => {
  const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(5);
  process.stderr.write(`[${seconds} s] ${line}\n`);
};

const results = await runBench(plan, log);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\n${formatReport(results).join('\n')}\n\nWrote ${out}\n`);
