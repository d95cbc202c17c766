// Slack tokens at rest: AES-256-GCM with a key id; the key from TOKEN_ENCRYPTION_KEY or a 0600 file.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokenCipher, TokenCipher, TokenKeyError } from '../../src/slack/token-cipher.ts';

describe('token cipher', () => {
  it('seals a token so that neither it nor the key shows, and opens it again', () => {
    const key = randomBytes(32);
    const cipher = new TokenCipher(key);
    const sealed = cipher.seal('xoxb-1-secret-token');
    expect(sealed).not.toContain('secret');
    expect(sealed.split('.')).toHaveLength(4);
    expect(sealed.startsWith(`${cipher.keyId}.`)).toBe(true);
    expect(cipher.seal('xoxb-1-secret-token')).not.toBe(sealed);
    expect(cipher.open(sealed)).toBe('xoxb-1-secret-token');
  });

  it('refuses a token sealed with another key, naming both key ids, and a tampered one', () => {
    const a = new TokenCipher(randomBytes(32));
    const b = new TokenCipher(randomBytes(32));
    const sealed = a.seal('xoxb-2');
    expect(() => b.open(sealed)).toThrow(TokenKeyError);
    expect(() => b.open(sealed)).toThrow(a.keyId);
    const parts = sealed.split('.');
    const data = Buffer.from(parts[3]!, 'base64url');
    data[0] = data[0]! ^ 1;
    expect(() => a.open([parts[0], parts[1], parts[2], data.toString('base64url')].join('.'))).toThrow();
  });

  it('takes the configured key, else makes a key file readable only by the app and keeps it', async () => {
    const key = randomBytes(32);
    const configured = await loadTokenCipher(key.toString('base64'), '/nonexistent');
    expect(configured.keyId).toBe(new TokenCipher(key).keyId);
    const dir = await mkdtemp(path.join(tmpdir(), 'token-key-'));
    const first = await loadTokenCipher(undefined, dir);
    const file = path.join(dir, 'token-encryption.key');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadTokenCipher(undefined, dir);
    expect(second.keyId).toBe(first.keyId);
    expect(second.open(first.seal('xoxb-3'))).toBe('xoxb-3');
    expect((await readFile(file, 'utf8')).trim()).toHaveLength(44);
    await expect(loadTokenCipher('too-short', dir)).rejects.toThrow(/32 random bytes/);
  });
});
