/** Keeps one rate budget per store, so every client of the same store in a process shares it. */
import { RateBudget } from './rate-budget.ts';

const budgets = new Map<string, RateBudget>();

/** Returns the process-wide rate budget of the store at `baseUrl`, creating it on first use. */
export function sharedRateBudget(baseUrl: string): RateBudget {
  const existing = budgets.get(baseUrl);
  if (existing) return existing;

  const budget = new RateBudget();
  budgets.set(baseUrl, budget);

  return budget;
}
