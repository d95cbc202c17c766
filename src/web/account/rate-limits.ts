// Login, registration and forgotten-password requests are limited per client address and per email address (in memory: one
// process serves the pages). The email key slows down guessing one person's password from many
// addresses; the address key slows down one client trying many emails.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface Limits {
  /** resolves when allowed; rejects with the wait in seconds when over the limit */
  consume(ip: string, email: string): Promise<void>;
  /** a successful login forgets the email's failed attempts */
  reward(email: string): Promise<void>;
}

export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('too many attempts');
  }
}

function limits(perIp: number, perEmail: number, durationSeconds: number, prefix: string): Limits {
  const byIp = new RateLimiterMemory({ keyPrefix: `${prefix}-ip`, points: perIp, duration: durationSeconds });
  const byEmail = new RateLimiterMemory({ keyPrefix: `${prefix}-email`, points: perEmail, duration: durationSeconds });
  return {
    async consume(ip, email) {
      try {
        await byIp.consume(ip || 'unknown');
        if (email) await byEmail.consume(email);
      } catch (err) {
        if (err instanceof RateLimiterRes) throw new TooManyAttempts(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
        throw err;
      }
    },
    async reward(email) {
      await byEmail.delete(email);
    },
  };
}

export const loginLimits = () => limits(30, 5, 15 * 60, 'login');
export const registrationLimits = () => limits(10, 3, 60 * 60, 'register');
export const passwordResetLimits = () => limits(10, 3, 60 * 60, 'password-reset');
