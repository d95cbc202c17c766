// Rule 2: an organisation administrator of O (or an environment Administrator) adds a user of the
// environment to O, as member or administrator. Members get O's document rights (rule 3).
// With `until` (a day, 'YYYY-MM-DD') the membership lasts through the end of that day in Amsterdam
// (src/rights/access); given for someone already a member, it sets the end of that membership.
import { z } from 'zod';
import { lastDay, parseEndDate } from '../access/until.ts';
import { ensureAnotherOrganisationAdministrator } from '../core/administrators.ts';
import { nowOf } from '../core/clock.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { displayName, requireOrganisation, requireUser } from '../core/targets.ts';
import { lockOrganisation } from '../core/transaction.ts';
import { AppError, phrase } from '../errors.ts';
import { parseInput } from '../input.ts';
import { membershipTarget, organisationRole } from './member-input.ts';

const input = z.object({
  ...membershipTarget,
  role: organisationRole.optional(),
  /** the last day of the membership, 'YYYY-MM-DD' (Europe/Amsterdam); absent or empty: no end */
  until: z.string().max(40).nullish(),
});

export async function addMember(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const parsed = parseInput(input, raw);
  const data = { ...parsed, role: parsed.role ?? 'MEMBER' };
  const until = parsed.until?.trim() ? parseEndDate(parsed.until, nowOf(deps)) : null;
  return changeOnce(deps, actor, 'add-member', async (tx) => {
    const me = await requireActor(tx, actor, 'member:add', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    await lockOrganisation(tx, org.id);
    // Decide again under the lock: the actor's own organisation role may have changed meanwhile.
    await requireActor(tx, actor, 'member:add', { organisationId: org.id });
    const user = await requireUser(tx, me.environmentId, data.userId);
    if (user.status === 'REMOVED' || user.status === 'BLOCKED') {
      throw new AppError('conflict', 'rights.member.inactive', { user: displayName(user), status: phrase(`status.${user.status}.lower`) }, 'user');
    }
    const existing = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } });
    if (existing && until && (!parsed.role || parsed.role === existing.role)) {
      // Rule 8 at every instant: a lasting administrator of O who would end needs another lasting one.
      if (existing.role === 'ADMINISTRATOR' && !existing.until && user.status === 'ACTIVE') {
        await ensureAnotherOrganisationAdministrator(tx, org.id, user.id, org.name, phrase('rights.deed.endMembership', { user: displayName(user), organisation: org.name }));
      }
      await tx.membership.update({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } }, data: { until, reminderSentAt: null } });
      await audit(tx, {
        environmentId: me.environmentId,
        actor,
        action: 'member.end_set',
        targetType: 'membership',
        targetId: `${org.id}:${user.id}`,
        details: { organisation: org.name, organisationId: org.id, userId: user.id, email: user.email, role: existing.role, until: until.toISOString(), lastDay: lastDay(until) },
      });
      return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, role: existing.role, until: until.toISOString(), endChanged: true };
    }
    if (existing) {
      if (until) throw new AppError('already_exists', 'access.membership.otherRole', { name: displayName(user), organisation: org.name }, 'user');
      throw new AppError('already_exists', 'rights.member.already', { user: displayName(user), role: existing.role, organisation: org.name }, 'user');
    }
    await tx.membership.create({ data: { userId: user.id, organisationId: org.id, role: data.role, until } });
    await audit(tx, {
      environmentId: me.environmentId,
      actor,
      action: 'member.added',
      targetType: 'membership',
      targetId: `${org.id}:${user.id}`,
      details: { organisation: org.name, organisationId: org.id, userId: user.id, email: user.email, role: data.role, ...(until ? { until: until.toISOString(), lastDay: lastDay(until) } : {}) },
    });
    return { organisation: { id: org.id, name: org.name }, user: { id: user.id, email: user.email, name: user.name }, role: data.role, until: until?.toISOString() ?? null, endChanged: false };
  });
}
