// Inviting many people at once (issue 14): what a list is checked against before anything is sent,
// and one row's invitation. Each row runs as its own change with its own request id (changeOnce), so
// a list taken again after a crash invites every row exactly once: a row done before gets its first
// result back.
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { AppError } from '../errors.ts';
import { nameKeyOf } from '../organisations/organisation-details.ts';
import { inviteUser } from './invite-user.ts';
import type { OrganisationToJoin } from './issue-invitation.ts';
import { resendInvitation } from './resend-invitation.ts';

/**
 * Checks that the actor may invite, and finds the organisations a list names (by exact name, case and
 * spacing aside): the organisations found, by their name key; a name not in the map does not exist.
 * Also the actor's and their environment's language, for the answers.
 */
export async function prepareBulkInvitation(deps: RightsDeps, actor: Actor, organisationNames: string[]) {
  const inviter = await requireActor(deps.prisma as never, actor, 'user:invite');
  const keys = [...new Set(organisationNames.map(nameKeyOf))].filter(Boolean);
  const found = keys.length
    ? await deps.prisma.organisation.findMany({ where: { environmentId: inviter.environmentId, nameKey: { in: keys } }, select: { id: true, name: true, nameKey: true } })
    : [];
  const me = await deps.prisma.user.findUniqueOrThrow({ where: { id: inviter.id }, select: { locale: true, environment: { select: { locale: true } } } });
  return {
    organisations: new Map(found.map((o) => [o.nameKey, { id: o.id, name: o.name }])),
    locale: { user: me.locale, environment: me.environment.locale },
  };
}

/** The name key an organisation name is matched on. */
export const organisationKey = (name: string) => nameKeyOf(name);

export type BulkOutcome = 'invited' | 'reinvited' | 'existing';

/**
 * Invites one row of a list. Someone removed earlier is invited again ("reinvited"), someone still
 * waiting for an invitation gets a new link ("reinvited", their earlier links stop working), an active
 * or blocked user gets nothing ("existing"). Any other refusal is an AppError, as from inviteUser.
 * `actor.requestId` must be unique to the row: a retry of the row gives its first result back.
 */
export async function inviteListed(
  deps: RightsDeps,
  actor: Actor & { requestId: string },
  row: { email: string; role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR'; organisations: OrganisationToJoin[] },
): Promise<BulkOutcome> {
  try {
    const result = await inviteUser(deps, actor, row);
    return result.reinvited ? 'reinvited' : 'invited';
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'already_exists') throw err;
  }
  const me = await requireActor(deps.prisma as never, actor, 'user:invite');
  const user = await deps.prisma.user.findUnique({ where: { email: row.email }, select: { id: true, environmentId: true, status: true } });
  if (!user || user.environmentId !== me.environmentId) throw new AppError('conflict', `${row.email} changed while it was being invited. Invite it again.`, 'email');
  if (user.status !== 'INVITED') return 'existing';
  await resendInvitation(deps, { ...actor, requestId: `${actor.requestId}:resend` }, { userId: user.id });
  return 'reinvited';
}

/** The inviting person's and their environment's language, for the messages about a list. */
export async function inviterLanguage(deps: RightsDeps, userId: string) {
  const me = await deps.prisma.user.findUnique({ where: { id: userId }, select: { locale: true, environment: { select: { locale: true } } } });
  return { user: me?.locale ?? null, environment: me?.environment.locale ?? 'en' };
}
