// Rule 1 and 9: what blocking, unblocking and removing a user share (block-user.ts, unblock-user.ts,
// remove-user.ts). Only an Administrator may; nobody blocks or removes themselves; the environment
// keeps an active Administrator (rule 8). Blocked and removed users have no rights and cannot log in:
// their sessions end.
import { z } from 'zod';
import type { UserStatus } from '../../generated/prisma/enums.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import { ensureAnotherActiveAdministrator, ensureOrganisationsKeepAdministrators } from '../core/administrators.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { displayName, requireUser, type TargetUser } from '../core/targets.ts';
import { lockEnvironment, type Tx } from '../core/transaction.ts';
import { AppError, phrase } from '../errors.ts';
import { idSchema, parseInput } from '../input.ts';
import type { Action } from '../policy.ts';

const input = z.object({ userId: idSchema('rights.what.user') });
export type UserStatusInput = z.input<typeof input>;

export interface StatusChange {
  /** as people read it: "You cannot block yourself", "... cannot be blocked" */
  verb: 'block' | 'unblock' | 'remove';
  done: 'blocked' | 'unblocked' | 'removed';
  action: Action;
  event: string;
  from: UserStatus[];
  to: 'BLOCKED' | 'ACTIVE' | 'REMOVED';
  /** more of the change, in its transaction, before the status moves; returns details for the audit event */
  alsoDo?: (tx: Tx, deps: RightsDeps, user: TargetUser) => Promise<Record<string, unknown>>;
}

export async function changeUserStatus(deps: RightsDeps, actor: Actor, raw: UserStatusInput, step: StatusChange) {
  const data = parseInput(input, raw);
  // Blocking and removing take every right away; unblocking gives them back.
  const takesRightsAway = step.to !== 'ACTIVE';
  return changeOnce(deps, actor, `${step.verb}-user`, async (tx) => {
    const admin = await requireActor(tx, actor, step.action);
    await lockEnvironment(tx, admin.environmentId);
    // Decide again under the lock: another administrator may have demoted or blocked the actor meanwhile.
    await requireActor(tx, actor, step.action);
    const user = await requireUser(tx, admin.environmentId, data.userId);
    if (user.id === admin.id && takesRightsAway) {
      throw new AppError('conflict', 'rights.user.notSelf', { verb: step.verb }, 'user');
    }
    if (!step.from.includes(user.status)) {
      throw new AppError('conflict', 'rights.user.wrongStatus', { user: displayName(user), verb: step.verb, status: phrase(`status.${user.status}.lower`) }, 'user');
    }
    if (user.role === 'ADMINISTRATOR' && user.status === 'ACTIVE' && takesRightsAway) {
      await ensureAnotherActiveAdministrator(tx, admin.environmentId, user.id, phrase(`rights.deed.${step.verb}`, { user: displayName(user) }));
    }
    if (takesRightsAway) {
      // Rule 8 for organisations: the last active administrator of one keeps their rights.
      await ensureOrganisationsKeepAdministrators(tx, user, `rights.deed.${step.verb}`);
    }
    const details = step.alsoDo ? await step.alsoDo(tx, deps, user) : {};
    if (takesRightsAway) {
      await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: nowOf(deps) } });
    }
    await tx.user.update({ where: { id: user.id }, data: { status: step.to } });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: step.event,
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, from: user.status, to: step.to, ...details },
    });
    return { user: { id: user.id, email: user.email, name: user.name, status: step.to }, previousStatus: user.status };
  });
}
