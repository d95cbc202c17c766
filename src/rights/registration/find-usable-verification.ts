// Finds the email verification behind a registration link and says exactly why a link no longer works.
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import type { Tx } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

/** The verification behind a link, or a message that says why the link no longer works. */
export async function findUsableVerification(db: Tx | RightsDeps['prisma'], deps: RightsDeps, token: unknown) {
  const invalid = new AppError('verification_invalid', 'rights.registration.invalid');
  if (!looksLikeToken(token)) throw invalid;
  const v = await db.emailVerification.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!v) throw invalid;
  if (v.usedAt) throw new AppError('verification_invalid', 'rights.registration.used');
  if (v.expiresAt.getTime() <= nowOf(deps).getTime()) {
    throw new AppError('verification_invalid', 'rights.registration.expired');
  }
  return v;
}
