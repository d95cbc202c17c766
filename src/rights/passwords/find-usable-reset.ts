// Finds the forgotten-password request behind a link and says exactly why a link no longer works.
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import type { Tx } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

export async function findUsableReset(db: Tx | RightsDeps['prisma'], deps: RightsDeps, token: unknown) {
  const invalid = new AppError('password_reset_invalid', 'This password link is not valid. Check that you opened the whole link from the email, or ask for a new one.');
  if (!looksLikeToken(token)) throw invalid;
  const reset = await db.passwordReset.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, expiresAt: true, usedAt: true, revokedAt: true,
      user: { select: { id: true, email: true, name: true, status: true, locale: true, environmentId: true, environment: { select: { locale: true } } } },
    },
  });
  if (!reset) throw invalid;
  if (reset.usedAt) throw new AppError('password_reset_used', 'This password link was already used. Log in with your new password, or ask for a new link.');
  // A newer link, a new password, or an account that was blocked or removed since: the link is over.
  if (reset.revokedAt || reset.user.status !== 'ACTIVE') {
    throw new AppError('password_reset_revoked', 'This password link no longer works: a newer one was sent, or the password was changed since. Use the newest email, or ask for a new link.');
  }
  if (reset.expiresAt.getTime() <= nowOf(deps).getTime()) {
    throw new AppError('password_reset_expired', 'This password link has expired. Ask for a new one.');
  }
  return reset;
}
