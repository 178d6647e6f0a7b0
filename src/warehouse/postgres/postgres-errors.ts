import { errorMessage, LightspeedSyncError } from '../../errors/lightspeed-sync-error.ts';

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
]);

/**
 * Translates a PostgreSQL or network failure into an error saying what to do, or returns
 * undefined when it is none of the known cases. `location` is the URL without its password;
 * the driver's own messages never carry the password either.
 */
export function postgresConnectionError(
  error: unknown,
  location: string,
  schema: string,
): LightspeedSyncError | undefined {
  if (error instanceof LightspeedSyncError) return error;

  const code = (error as { code?: unknown } | null)?.code;
  const message = errorMessage(error);
  const details = { location };
  if (
    (typeof code === 'string' && unreachableCodes.has(code)) ||
    /timeout expired|connection terminated|connect ETIMEDOUT/i.test(message)
  ) {
    return new LightspeedSyncError(
      'warehouse_unreachable',
      `Cannot reach PostgreSQL at ${location} (${typeof code === 'string' ? code : message}). ` +
        'Check that the server is running and that the host and port in the URL are right.',
      { cause: error, details },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new LightspeedSyncError(
      'warehouse_auth_failed',
      `PostgreSQL at ${location} refused the login (${message}). Check the user name and ` +
        'password in the URL.',
      { cause: error, details },
    );
  }
  if (code === '3D000') {
    return new LightspeedSyncError(
      'warehouse_database_missing',
      `The database in ${location} does not exist (${message}). Create it first, e.g. ` +
        '`createdb <name>`, or fix the database name in the URL.',
      { cause: error, details },
    );
  }
  if (code === '42501') {
    return new LightspeedSyncError(
      'warehouse_permission_denied',
      `The PostgreSQL user of ${location} may not create or write the schema "${schema}" ` +
        `(${message}). Grant it, e.g. \`GRANT CREATE ON DATABASE <db> TO <user>\`, or create ` +
        'the schema as its owner.',
      { cause: error, details: { ...details, schema } },
    );
  }
  if (code === '53100') {
    return new LightspeedSyncError(
      'warehouse_disk_full',
      `The PostgreSQL server at ${location} is out of disk space; nothing of the failed write ` +
        'was kept. Free some space and run the sync again.',
      { cause: error, details },
    );
  }

  return undefined;
}
