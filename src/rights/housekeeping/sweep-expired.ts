// Housekeeping: rows that only ever mattered for a short while. Expired or used email verifications
// and forgotten-password links, ended sessions, "Add to Slack" states and request-id records (Slack retries come within minutes) are deleted a day after
// they stopped mattering. Invitations, users and audit events are history and stay.
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';

const DAY = 24 * 3600_000;

export async function sweepExpired(deps: RightsDeps) {
  const cutoff = new Date(nowOf(deps).getTime() - DAY);
  const [verifications, passwordResets, sessions, requestIds, counters] = await Promise.all([
    deps.prisma.emailVerification.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { usedAt: { lt: cutoff } }] } }),
    deps.prisma.passwordReset.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { usedAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } }),
    deps.prisma.session.deleteMany({ where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] } }),
    deps.prisma.idempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff } } }),
    // rate-limit counters whose window ended (the web pages' limits)
    deps.prisma.rateLimiterFlexible.deleteMany({ where: { expire: { lt: nowOf(deps) } } }),
  ]);
  // "Add to Slack" states live 10 minutes; nothing is reported about them
  await deps.prisma.slackInstallState.deleteMany({ where: { expiresAt: { lt: cutoff } } });
  return { verifications: verifications.count, passwordResets: passwordResets.count, sessions: sessions.count, requestIds: requestIds.count, rateLimitCounters: counters.count };
}
