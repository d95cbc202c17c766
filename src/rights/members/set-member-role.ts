// Rule 2 and 8: an organisation administrator of O (or an environment Administrator) changes a member's
// role in O; O keeps at least one organisation administrator.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { ensureAnotherOrganisationAdministrator } from '../core/administrators.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { displayName, requireOrganisation, requireUser } from '../core/targets.ts';
import { lockOrganisation } from '../core/transaction.ts';
import { AppError, phrase } from '../errors.ts';
import { parseInput } from '../input.ts';
import { membershipTarget, organisationRole } from './member-input.ts';

const input = z.object({ ...membershipTarget, role: organisationRole });

export async function setMemberRole(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return changeOnce(deps, actor, 'set-member-role', async (tx) => {
    const me = await requireActor(tx, actor, 'member:set-role', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    await lockOrganisation(tx, org.id);
    // Decide again under the lock: the actor's own organisation role may have changed meanwhile.
    await requireActor(tx, actor, 'member:set-role', { organisationId: org.id });
    const user = await requireUser(tx, me.environmentId, data.userId);
    const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } });
    if (!existing) throw new AppError('not_found', 'rights.member.notMemberAddFirst', { user: displayName(user), organisation: org.name }, 'user');
    if (existing.role === data.role) {
      return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, role: data.role, changed: false };
    }
    // Rule 8: only an active administrator counts; taking away an inactive one's role leaves the count as it is.
    if (existing.role === 'ADMINISTRATOR' && user.status === 'ACTIVE') {
      await ensureAnotherOrganisationAdministrator(tx, org.id, user.id, org.name, phrase('rights.deed.makeMember', { user: displayName(user) }));
    }
    await tx.membership.update({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } }, data: { role: data.role } });
    await audit(tx, {
      environmentId: me.environmentId,
      actor,
      action: 'member.role_changed',
      targetType: 'membership',
      targetId: `${org.id}:${user.id}`,
      details: { organisation: org.name, organisationId: org.id, userId: user.id, email: user.email, from: existing.role, to: data.role },
    });
    return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, role: data.role, changed: true };
  });
}
