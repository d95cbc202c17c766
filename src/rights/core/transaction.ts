// Transactions that a change runs in, and the row locks that serialise changes to one environment or
// one organisation.
import type { Prisma as PrismaNS } from '../../generated/prisma/client.ts';
import { decisionCache } from '../authorization/decision-cache.ts';
import { withServiceClock } from './clock.ts';
import type { RightsDeps } from './deps.ts';

export type Tx = PrismaNS.TransactionClient;

/**
 * Runs `fn` in a transaction; retries a few times when PostgreSQL reports a serialisation failure or
 * deadlock (two administrators clicking at once), so callers see either success or a domain error.
 * A unique violation (P2002) is retried too: it means a concurrent change inserted the same row
 * (two invitations of one address, one organisation name) after this one checked, and the retry's
 * own check then reports it as a domain error instead of a raw database error.
 * Once it commits, this process's cached decisions are forgotten (decision-cache.ts).
 */
export async function transaction<T>(deps: RightsDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await deps.prisma.$transaction((tx) => withServiceClock(deps, () => fn(tx)), { maxWait: 10_000, timeout: 20_000 });
      // This process's own change is seen by its next decision at once, before the database's
      // announcement of it comes back (every process hears that one, this one included).
      decisionCache(deps.changes)?.forgetAll();
      return result;
    } catch (err) {
      const code = (err as { code?: string }).code;
      // PGlite's adapter passes some PostgreSQL errors through with their SQLSTATE as the cause's code.
      const state = (err as { cause?: { code?: string } }).cause?.code;
      const retryable =
        code === 'P2034' || code === 'P2002' || state === '23505' || state === '40001' || state === '40P01' ||
        /deadlock detected|could not serialize/i.test(String((err as Error).message));
      if (!retryable || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

/** Serialises changes that must keep an environment's invariants (rule 8). */
export async function lockEnvironment(tx: Tx, environmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Environment" WHERE id = ${environmentId} FOR UPDATE`;
}

/** Serialises changes to one organisation's memberships (rule 8). */
export async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
}
