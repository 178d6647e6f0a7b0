import type { EventSink } from '../events/sync-event.ts';
import type { AlertLedger } from './alert-ledger.ts';
import type { TableKey } from './table-locks.ts';

/** Why a table needs a person: its sync failed, its data is old, or its token was refused. */
export type AlertKind = 'failed' | 'stale' | 'halted';

/** The JSON body posted to the alert webhook; it never holds a token. */
export interface TableAlert {
  source: string;
  /** The table, or `*` when the whole source is halted. */
  table: string;
  kind: AlertKind;
  message: string;
  /** ISO time the alert was raised. */
  at: string;
}

/** Where alerts go. */
export interface AlerterOptions {
  ledger: AlertLedger;
  /** URL that receives each alert as a JSON POST. Default: none, alerts are only events. */
  webhookUrl?: string | undefined;
  /** Time allowed for the webhook to answer, in ms. Default 10_000. */
  webhookTimeoutMs?: number;
  onEvent: EventSink;
}

/**
 * Raises each alert once per problem (the ledger decides), as an `alert_raised` event and a
 * POST to the webhook; closes a table's alerts when it is healthy again.
 */
export class Alerter {
  readonly #options: AlerterOptions;

  constructor(options: AlerterOptions) {
    this.#options = options;
  }

  /** Raises an alert unless the same one is open; resolves whether it was raised. */
  async raise(key: TableKey, kind: AlertKind, message: string): Promise<boolean> {
    if (!(await this.#options.ledger.open(key, kind))) return false;

    const alert: TableAlert = { ...key, kind, message, at: new Date().toISOString() };
    const delivered = await this.#post(alert);
    this.#options.onEvent({
      type: 'alert_raised',
      level: kind === 'stale' ? 'warn' : 'error',
      ...alert,
      delivered,
    });

    return true;
  }

  /** Closes the table's open alerts (of the given kinds, default all). */
  async resolve(key: TableKey, kinds?: readonly AlertKind[]): Promise<void> {
    await this.#options.ledger.close(key, kinds);
  }

  async #post(alert: TableAlert): Promise<boolean> {
    const url = this.#options.webhookUrl;
    if (!url) return false;

    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alert),
        signal: AbortSignal.timeout(this.#options.webhookTimeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      if (response.ok) return true;

      this.#warn(`the alert webhook answered HTTP ${response.status}`);
    } catch (error) {
      this.#warn(`the alert webhook could not be reached: ${(error as Error).message}`);
    }

    return false;
  }

  #warn(message: string): void {
    this.#options.onEvent({ type: 'log', level: 'warn', message });
  }
}
