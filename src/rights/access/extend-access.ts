// "Extend 30 days" (the reminder's button): moves the end of a role (an environment Administrator
// may) or of a membership (an administrator of the organisation, or of the environment, may) 30 days
// later. `from` is the end the reminder was about: a second click, or one on an old reminder after
// someone else extended it, changes nothing; access whose end has come is refused.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { displayName, requireOrganisation, requireUser } from '../core/targets.ts';
import { lockEnvironment, lockOrganisation, transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { idSchema, issue, parseInput } from '../input.ts';
import { ended, extendedBy, lastDay } from './until.ts';

export const EXTEND_DAYS = 30;

const input = z.object({
  target: z.enum(['role', 'membership']),
  userId: idSchema('rights.what.user'),
  organisationId: idSchema('rights.what.organisation').optional(),
  /** the end being extended, ISO */
  from: z.string().datetime({ error: issue('access.extend.badInstant') }),
});

export interface ExtendResult {
  changed: boolean;
  user: { id: string; email: string; name: string | null };
  organisation: { id: string; name: string } | null;
  until: string;
  lastDay: string;
}

export async function extendAccess(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>): Promise<ExtendResult> {
  const data = parseInput(input, raw);
  const now = nowOf(deps);
  const from = new Date(data.from);
  return transaction(deps, async (tx) => {
    let org: { id: string; name: string } | null = null;
    let environmentId: string;
    let current: Date | null;
    if (data.target === 'role') {
      const me = await requireActor(tx, actor, 'user:set-role');
      environmentId = me.environmentId;
      await lockEnvironment(tx, environmentId);
    } else {
      if (!data.organisationId) throw new AppError('invalid_input', 'access.extend.whichOrganisation', {}, 'organisation');
      const me = await requireActor(tx, actor, 'member:add', { organisationId: data.organisationId });
      environmentId = me.environmentId;
      org = await requireOrganisation(tx, environmentId, data.organisationId);
      await lockOrganisation(tx, org.id);
    }
    const user = await requireUser(tx, environmentId, data.userId);
    if (data.target === 'role') {
      current = (await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { roleUntil: true } })).roleUntil;
    } else {
      const m = await tx.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org!.id } }, select: { until: true } });
      current = m?.until ?? null;
    }
    const who = { id: user.id, email: user.email, name: user.name };
    // Extended already (a second click, or someone else): the same answer, nothing changes.
    if (current && current > from && !ended(current, now)) {
      return { changed: false, user: who, organisation: org, until: current.toISOString(), lastDay: lastDay(current) };
    }
    if (ended(from, now) || ended(current, now)) throw new AppError('conflict', 'access.extend.ended', {}, 'user');
    if (!current || current.getTime() !== from.getTime()) throw new AppError('not_found', 'access.extend.unknown', {}, 'user');
    const until = extendedBy(current, EXTEND_DAYS);
    if (data.target === 'role') {
      await tx.user.update({ where: { id: user.id }, data: { roleUntil: until, roleReminderSentAt: null } });
    } else {
      await tx.membership.update({ where: { userId_organisationId: { userId: user.id, organisationId: org!.id } }, data: { until, reminderSentAt: null } });
    }
    await audit(tx, {
      environmentId,
      actor,
      action: data.target === 'role' ? 'user.role_extended' : 'member.access_extended',
      targetType: data.target === 'role' ? 'user' : 'membership',
      targetId: org ? `${org.id}:${user.id}` : user.id,
      details: { email: user.email, name: displayName(user), ...(org ? { organisation: org.name, organisationId: org.id } : {}), from: current.toISOString(), until: until.toISOString(), lastDay: lastDay(until) },
    });
    return { changed: true, user: who, organisation: org, until: until.toISOString(), lastDay: lastDay(until) };
  });
}
