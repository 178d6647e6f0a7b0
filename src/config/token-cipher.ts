import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { LightspeedSyncError } from '../errors/lightspeed-sync-error.ts';

const sealedPrefix = 'aes-256-gcm:v1:';
const plainPrefix = 'plain:';

/**
 * Seals tokens for storage in a shared database with AES-256-GCM under a key derived (scrypt)
 * from a secret such as LIGHTSPEED_SECRET_KEY. The source name is bound as associated data, so
 * a sealed token copied to another source's row does not open. Without a secret tokens are
 * stored as they are, marked `plain:`.
 */
export class TokenCipher {
  readonly #key: Buffer | undefined;

  constructor(secret: string | undefined) {
    this.#key =
      secret === undefined || secret === ''
        ? undefined
        : scryptSync(secret, 'lightspeed-sync/token-key/v1', 32);
  }

  /** Whether tokens are encrypted (a secret was given). */
  get encrypts(): boolean {
    return this.#key !== undefined;
  }

  /** Returns the stored form of a source's token. */
  seal(token: string, sourceName: string): string {
    // Known shortcoming: without LIGHTSPEED_SECRET_KEY the token is stored in clear, protected
    // only by the database's role permissions. Acceptable for a single-team database; setting
    // the secret on every worker (and running `link` again) encrypts it.
    if (!this.#key) return `${plainPrefix}${token}`;

    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(sourceName, 'utf8'));
    const body = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'));

    return `${sealedPrefix}${parts.join(':')}`;
  }

  /** Returns the token from its stored form; throws when it cannot be opened. */
  open(stored: string, sourceName: string): string {
    if (stored.startsWith(plainPrefix)) return stored.slice(plainPrefix.length);

    if (!stored.startsWith(sealedPrefix)) throw unreadable(sourceName, 'unknown format');

    if (!this.#key) {
      throw new LightspeedSyncError(
        'secret_key_missing',
        `The token of "${sourceName}" is encrypted but LIGHTSPEED_SECRET_KEY is not set. Set ` +
          'it to the secret used when the source was linked.',
        { details: { source: sourceName } },
      );
    }

    const [iv, tag, body] = stored
      .slice(sealedPrefix.length)
      .split(':')
      .map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !body) throw unreadable(sourceName, 'truncated value');

    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv);
      decipher.setAAD(Buffer.from(sourceName, 'utf8'));
      decipher.setAuthTag(tag);

      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch (error) {
      throw unreadable(sourceName, 'wrong LIGHTSPEED_SECRET_KEY or altered value', error);
    }
  }
}

function unreadable(sourceName: string, why: string, cause?: unknown): LightspeedSyncError {
  return new LightspeedSyncError(
    'token_unreadable',
    `The stored token of "${sourceName}" cannot be read (${why}). Check LIGHTSPEED_SECRET_KEY, ` +
      'or link the source again to store a new token.',
    { cause, details: { source: sourceName } },
  );
}
