/**
 * The base of every error this project raises on purpose. `code` is a stable snake_case
 * identifier that callers, logs and the web app can switch on; `message` says what went wrong
 * and what the user can do about it. Messages never contain tokens or Authorization headers.
 */
export class LightspeedSyncError extends Error {
  /** Stable machine-readable identifier, e.g. `invalid_domain_prefix`. */
  readonly code: string;

  /** Extra structured context (never secrets): table name, URL, status, attempt... */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
  }

  /** A plain object for JSON output (NDJSON events, the web API, stored last errors). */
  toJSON(): { code: string; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

/** Returns the error's stable code, or `internal_error` for errors we did not raise. */
export function errorCode(error: unknown): string {
  return error instanceof LightspeedSyncError ? error.code : 'internal_error';
}

/** Returns a message safe to show a user or store in a row for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;

  return String(error);
}
