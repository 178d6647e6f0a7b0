import { configHome } from './config-home.ts';
import { isPostgresUrl } from './control-schema.ts';
import { FileSourceStore } from './file-source-store.ts';
import { PostgresSourceStore } from './postgres-source-store.ts';
import type { SourceStore } from './source-store.ts';

/** A source store with a way to release it. */
export interface OpenedSourceStore {
  store: SourceStore;
  /** Human-readable place, for messages (no password). */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the source store a URL names: `postgres://...` (from the argument or
 * LIGHTSPEED_SOURCE_STORE) for a store shared by many workers, else the user's folder.
 * LIGHTSPEED_SECRET_KEY, when set, encrypts the tokens kept in PostgreSQL.
 */
export function openSourceStore(
  url: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): OpenedSourceStore {
  const chosen = url || env.LIGHTSPEED_SOURCE_STORE;
  if (isPostgresUrl(chosen)) {
    const store = new PostgresSourceStore({ url: chosen, secretKey: env.LIGHTSPEED_SECRET_KEY });
    const location = chosen.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');

    return { store, location, close: () => store.close() };
  }

  const dir = chosen || configHome(env);

  return { store: new FileSourceStore(dir), location: dir, close: async () => undefined };
}
