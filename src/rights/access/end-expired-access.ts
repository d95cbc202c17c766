// The sweep of access given until a date: three days before an end, a reminder to the administrators
// who can extend it; at the end, the role falls back to the one before it, or the membership ends,
// audited as done by the system (no actor), and the administrators are told. `authorize` already
// refuses from the instant of the end (effective.ts); this writes it down. Every process may run the
// sweep at once: each item is decided again under its row lock and its end, so it is done once, and
// the outbox's dedupe keys queue each message once.
import type { EnvironmentRole } from '../../generated/prisma/enums.ts';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { lockEnvironment, lockOrganisation, transaction } from '../core/transaction.ts';
import { notifyAboutAccess } from './notify.ts';
import { lastDay } from './until.ts';

/** How long before its end the administrators are reminded of access that ends. */
export const REMINDER_BEFORE_MS = 3 * 24 * 3600_000;
const BATCH = 200;

const personOf = (u: { id: string; name: string | null; email: string; environment: { name: string } }) => ({
  userId: u.id,
  userName: u.name,
  email: u.email,
  environmentName: u.environment.name,
});

const userSelect = { id: true, environmentId: true, name: true, email: true, role: true, roleUntil: true, roleBefore: true, roleReminderSentAt: true, status: true, environment: { select: { name: true } } } as const;

export async function endExpiredAccess(deps: RightsDeps) {
  const now = nowOf(deps);
  const soon = new Date(now.getTime() + REMINDER_BEFORE_MS);
  const counts = { rolesEnded: 0, membershipsEnded: 0, reminders: 0 };

  const endingRoles = await deps.prisma.user.findMany({ where: { roleUntil: { lte: now } }, select: { id: true }, take: BATCH, orderBy: { roleUntil: 'asc' } });
  for (const { id } of endingRoles) if (await endRole(deps, id, now)) counts.rolesEnded++;

  const endingMemberships = await deps.prisma.membership.findMany({ where: { until: { lte: now } }, select: { userId: true, organisationId: true }, take: BATCH, orderBy: { until: 'asc' } });
  for (const m of endingMemberships) if (await endMembership(deps, m.userId, m.organisationId, now)) counts.membershipsEnded++;

  const roleReminders = await deps.prisma.user.findMany({ where: { roleUntil: { gt: now, lte: soon }, roleReminderSentAt: null }, select: { id: true }, take: BATCH });
  for (const { id } of roleReminders) if (await remindRole(deps, id, now)) counts.reminders++;

  const membershipReminders = await deps.prisma.membership.findMany({ where: { until: { gt: now, lte: soon }, reminderSentAt: null }, select: { userId: true, organisationId: true }, take: BATCH });
  for (const m of membershipReminders) if (await remindMembership(deps, m.userId, m.organisationId, now)) counts.reminders++;
  return counts;
}

async function endRole(deps: RightsDeps, userId: string, now: Date): Promise<boolean> {
  return transaction(deps, async (tx) => {
    const first = await tx.user.findUnique({ where: { id: userId }, select: { environmentId: true } });
    if (!first) return false;
    await lockEnvironment(tx, first.environmentId);
    const u = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
    // Another process ended it, or someone moved the end meanwhile.
    if (!u?.roleUntil || u.roleUntil > now) return false;
    const to: EnvironmentRole = u.roleBefore ?? 'BASIC';
    const until = u.roleUntil;
    await tx.user.update({ where: { id: u.id }, data: { role: to, roleUntil: null, roleBefore: null, roleReminderSentAt: null } });
    await audit(tx, {
      environmentId: u.environmentId,
      actor: null,
      action: 'user.role_ended',
      targetType: 'user',
      targetId: u.id,
      details: { email: u.email, from: u.role, to, until: until.toISOString(), lastDay: lastDay(until), by: 'system' },
    });
    await notifyAboutAccess(tx, u.environmentId, `access-ended:role:${u.id}:${until.getTime()}`, 'access.ended', (locale) => ({
      ...personOf(u), target: 'role', role: u.role, fallbackRole: to, organisationId: null, organisationName: null, until: until.toISOString(), locale,
    }), now);
    return true;
  });
}

async function endMembership(deps: RightsDeps, userId: string, organisationId: string, now: Date): Promise<boolean> {
  return transaction(deps, async (tx) => {
    await lockOrganisation(tx, organisationId);
    const m = await tx.membership.findUnique({
      where: { userId_organisationId: { userId, organisationId } },
      select: { role: true, until: true, organisation: { select: { name: true, environmentId: true } }, user: { select: userSelect } },
    });
    if (!m?.until || m.until > now) return false;
    const until = m.until;
    await tx.membership.delete({ where: { userId_organisationId: { userId, organisationId } } });
    const environmentId = m.organisation.environmentId;
    await audit(tx, {
      environmentId,
      actor: null,
      action: 'member.access_ended',
      targetType: 'membership',
      targetId: `${organisationId}:${userId}`,
      details: { organisation: m.organisation.name, organisationId, userId, email: m.user.email, role: m.role, until: until.toISOString(), lastDay: lastDay(until), by: 'system' },
    });
    await notifyAboutAccess(tx, environmentId, `access-ended:membership:${organisationId}:${userId}:${until.getTime()}`, 'access.ended', (locale) => ({
      ...personOf(m.user), target: 'membership', role: m.role, fallbackRole: null, organisationId, organisationName: m.organisation.name, until: until.toISOString(), locale,
    }), now);
    return true;
  });
}

async function remindRole(deps: RightsDeps, userId: string, now: Date): Promise<boolean> {
  return transaction(deps, async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, select: userSelect });
    if (!u?.roleUntil || u.roleUntil <= now || u.roleReminderSentAt) return false;
    // Claims the reminder: a second process's claim of the same end finds it taken.
    const { count } = await tx.user.updateMany({ where: { id: u.id, roleUntil: u.roleUntil, roleReminderSentAt: null }, data: { roleReminderSentAt: now } });
    if (count !== 1) return false;
    const until = u.roleUntil;
    await notifyAboutAccess(tx, u.environmentId, `access-reminder:role:${u.id}:${until.getTime()}`, 'access.reminder', (locale) => ({
      ...personOf(u), target: 'role', role: u.role, fallbackRole: u.roleBefore ?? 'BASIC', organisationId: null, organisationName: null, until: until.toISOString(), locale,
    }), now);
    return true;
  });
}

async function remindMembership(deps: RightsDeps, userId: string, organisationId: string, now: Date): Promise<boolean> {
  return transaction(deps, async (tx) => {
    const m = await tx.membership.findUnique({
      where: { userId_organisationId: { userId, organisationId } },
      select: { role: true, until: true, reminderSentAt: true, organisation: { select: { name: true, environmentId: true } }, user: { select: userSelect } },
    });
    if (!m?.until || m.until <= now || m.reminderSentAt) return false;
    const { count } = await tx.membership.updateMany({ where: { userId, organisationId, until: m.until, reminderSentAt: null }, data: { reminderSentAt: now } });
    if (count !== 1) return false;
    const until = m.until;
    await notifyAboutAccess(tx, m.organisation.environmentId, `access-reminder:membership:${organisationId}:${userId}:${until.getTime()}`, 'access.reminder', (locale) => ({
      ...personOf(m.user), target: 'membership', role: m.role, fallbackRole: null, organisationId, organisationName: m.organisation.name, until: until.toISOString(), locale,
    }), now);
    return true;
  });
}
