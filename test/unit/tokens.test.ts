// Tokens: at least 128 bits from the CSPRNG, stored hashed, compared in constant time (rule 6).
import { describe, expect, it } from 'vitest';
import { hashPassword, hashToken, looksLikeToken, newToken, sameHash, verifyPassword } from '../../src/rights/secrets.ts';

describe('tokens', () => {
  it('carry at least 128 random bits, URL-safe', () => {
    const t = newToken();
    expect(Buffer.from(t, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(t).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(looksLikeToken(t)).toBe(true);
  });

  it('never repeat and use every byte value (a crude CSPRNG check: no constant or counter output)', () => {
    const tokens = Array.from({ length: 2000 }, newToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    const bytes = Buffer.concat(tokens.map((t) => Buffer.from(t, 'base64url')));
    const seen = new Set(bytes);
    expect(seen.size).toBe(256);
    const ones = [...bytes].reduce((n, b) => n + b.toString(2).split('1').length - 1, 0);
    expect(ones / (bytes.length * 8)).toBeGreaterThan(0.48);
    expect(ones / (bytes.length * 8)).toBeLessThan(0.52);
  });

  it('are stored as SHA-256, never as themselves', () => {
    const t = newToken();
    const h = hashToken(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain(t);
    expect(hashToken(t)).toBe(h);
    expect(hashToken(`${t}x`)).not.toBe(h);
  });

  it('compare hashes in constant time and refuse different lengths or junk', () => {
    const h = hashToken(newToken());
    expect(sameHash(h, h)).toBe(true);
    expect(sameHash(h, hashToken(newToken()))).toBe(false);
    expect(sameHash(h, h.slice(0, 62))).toBe(false);
    expect(sameHash(h, 'zz')).toBe(false);
    expect(sameHash(h, '')).toBe(false);
  });

  it('looksLikeToken refuses anything but a 43-character base64url string', () => {
    for (const bad of [undefined, null, 42, '', 'a'.repeat(42), 'a'.repeat(44), `${'a'.repeat(42)}=`, `${'a'.repeat(42)}/`, "' OR 1=1 --"]) {
      expect(looksLikeToken(bad)).toBe(false);
    }
  });
});

describe('passwords', () => {
  it('are hashed with argon2id, salted, and verified', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^\$argon2id\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(a, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
