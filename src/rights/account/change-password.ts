// A logged-in person changes their password: the current one is required (a borrowed, unlocked
// browser is not enough), the new one passes the same strength check as everywhere, and every other
// session of the account ends; the one they use stays.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { parseInput, issue } from '../input.ts';
import { checkPasswordStrength, MAX_PASSWORD } from '../password-policy.ts';
import { hashPassword, hashToken, looksLikeToken, verifyPassword } from '../secrets.ts';

const input = z.object({
  current: z.string({ error: issue('rights.input.enterCurrentPassword') }).min(1, issue('rights.input.enterCurrentPassword')).max(MAX_PASSWORD, issue('rights.password.notCurrent')),
  password: z.string({ error: issue('rights.input.chooseNewPassword') }),
  /** the session the change is made from: it stays */
  sessionToken: z.string().optional(),
});

export async function changePassword(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  const me = await deps.prisma.user.findUnique({ where: { id: actor.userId }, select: { email: true, name: true, passwordHash: true } });
  if (!(await verifyPassword(me?.passwordHash, data.current)) || !me) {
    throw new AppError('invalid_input', 'rights.password.notCurrent', {}, 'current');
  }
  await checkPasswordStrength(data.password, [me.email, ...(me.name ? [me.name] : [])]);
  const passwordHash = await hashPassword(data.password);
  const keep = data.sessionToken && looksLikeToken(data.sessionToken) ? hashToken(data.sessionToken) : null;
  return transaction(deps, async (tx) => {
    const user = await requireActor(tx, actor, 'account:update');
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(keep ? { tokenHash: { not: keep } } : {}) },
      data: { revokedAt: nowOf(deps) },
    });
    await audit(tx, { environmentId: user.environmentId, actor, action: 'user.password_changed', targetType: 'user', targetId: user.id, details: { sessionsEnded: ended.count } });
    return { sessionsEnded: ended.count };
  });
}
