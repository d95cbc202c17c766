import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { hashToken, looksLikeToken } from '../secrets.ts';

/** Logout: the session stops working at once. */
export async function endSession(deps: RightsDeps, token: unknown): Promise<void> {
  if (!looksLikeToken(token)) return;
  await deps.prisma.session.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: nowOf(deps) } });
}
