// Slows down guessing activation tokens: an address that opened too many links that do not exist is
// refused for a while (the counters are in the database, shared by every process). Real links that expired or
// were used do not count; those are people, not guesses.
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Prisma } from '../../db/database.ts';

export interface WrongTokenLimiter {
  /** seconds to wait when the address is over the limit, else 0 */
  blockedFor(ip: string): Promise<number>;
  /** counts a wrong token from the address */
  wrongToken(ip: string): Promise<void>;
}

export function wrongTokenLimiter(store: Prisma, keyPrefix: string, points = 10, durationSeconds = 15 * 60): WrongTokenLimiter {
  const limiter = new RateLimiterPrisma({ storeClient: store, tableName: 'rateLimiterFlexible', keyPrefix, points, duration: durationSeconds, clearExpiredByTimeout: false });
  return {
    async blockedFor(ip) {
      const res = await limiter.get(ip || 'unknown');
      return res && res.consumedPoints >= points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : 0;
    },
    async wrongToken(ip) {
      try {
        await limiter.consume(ip || 'unknown');
      } catch (err) {
        if (!(err instanceof RateLimiterRes)) throw err;
      }
    },
  };
}
