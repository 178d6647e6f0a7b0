import type { SourceConfig } from './source-config.ts';

/** Where linked sources and their tokens are kept. */
export interface SourceStore {
  /** Every linked source, by name. */
  list(): Promise<SourceConfig[]>;
  /** One source, or undefined. */
  get(name: string): Promise<SourceConfig | undefined>;
  /** Creates or replaces a source; `token` replaces the stored token when given. */
  save(source: SourceConfig, token?: string): Promise<void>;
  /** Forgets a source and its token. */
  remove(name: string): Promise<void>;
  /** The source's token, or undefined. Never logged, never sent to a browser. */
  readToken(name: string): Promise<string | undefined>;
}
