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

/**
 * What the database says about changes of rights (every process's, at commit): the decision cache
 * of `authorize` is used only while `live()` is true and forgets what each change names. A feed that
 * lost its connection says `lost()` (it may have missed changes) and is not live until it listens again.
 */
export interface RightsChanges {
  live(): boolean;
  subscribe(listener: RightsChangeListener): () => void;
}

export interface RightsChangeListener {
  /** `u:<user id>:<email>`, `m:<user id>` or `*` (see the migration rights_changes) */
  changed(what: string): void;
  /** changes may have been missed: forget everything */
  lost(): void;
}

export interface RightsDeps {
  prisma: Prisma;
  /** changes of rights as the database reports them; unset: decisions are never cached */
  changes?: RightsChanges;
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
