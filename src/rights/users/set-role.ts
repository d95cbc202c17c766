// Rule 1: an Administrator changes someone's environment role ("make admin" is the short form).
// With `until` (a day, 'YYYY-MM-DD') the role lasts through the end of that day in Amsterdam and then
// falls back to the role before it (src/rights/access); without it the role lasts (and an end it had goes).
import { z } from 'zod';
import { lastDay, parseEndDate } from '../access/until.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import { ensureAnotherActiveAdministrator } from '../core/administrators.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { displayName, requireUser } from '../core/targets.ts';
import { lockEnvironment } from '../core/transaction.ts';
import { AppError, phrase } from '../errors.ts';
import { idSchema, parseInput, issue } from '../input.ts';

const input = z.object({
  userId: idSchema('rights.what.user'),
  role: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR'], { error: issue('rights.user.chooseRole') }),
  /** the last day of the role, 'YYYY-MM-DD' (Europe/Amsterdam); absent or empty: no end */
  until: z.string().max(40).nullish(),
});

export async function setRole(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  const now = nowOf(deps);
  const until = data.until?.trim() ? parseEndDate(data.until, now) : null;
  return changeOnce(deps, actor, 'set-role', async (tx) => {
    const admin = await requireActor(tx, actor, 'user:set-role');
    await lockEnvironment(tx, admin.environmentId);
    // Decide again under the lock: another administrator may have demoted or blocked the actor meanwhile.
    await requireActor(tx, actor, 'user:set-role');
    const user = await requireUser(tx, admin.environmentId, data.userId);
    if (user.status === 'REMOVED') {
      throw new AppError('conflict', 'rights.user.removedFirst', { user: displayName(user) }, 'user');
    }
    const ends = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { roleUntil: true, roleBefore: true } });
    // The role that stays once any end has come.
    const lasting = ends.roleUntil ? (ends.roleBefore ?? 'BASIC') : user.role;
    const before = until ? (data.role !== lasting ? lasting : 'BASIC') : null;
    if (until && data.role === 'BASIC' && before === 'BASIC') {
      throw new AppError('invalid_input', 'access.role.basicEnd', { name: displayName(user) }, 'until');
    }
    const sameEnd = (ends.roleUntil?.getTime() ?? null) === (until?.getTime() ?? null);
    if (user.role === data.role && sameEnd && (ends.roleBefore ?? null) === before) {
      return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, previousRole: user.role, changed: false, until: until?.toISOString() ?? null, fallbackRole: before };
    }
    // Rule 8 at every instant: a lasting active administrator who would stop being one (now, or at an end) needs another.
    const wasLastingAdmin = user.role === 'ADMINISTRATOR' && !ends.roleUntil && user.status === 'ACTIVE';
    if (wasLastingAdmin && (data.role !== 'ADMINISTRATOR' || until)) {
      await ensureAnotherActiveAdministrator(tx, admin.environmentId, user.id, phrase(until ? 'rights.deed.endRole' : 'rights.deed.changeRole', { user: displayName(user) }));
    }
    await tx.user.update({ where: { id: user.id }, data: { role: data.role, roleUntil: until, roleBefore: before, roleReminderSentAt: null } });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, from: user.role, to: data.role, ...(until ? { until: until.toISOString(), lastDay: lastDay(until), fallsBackTo: before } : {}) },
    });
    return { user: { id: user.id, email: user.email, name: user.name, role: data.role }, previousRole: user.role, changed: true, until: until?.toISOString() ?? null, fallbackRole: before };
  });
}
