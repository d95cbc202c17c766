// Who is asking: a Slack account's verified email matched to an active user, and looking people and
// organisations up by what an administrator typed (email, name when unambiguous).
import { requireActor, type Actor } from './core/actor.ts';
import { audit } from './core/audit.ts';
import type { RightsDeps } from './core/deps.ts';
import { transaction } from './core/transaction.ts';
import { normaliseEmail } from './email.ts';
import { AppError } from './errors.ts';
import { contains } from './directory.ts';
import { nameKeyOf } from './organisation-details.ts';

/** The user with this address, whatever their status (the caller decides what a status means), or null. */
export async function findUserByEmail(deps: RightsDeps, rawEmail: string) {
  const email = normaliseEmail(rawEmail);
  if (!email) return null;
  const user = await deps.prisma.user.findUnique({
    where: { email },
    select: { id: true, environmentId: true, email: true, name: true, role: true, status: true, slackUserId: true },
  });
  return user;
}

/** Remembers which Slack account belongs to a user, so notifications can reach them directly. */
export async function linkSlackUser(deps: RightsDeps, userId: string, slackUserId: string, slackTeamId?: string) {
  if (!/^[UW][A-Z0-9]{2,20}$/.test(slackUserId)) return;
  await transaction(deps, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { slackUserId: true, environmentId: true } });
    if (!user) return;
    if (user.slackUserId !== slackUserId) {
      // One Slack account maps to one user.
      await tx.user.updateMany({ where: { slackUserId, id: { not: userId } }, data: { slackUserId: null } });
      await tx.user.update({ where: { id: userId }, data: { slackUserId } });
    }
    if (slackTeamId && /^T[A-Z0-9]{2,20}$/.test(slackTeamId)) {
      const env = await tx.environment.findUnique({ where: { id: user.environmentId }, select: { slackTeamId: true } });
      const taken = await tx.environment.findUnique({ where: { slackTeamId }, select: { id: true } });
      if (env && !env.slackTeamId && !taken) await tx.environment.update({ where: { id: user.environmentId }, data: { slackTeamId } });
    }
  });
}

/** The actor's environment; an unknown actor is an AppError, not a raw database error. */
async function actorEnvironment(deps: RightsDeps, actor: Actor) {
  const me = await deps.prisma.user.findUnique({ where: { id: actor.userId }, select: { environmentId: true } });
  if (!me) throw new AppError('not_authenticated', 'Your account was not found. Ask an administrator of your environment to invite you.');
  return me;
}

/** A user of the actor's environment from an email, a Slack user id or a name (when only one matches). */
export async function resolveUser(deps: RightsDeps, actor: Actor, text: string, slackEmail?: string | null) {
  const me = await actorEnvironment(deps, actor);
  const t = text.trim();
  const email = normaliseEmail(slackEmail ?? t);
  if (email) {
    const user = await deps.prisma.user.findUnique({ where: { email }, select: { id: true, environmentId: true, email: true, name: true } });
    if (!user || user.environmentId !== me.environmentId) {
      throw new AppError('not_found', `Nobody with the address ${email} is in your environment. Invite them first with the invite subcommand.`, 'user');
    }
    return user;
  }
  if (!t) throw new AppError('invalid_input', 'Say who: an email address, a @mention or a name.', 'user');
  const matches = await deps.prisma.user.findMany({
    where: { environmentId: me.environmentId, status: { not: 'REMOVED' }, name: { equals: t.normalize('NFC'), mode: 'insensitive' } },
    select: { id: true, environmentId: true, email: true, name: true },
    take: 6,
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AppError('conflict', `More than one user is called "${t}": ${matches.slice(0, 5).map((m) => m.email).join(', ')}. Use the email address.`, 'user');
  }
  throw new AppError('not_found', `Nobody called "${t}" is in your environment. Use their email address or @mention them.`, 'user');
}

export async function resolveOrganisation(deps: RightsDeps, actor: Actor, text: string) {
  const me = await actorEnvironment(deps, actor);
  const t = text.trim();
  if (!t) throw new AppError('invalid_input', 'Say which organisation, by its name.', 'organisation');
  const exact = await deps.prisma.organisation.findUnique({
    where: { environmentId_nameKey: { environmentId: me.environmentId, nameKey: nameKeyOf(t) } },
    select: { id: true, name: true },
  });
  if (exact) return exact;
  const matches = await deps.prisma.organisation.findMany({
    where: { environmentId: me.environmentId, name: contains(t) },
    select: { id: true, name: true },
    take: 6,
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new AppError('conflict', `"${t}" matches several organisations: ${matches.slice(0, 5).map((m) => m.name).join(', ')}. Type the full name.`, 'organisation');
  }
  throw new AppError('not_found', `No organisation called "${t}" in your environment. Check the name with the orgs subcommand, or create it.`, 'organisation');
}

export async function setNotificationChannel(deps: RightsDeps, actor: Actor, raw: { channelId: string | null }) {
  const channelId = raw.channelId;
  if (channelId !== null && !/^[CGD][A-Z0-9]{2,20}$/.test(channelId)) {
    throw new AppError('invalid_input', 'That is not a Slack channel. Run the command in the channel that should get the notifications.', 'channel');
  }
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    await tx.environment.update({ where: { id: admin.environmentId }, data: { notificationChannelId: channelId } });
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'environment.notification_channel_set',
      targetType: 'environment',
      targetId: admin.environmentId,
      details: { channelId },
    });
    return { channelId };
  });
}
