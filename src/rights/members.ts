// Rule 2, 3, 8 and 9: organisation administrators (or environment Administrators) add members, change
// their role and remove them. Removing ends document rights at once; the user stays in the environment.
import { z } from 'zod';
import { ensureAnotherOrganisationAdministrator } from './core/administrators.ts';
import { requireActor, type Actor } from './core/actor.ts';
import { audit } from './core/audit.ts';
import { changeOnce } from './core/change-once.ts';
import type { RightsDeps } from './core/deps.ts';
import { displayName, requireOrganisation, requireUser } from './core/targets.ts';
import { lockOrganisation } from './core/transaction.ts';
import { AppError } from './errors.ts';
import { idSchema, parseInput } from './input.ts';

const role = z.enum(['MEMBER', 'ADMINISTRATOR'], { error: 'Choose member or administrator.' });
const target = { organisationId: idSchema('an organisation'), userId: idSchema('a user') };
const addInput = z.object({ ...target, role: role.default('MEMBER') });
const roleInput = z.object({ ...target, role });
const removeInput = z.object(target);

export async function addMember(deps: RightsDeps, actor: Actor, raw: z.input<typeof addInput>) {
  const data = parseInput(addInput, raw);
  return changeOnce(deps, actor, 'add-member', async (tx) => {
    const me = await requireActor(tx, actor, 'member:add', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    await lockOrganisation(tx, org.id);
    // Decide again under the lock: the actor's own organisation role may have changed meanwhile.
    await requireActor(tx, actor, 'member:add', { organisationId: org.id });
    const user = await requireUser(tx, me.environmentId, data.userId);
    if (user.status === 'REMOVED' || user.status === 'BLOCKED') {
      throw new AppError('conflict', `${displayName(user)} is ${user.status.toLowerCase()}; unblock or invite them again first.`, 'user');
    }
    const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } });
    if (existing) {
      throw new AppError('already_exists', `${displayName(user)} is already a ${existing.role === 'ADMINISTRATOR' ? 'administrator' : 'member'} of ${org.name}. Use set role to change that.`, 'user');
    }
    await tx.membership.create({ data: { userId: user.id, organisationId: org.id, role: data.role } });
    await audit(tx, {
      environmentId: me.environmentId,
      actor,
      action: 'member.added',
      targetType: 'membership',
      targetId: `${org.id}:${user.id}`,
      details: { organisation: org.name, organisationId: org.id, userId: user.id, email: user.email, role: data.role },
    });
    return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, role: data.role };
  });
}

export async function setMemberRole(deps: RightsDeps, actor: Actor, raw: z.input<typeof roleInput>) {
  const data = parseInput(roleInput, raw);
  return changeOnce(deps, actor, 'set-member-role', async (tx) => {
    const me = await requireActor(tx, actor, 'member:set-role', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    await lockOrganisation(tx, org.id);
    // Decide again under the lock: the actor's own organisation role may have changed meanwhile.
    await requireActor(tx, actor, 'member:set-role', { organisationId: org.id });
    const user = await requireUser(tx, me.environmentId, data.userId);
    const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } });
    if (!existing) throw new AppError('not_found', `${displayName(user)} is not a member of ${org.name}. Add them first.`, 'user');
    if (existing.role === data.role) {
      return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, role: data.role, changed: false };
    }
    if (existing.role === 'ADMINISTRATOR') {
      await ensureAnotherOrganisationAdministrator(tx, org.id, user.id, org.name, `make ${displayName(user)} a plain member`);
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

export async function removeMember(deps: RightsDeps, actor: Actor, raw: z.input<typeof removeInput>) {
  const data = parseInput(removeInput, raw);
  return changeOnce(deps, actor, 'remove-member', async (tx) => {
    const me = await requireActor(tx, actor, 'member:remove', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    await lockOrganisation(tx, org.id);
    // Decide again under the lock: the actor's own organisation role may have changed meanwhile.
    await requireActor(tx, actor, 'member:remove', { organisationId: org.id });
    const user = await requireUser(tx, me.environmentId, data.userId);
    const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } });
    if (!existing) throw new AppError('not_found', `${displayName(user)} is not a member of ${org.name}.`, 'user');
    if (existing.role === 'ADMINISTRATOR') {
      await ensureAnotherOrganisationAdministrator(tx, org.id, user.id, org.name, `remove ${displayName(user)} from ${org.name}`);
    }
    await tx.membership.delete({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } });
    await audit(tx, {
      environmentId: me.environmentId,
      actor,
      action: 'member.removed',
      targetType: 'membership',
      targetId: `${org.id}:${user.id}`,
      details: { organisation: org.name, organisationId: org.id, userId: user.id, email: user.email, role: existing.role },
    });
    return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, previousRole: existing.role };
  });
}
