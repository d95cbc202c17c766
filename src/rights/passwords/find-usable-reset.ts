// Finds the forgotten-password request behind a link and says exactly why a link no longer works.
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import type { Tx } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

export async function findUsableReset(db: Tx | RightsDeps['prisma'], deps: RightsDeps, token: unknown) {
  const invalid = new AppError('password_reset_invalid', 'rights.reset.invalid');
  if (!looksLikeToken(token)) throw invalid;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, expiresAt: true, usedAt: true, revokedAt: true,
      user: { select: { id: true, email: true, name: true, status: true, locale: true, environmentId: true, environment: { select: { locale: true } } } },
    },
  });
  if (!reset) throw invalid;
  if (reset.usedAt) throw new AppError('password_reset_used', 'rights.reset.used');
  // A newer link, a new password, or an account that was blocked or removed since: the link is over.
  if (reset.revokedAt || reset.user.status !== 'ACTIVE') {
    throw new AppError('password_reset_revoked', 'rights.reset.revoked');
  }
  if (reset.expiresAt.getTime() <= nowOf(deps).getTime()) {
    throw new AppError('password_reset_expired', 'rights.reset.expired');
  }
  return reset;
}
