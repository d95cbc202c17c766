// Limits on login, registration, forgotten-password requests and wrong link tokens. The counters live
// in the database (rate-limiter-flexible's Prisma store, table "RateLimiterFlexible"), so every
// process that serves the pages shares them, on the embedded database too.
//
// Login follows OWASP's Authentication Cheat Sheet ("device cookies"): an attacker must not be able to
// lock a person out. A browser that logged in to an account before carries a signed device cookie
// for it and has its own counter, untouched by anyone else's failures. Other clients ("strangers")
// are counted per client address, per client address and account, and per account: once an account
// has had too many failures from strangers, each stranger client gets a single attempt for it (so
// the person, typing their password right from a new client, still gets in) until the window ends.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Prisma } from '../../db/database.ts';

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many attempts');
  }
}

type Store = Prisma;

function counter(store: Store, keyPrefix: string, points: number, duration: number) {
  // Expired rows are deleted by the hourly housekeeping (sweepExpired), not by a timer per limiter.
  return new RateLimiterPrisma({ storeClient: store, tableName: 'rateLimiterFlexible', keyPrefix, points, duration, clearExpiredByTimeout: false });
}

const waitOf = (res: RateLimiterRes | null) => Math.max(1, Math.ceil((res?.msBeforeNext ?? 1000) / 1000));

export interface Limits {
  /** resolves when allowed; rejects with TooManyAttempts when over the limit */
  consume(ip: string, email: string): Promise<void>;
  /** forgets the email's attempts */
  reward(email: string): Promise<void>;
}

/** Every request counts: per client address and per email address (registration, forgotten password). */
function limits(store: Store, perIp: number, perEmail: number, durationSeconds: number, prefix: string): Limits {
  const byIp = counter(store, `${prefix}-ip`, perIp, durationSeconds);
  const byEmail = counter(store, `${prefix}-email`, perEmail, durationSeconds);
  return {
    async consume(ip, email) {
      try {
        await byIp.consume(ip || 'unknown');
        if (email) await byEmail.consume(email);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw new TooManyAttempts(waitOf(err));
        throw err;
      }
    },
    async reward(email) {
      await byEmail.delete(email);
    },
  };
}

export const registrationLimits = (store: Store) => limits(store, 10, 3, 60 * 60, 'register');
export const passwordResetLimits = (store: Store) => limits(store, 10, 3, 60 * 60, 'password-reset');

/** Who is trying: the client address, the account's email and, when the browser carries a valid device cookie for that account, its id. */
export interface LoginAttempt {
  ip: string;
  email: string;
  device?: string | null;
}

export interface LoginThrottle {
  /** rejects with TooManyAttempts when this client may not try this account now */
  check(a: LoginAttempt): Promise<void>;
  failed(a: LoginAttempt): Promise<void>;
  succeeded(a: LoginAttempt): Promise<void>;
}

const WINDOW = 15 * 60;

export function loginThrottle(store: Store, o = { perIp: 30, perClientAndAccount: 5, perAccount: 5, perDevice: 10 }): LoginThrottle {
  const byIp = counter(store, 'login-ip', o.perIp, WINDOW);
  const byPair = counter(store, 'login-pair', o.perClientAndAccount, WINDOW);
  const byAccount = counter(store, 'login-account', o.perAccount, WINDOW);
  const byDevice = counter(store, 'login-device', o.perDevice, WINDOW);
  const pairKey = (a: LoginAttempt) => `${a.ip || 'unknown'} ${a.email}`;
  const over = (res: RateLimiterRes | null, points: number) => (res && res.consumedPoints >= points ? res : null);
  return {
    async check(a) {
      if (a.device) {
        const d = over(await byDevice.get(a.device), o.perDevice);
        if (d) throw new TooManyAttempts(waitOf(d));
        return;
      }
      const ip = over(await byIp.get(a.ip || 'unknown'), o.perIp);
      if (ip) throw new TooManyAttempts(waitOf(ip));
      const pair = await byPair.get(pairKey(a));
      if (over(pair, o.perClientAndAccount)) throw new TooManyAttempts(waitOf(pair));
      // Many strangers have failed on this account: a stranger client that failed on it already waits.
      const account = over(await byAccount.get(a.email), o.perAccount);
      if (account && pair && pair.consumedPoints > 0) throw new TooManyAttempts(waitOf(account));
    },
    async failed(a) {
      if (a.device) {
        await byDevice.penalty(a.device);
        return;
      }
      await Promise.all([byIp.penalty(a.ip || 'unknown'), byPair.penalty(pairKey(a)), byAccount.penalty(a.email)]);
    },
    async succeeded(a) {
      if (a.device) await byDevice.delete(a.device);
      await byPair.delete(pairKey(a));
    },
  };
}

/**
 * The device cookie: `<device id>.<signature>`, the signature an HMAC of the device id and the
 * account's email with the app's own key, so it is valid for that account only and cannot be forged.
 */
export class DeviceCookies {
  constructor(
    private readonly key: string,
    private readonly secure: boolean,
  ) {}

  private get name() {
    return this.secure ? '__Host-ec_device' : 'ec_device';
  }

  private sign(id: string, email: string) {
    return createHmac('sha256', this.key).update(`device-cookie\n${id}\n${email}`).digest('base64url');
  }

  /** The device id when the browser's cookie is valid for `email`, else null. */
  deviceFor(req: Request, email: string): string | null {
    const value = (req.cookies as Record<string, string> | undefined)?.[this.name];
    const m = typeof value === 'string' ? /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value) : null;
    if (!m) return null;
    const expected = Buffer.from(this.sign(m[1]!, email));
    const given = Buffer.from(m[2]!);
    return expected.length === given.length && timingSafeEqual(expected, given) ? m[1]! : null;
  }

  /** After a successful login: keeps the browser's device id when it had one for this account, else a new one. */
  issue(req: Request, res: Response, email: string) {
    const id = this.deviceFor(req, email) ?? randomBytes(16).toString('base64url');
    res.cookie(this.name, `${id}.${this.sign(id, email)}`, { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/', maxAge: 365 * 24 * 3600_000 });
  }
}
