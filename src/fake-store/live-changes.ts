import { SeededRandom } from './seeded-random.ts';
import type { ChangeBatch } from './store-changes.ts';

/** A steady background stream of changes. */
export interface LiveChangesOptions {
  /** Changes per second: about 30% creates, 60% updates, 10% deletes. */
  perSecond: number;
}

const tickMs = 100;

/**
 * Applies `perSecond` changes per second in small batches every 100 ms. The timer is unref'd
 * so it never keeps a process alive; call the returned function to stop it.
 */
export function startLiveChanges(
  options: LiveChangesOptions,
  seed: number,
  apply: (batch: ChangeBatch) => void,
): () => void {
  const random = new SeededRandom(seed, 400);
  let budget = 0;
  const timer = setInterval(() => {
    budget += (options.perSecond * tickMs) / 1000;
    const batch = { creates: 0, updates: 0, deletes: 0 };
    for (; budget >= 1; budget--) {
      const roll = random.next();
      if (roll < 0.3) batch.creates++;
      else if (roll < 0.9) batch.updates++;
      else batch.deletes++;
    }
    if (batch.creates + batch.updates + batch.deletes > 0) apply(batch);
  }, tickMs);
  timer.unref();

  return () => clearInterval(timer);
}
