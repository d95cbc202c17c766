// Rule 1: an Administrator changes someone's environment role ("make admin" is the short form).
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { ensureAnotherActiveAdministrator } from '../core/administrators.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { displayName, requireUser } from '../core/targets.ts';
import { lockEnvironment } from '../core/transaction.ts';
import { AppError, phrase } from '../errors.ts';
import { idSchema, parseInput, issue } from '../input.ts';

const input = z.object({
  userId: idSchema('rights.what.user'),
  role: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR'], { error: issue('rights.user.chooseRole') }),
});

export async function setRole(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return changeOnce(deps, actor, 'set-role', async (tx) => {
    const admin = await requireActor(tx, actor, 'user:set-role');
    await lockEnvironment(tx, admin.environmentId);
    // Decide again under the lock: another administrator may have demoted or blocked the actor meanwhile.
    await requireActor(tx, actor, 'user:set-role');
    const user = await requireUser(tx, admin.environmentId, data.userId);
    if (user.status === 'REMOVED') {
      throw new AppError('conflict', 'rights.user.removedFirst', { user: displayName(user) }, 'user');
    }
    if (user.role === data.role) {
      return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, previousRole: user.role, changed: false };
    }
    if (user.role === 'ADMINISTRATOR' && user.status === 'ACTIVE') {
      await ensureAnotherActiveAdministrator(tx, admin.environmentId, user.id, phrase('rights.deed.changeRole', { user: displayName(user) }));
    }
    await tx.user.update({ where: { id: user.id }, data: { role: data.role } });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, from: user.role, to: data.role },
    });
    return { user: { id: user.id, email: user.email, name: user.name, role: data.role }, previousRole: user.role, changed: true };
  });
}
