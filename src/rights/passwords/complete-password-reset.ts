// The person opened the link from the forgotten-password email and chose a new password. The link
// works once; the new password ends every session of the account (whoever else was logged in with
// the old password is logged out) and every other open link.
import { z } from 'zod';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { parseInput, issue } from '../input.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { hashPassword } from '../secrets.ts';
import { findUsableReset } from './find-usable-reset.ts';

const input = z.object({
  token: z.string({ error: issue('rights.reset.openLinkAgain') }),
  password: z.string({ error: issue('rights.input.choosePassword') }),
});

export async function completePasswordReset(deps: RightsDeps, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  // Check the link before the (deliberately slow) password hash, so a dead link answers at once.
  const preview = await findUsableReset(deps.prisma, deps, data.token);
  await checkPasswordStrength(data.password, [preview.user.email, ...(preview.user.name ? [preview.user.name] : [])]);
  const passwordHash = await hashPassword(data.password);
  return transaction(deps, async (tx) => {
    const reset = await findUsableReset(tx, deps, data.token);
    const now = nowOf(deps);
    // Single use even when two tabs submit at once: only one update finds it unused.
    const claimed = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError('password_reset_used', 'rights.reset.used');
    await tx.passwordReset.updateMany({ where: { userId: reset.user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    await tx.user.update({ where: { id: reset.user.id }, data: { passwordHash } });
    const ended = await tx.session.updateMany({ where: { userId: reset.user.id, revokedAt: null }, data: { revokedAt: now } });
    await audit(tx, {
      environmentId: reset.user.environmentId,
      actor: { userId: reset.user.id },
      action: 'user.password_reset',
      targetType: 'user',
      targetId: reset.user.id,
      details: { email: reset.user.email, resetId: reset.id, sessionsEnded: ended.count },
    });
    return { user: { id: reset.user.id, email: reset.user.email, environmentId: reset.user.environmentId }, sessionsEnded: ended.count };
  });
}
