// Slack tokens at rest: AES-256-GCM with a fresh 96-bit IV per token, the key's id stored beside the
// ciphertext, and the key outside the database (TOKEN_ENCRYPTION_KEY, else ./data/token-encryption.key
// made on first start, readable only by the app). A database dump alone reveals no token.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class TokenKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenKeyError';
  }
}

export class TokenCipher {
  /** the first 8 hex digits of the key's SHA-256: says which key sealed a token, never the key */
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new TokenKeyError('the token encryption key must be 32 bytes');
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 8);
  }

  /** "<key id>.<iv>.<tag>.<ciphertext>", base64url parts */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(this.keyId));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [this.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [keyId, iv, tag, data] = sealed.split('.');
    if (!keyId || !iv || !tag || data === undefined) throw new TokenKeyError('a stored Slack token is not in the expected format');
    if (keyId !== this.keyId) {
      throw new TokenKeyError(`a stored Slack token was encrypted with key ${keyId}, but the key in use is ${this.keyId}: restore TOKEN_ENCRYPTION_KEY (or ./data/token-encryption.key), or reinstall the app in that workspace`);
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}

const KEY_FILE = 'token-encryption.key';

/**
 * The key: TOKEN_ENCRYPTION_KEY (32 bytes, base64 or hex) when set, else the key file in the data
 * folder, made with mode 0600 on first use. Every process sharing a database must share the key.
 */
export async function loadTokenCipher(configured: string | undefined, dataDir: string): Promise<TokenCipher> {
  if (configured) return new TokenCipher(parseKey(configured));
  const file = path.join(dataDir, KEY_FILE);
  try {
    return new TokenCipher(parseKey((await readFile(file, 'utf8')).trim()));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await mkdir(dataDir, { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // another process made it first: use theirs
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  await chmod(file, 0o600);
  return new TokenCipher(parseKey((await readFile(file, 'utf8')).trim()));
}

export function parseKey(text: string): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new TokenKeyError('the token encryption key must be 32 random bytes, written as base64 or 64 hex digits (e.g. `openssl rand -base64 32`)');
  return key;
}
