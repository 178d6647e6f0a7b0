import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';
import type { SourceConfig } from './source-config.ts';
import type { SourceStore } from './source-store.ts';

/**
 * Keeps sources in `sources.json` and tokens in `tokens.json` inside a folder only its owner
 * can enter (mode 0700, files 0600). Writes go to a temporary file renamed into place, so a
 * crash never leaves a half-written file.
 */
export class FileSourceStore implements SourceStore {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async list(): Promise<SourceConfig[]> {
    return (await this.readJson<SourceConfig[]>('sources.json')) ?? [];
  }

  async get(name: string): Promise<SourceConfig | undefined> {
    return (await this.list()).find((source) => source.name === name);
  }

  async save(source: SourceConfig, token?: string): Promise<void> {
    const sources = (await this.list()).filter((existing) => existing.name !== source.name);
    sources.push(source);
    sources.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    await this.writeJson('sources.json', sources);

    if (token !== undefined) {
      const tokens = (await this.readJson<Record<string, string>>('tokens.json')) ?? {};
      tokens[source.name] = token;
      await this.writeJson('tokens.json', tokens);
    }
  }

  async remove(name: string): Promise<void> {
    const sources = (await this.list()).filter((existing) => existing.name !== name);
    await this.writeJson('sources.json', sources);
    const tokens = (await this.readJson<Record<string, string>>('tokens.json')) ?? {};
    delete tokens[name];
    await this.writeJson('tokens.json', tokens);
  }

  async readToken(name: string): Promise<string | undefined> {
    const tokens = await this.readJson<Record<string, string>>('tokens.json');

    return tokens?.[name];
  }

  private async readJson<T>(file: string): Promise<T | undefined> {
    const path = join(this.dir, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.storeError(path, error);
    }

    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new LightspeedSyncError(
        'config_corrupt',
        `${path} is not valid JSON. Fix or delete it, then link the source again.`,
        { cause: error, details: { path } },
      );
    }
  }

  private async writeJson(file: string, value: unknown): Promise<void> {
    const path = join(this.dir, file);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await chmod(this.dir, 0o700);
      await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, path);
    } catch (error) {
      throw this.storeError(path, error);
    }
  }

  private storeError(path: string, cause: unknown): LightspeedSyncError {
    return new LightspeedSyncError(
      'config_unwritable',
      `Cannot read or write ${path}: ${(cause as Error).message}. Check the folder's ` +
        'permissions, or set LIGHTSPEED_SYNC_HOME to a folder you own.',
      { cause, details: { path } },
    );
  }
}
