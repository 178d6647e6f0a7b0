/** Progress lines for the person running the bench. */
export type BenchLog = (line: string) => void;

/** What one bench run measures and at which sizes. */
export interface BenchPlan {
  /** Name printed with the results: `full`, `quick` or `tiny`. */
  mode: string;
  /** Sales of the large store (the other tables follow the fake store's default scale). */
  sales: number;
  /** Sales of the smaller store of the memory comparison. */
  memorySales: number;
  /** Page size the sync and the floors ask for. Default of the client: 5000. */
  pageSize: number;
  /** Share of the store's records changed for the incremental run. */
  changeShare: number;
  /** Whether the PostgreSQL sync and load floor run (a server on 127.0.0.1:5432). */
  postgres: boolean;
  rateLimited: RateLimitedPlan;
}

/** The rate-limited backfill: the real limit in a time-compressed window. */
export interface RateLimitedPlan {
  /** Sales of the store backfilled (one outlet, one register). */
  sales: number;
  /** Small pages, so the backfill spans several windows. */
  pageSize: number;
  /** The compressed window; the real one is 300,000 ms. */
  windowMs: number;
  /** Whole windows each backfill runs for before it is stopped. */
  windows: number;
  /** Requests per window. Default: the real 300 x registers + 50. */
  limit?: number;
}

/** The full bench: a million sales (about 10-20 minutes on 2 cores). */
export const fullPlan: BenchPlan = {
  mode: 'full',
  sales: 1_000_000,
  memorySales: 100_000,
  pageSize: 5000,
  changeShare: 0.01,
  postgres: true,
  rateLimited: { sales: 50_000, pageSize: 25, windowMs: 3000, windows: 5 },
};

/** `--quick`: the same figures on a store of 20,000 sales (about a minute). */
export const quickPlan: BenchPlan = {
  ...fullPlan,
  mode: 'quick',
  sales: 20_000,
  memorySales: 2_000,
  rateLimited: { sales: 50_000, pageSize: 25, windowMs: 3000, windows: 3 },
};

/** A few hundred sales, for the smoke test that keeps the bench from rotting. */
export const tinyPlan: BenchPlan = {
  ...fullPlan,
  mode: 'tiny',
  sales: 400,
  memorySales: 100,
  pageSize: 100,
  rateLimited: { sales: 300, pageSize: 10, windowMs: 500, windows: 2, limit: 25 },
};
