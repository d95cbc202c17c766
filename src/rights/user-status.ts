// Rule 1 and 9: block, unblock and remove users. Blocked and removed users have no rights and cannot
// log in: their sessions end. Removing also ends their memberships (rule 8 holds for organisations).
import { z } from 'zod';
import { ensureAnotherActiveAdministrator, ensureAnotherOrganisationAdministrator } from './core/administrators.ts';
import { requireActor, type Actor } from './core/actor.ts';
import { audit } from './core/audit.ts';
import { changeOnce } from './core/change-once.ts';
import { nowOf } from './core/clock.ts';
import type { RightsDeps } from './core/deps.ts';
import { displayName, requireUser } from './core/targets.ts';
import { lockEnvironment, lockOrganisation } from './core/transaction.ts';
import { AppError } from './errors.ts';
import { idSchema, parseInput } from './input.ts';
import type { Action } from './policy.ts';
import { scrubPendingInvitationEmails } from './issue-invitation.ts';

const input = z.object({ userId: idSchema('a user') });
type Input = z.input<typeof input>;

type Transition = 'block' | 'unblock' | 'remove';

const plan: Record<Transition, { action: Action; event: string; to: 'BLOCKED' | 'ACTIVE' | 'REMOVED'; from: string[] }> = {
  block: { action: 'user:block', event: 'user.blocked', to: 'BLOCKED', from: ['ACTIVE'] },
  unblock: { action: 'user:unblock', event: 'user.unblocked', to: 'ACTIVE', from: ['BLOCKED'] },
  remove: { action: 'user:remove', event: 'user.removed', to: 'REMOVED', from: ['ACTIVE', 'BLOCKED', 'INVITED'] },
};

async function transition(deps: RightsDeps, actor: Actor, raw: Input, kind: Transition) {
  const data = parseInput(input, raw);
  const step = plan[kind];
  return changeOnce(deps, actor, `${kind}-user`, async (tx) => {
    const admin = await requireActor(tx, actor, step.action);
    await lockEnvironment(tx, admin.environmentId);
    // Decide again under the lock: another administrator may have demoted or blocked the actor meanwhile.
    await requireActor(tx, actor, step.action);
    const user = await requireUser(tx, admin.environmentId, data.userId);
    if (user.id === admin.id && kind !== 'unblock') {
      throw new AppError('conflict', `You cannot ${kind} yourself. Ask another administrator.`, 'user');
    }
    if (!step.from.includes(user.status)) {
      throw new AppError('conflict', `${displayName(user)} cannot be ${kind === 'remove' ? 'removed' : `${kind}ed`}: their status is ${user.status.toLowerCase()}.`, 'user');
    }
    if (user.role === 'ADMINISTRATOR' && user.status === 'ACTIVE' && kind !== 'unblock') {
      await ensureAnotherActiveAdministrator(tx, admin.environmentId, user.id, `${kind} ${displayName(user)}`);
    }
    let memberships: string[] = [];
    if (kind === 'remove') {
      const rows = await tx.membership.findMany({
        where: { userId: user.id },
        select: { organisationId: true, role: true, organisation: { select: { name: true } } },
        orderBy: { organisationId: 'asc' },
      });
      for (const m of rows) {
        await lockOrganisation(tx, m.organisationId);
        if (m.role === 'ADMINISTRATOR') {
          await ensureAnotherOrganisationAdministrator(tx, m.organisationId, user.id, m.organisation.name, `remove ${displayName(user)}`);
        }
      }
      await tx.membership.deleteMany({ where: { userId: user.id } });
      await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: nowOf(deps) } });
      await scrubPendingInvitationEmails(tx, user.email);
      memberships = rows.map((r) => r.organisation.name);
    }
    if (kind !== 'unblock') {
      await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: nowOf(deps) } });
    }
    await tx.user.update({ where: { id: user.id }, data: { status: step.to } });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: step.event,
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, from: user.status, to: step.to, ...(kind === 'remove' ? { memberships } : {}) },
    });
    return { user: { id: user.id, email: user.email, name: user.name, status: step.to }, previousStatus: user.status };
  });
}

export const blockUser = (deps: RightsDeps, actor: Actor, raw: Input) => transition(deps, actor, raw, 'block');
export const unblockUser = (deps: RightsDeps, actor: Actor, raw: Input) => transition(deps, actor, raw, 'unblock');
export const removeUser = (deps: RightsDeps, actor: Actor, raw: Input) => transition(deps, actor, raw, 'remove');
