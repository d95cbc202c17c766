// What every use case receives: the database, the clock, and the operator's options.
import type { Prisma } from '../../db/database.ts';

export interface RightsOptions {
  /** how long an invitation link works */
  invitationTtlMs: number;
  /** how long a registration verification link works */
  verificationTtlMs: number;
  /** how long a forgotten-password link works */
  passwordResetTtlMs: number;
  /** base of links in emails, without a trailing slash */
  publicUrl: string;
  /** shared mail domains beyond the maintained list */
  extraPublicDomains: string[];
}

export interface RightsDeps {
  prisma: Prisma;
  /** the service clock (see clock.ts); unset: the system clock */
  now?: () => Date;
  options: RightsOptions;
}

export const defaultOptions: RightsOptions = {
  invitationTtlMs: 7 * 24 * 3600_000,
  verificationTtlMs: 24 * 3600_000,
  passwordResetTtlMs: 3600_000,
  publicUrl: 'http://localhost:3000',
  extraPublicDomains: [],
};
