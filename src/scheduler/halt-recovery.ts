import { createHash } from 'node:crypto';
import { XSeriesClient } from '../api/xseries-client.ts';
import { errorMessage } from '../errors/lightspeed-sync-error.ts';
import type { RunSource } from './run-sources.ts';
import { connectionOf, type ScheduledEventSink } from './table-job-runner.ts';

/** How often a halted source's token is tried again when it did not change. Default 1 h. */
export const defaultHaltRecheckMs = 60 * 60_000;

/**
 * Decides when a halted source's token is checked again: at once on start, whenever the
 * stored token changes (someone linked it again), else every `recheckMs`.
 */
export class HaltRecovery {
  readonly #checked = new Map<string, { fingerprint: string; atMs: number }>();
  readonly #recheckMs: number;

  constructor(recheckMs = defaultHaltRecheckMs) {
    this.#recheckMs = recheckMs;
  }

  /** Checks the source's credentials when due; resolves true when they work again. */
  async recovered(run: RunSource, onEvent: ScheduledEventSink, signal: AbortSignal) {
    const name = run.source.name;
    const fingerprint = createHash('sha256').update(run.token).digest('hex');
    const last = this.#checked.get(name);
    const nowMs = Date.now();
    if (last && last.fingerprint === fingerprint && nowMs - last.atMs < this.#recheckMs) {
      return false;
    }

    this.#checked.set(name, { fingerprint, atMs: nowMs });
    try {
      await new XSeriesClient(connectionOf(run.source, run.token)).checkCredentials(signal);
    } catch (error) {
      onEvent(
        { type: 'log', level: 'info', message: `${name} stays halted: ${errorMessage(error)}` },
        name,
      );
      return false;
    }

    this.#checked.delete(name);

    return true;
  }
}
