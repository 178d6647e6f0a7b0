import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The folder holding linked sources and tokens: LIGHTSPEED_SYNC_HOME when set, else
 * `$XDG_CONFIG_HOME/lightspeed-sync`, else `~/.config/lightspeed-sync`.
 */
export function configHome(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIGHTSPEED_SYNC_HOME) return env.LIGHTSPEED_SYNC_HOME;

  const base = env.XDG_CONFIG_HOME || join(homedir(), '.config');

  return join(base, 'lightspeed-sync');
}
