// Inviting many people at once (issue 14): what a list is checked against before anything is sent,
// and one row's invitation. Each row runs as its own change with its own request id (changeOnce), so
// a list taken again after a crash invites every row exactly once: a row done before gets its first
// result back.
import { randomUUID } from 'node:crypto';
import type { Prisma as PrismaNS } from '../../generated/prisma/client.ts';
import { checkOutboxMessage, } from '../../messages/index.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import { changeOnce } from '../core/change-once.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { hashToken, newToken } from '../secrets.ts';
import { AppError } from '../errors.ts';
import { nameKeyOf } from '../organisations/organisation-details.ts';
import { inviteUser } from './invite-user.ts';
import { invitationEmail, type OrganisationToJoin } from './issue-invitation.ts';
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
  if (!user || user.environmentId !== me.environmentId) throw new AppError('conflict', 'rights.invite.changedMeanwhile', { email: row.email }, 'email');
  if (user.status !== 'INVITED') return 'existing';
  await resendInvitation(deps, { ...actor, requestId: `${actor.requestId}:resend` }, { userId: user.id });
  return 'reinvited';
}

/** The inviting person's and their environment's language, for the messages about a list. */
export async function inviterLanguage(deps: RightsDeps, userId: string) {
  const me = await deps.prisma.user.findUnique({ where: { id: userId }, select: { locale: true, environment: { select: { locale: true } } } });
  return { user: me?.locale ?? null, environment: me?.environment.locale ?? 'en' };
}

export interface ListedRow {
  email: string;
  role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
  organisations: OrganisationToJoin[];
}

/**
 * Invites, in one transaction with set-based statements, the rows of a list whose address nobody in
 * any environment has (the usual case: a handful of queries for a hundred people instead of ten each);
 * the same change as inviteUser for each (rule 1 and 5: a user INVITED with the role, an invitation
 * whose organisations are joined on activation, its email queued, an audit event). Rows it leaves
 * alone (an address already known, an organisation not of this environment) are returned by index, to
 * be invited one by one with inviteListed, which says what happened to each.
 * Once per `actor.requestId` (changeOnce): a retry gives the first result back and invites nobody twice.
 */
export async function inviteBatch(deps: RightsDeps, actor: Actor & { requestId: string }, rows: ListedRow[]): Promise<{ invited: number[]; left: number[] }> {
  return changeOnce(deps, actor, 'invite-batch', async (tx) => {
    const inviter = await requireActor(tx, actor, 'user:invite');
    const orgIds = [...new Set(rows.flatMap((r) => r.organisations.map((o) => o.organisationId)))];
    const orgs = orgIds.length ? await tx.organisation.findMany({ where: { environmentId: inviter.environmentId, id: { in: orgIds } }, select: { id: true, name: true } }) : [];
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const known = new Set((await tx.user.findMany({ where: { email: { in: rows.map((r) => r.email) } }, select: { email: true } })).map((u) => u.email));
    const invited: number[] = [];
    const left: number[] = [];
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      const fits = !known.has(r.email) && !seen.has(r.email) && r.organisations.every((o) => orgName.has(o.organisationId)) && new Set(r.organisations.map((o) => o.organisationId)).size === r.organisations.length;
      seen.add(r.email);
      (fits ? invited : left).push(i);
    });
    if (invited.length === 0) return { invited, left };
    const now = nowOf(deps);
    const expiresAt = new Date(now.getTime() + deps.options.invitationTtlMs);
    const environment = await tx.environment.findUniqueOrThrow({ where: { id: inviter.environmentId }, select: { name: true, locale: true } });
    const made = invited.map((i) => ({ row: rows[i]!, userId: randomUUID(), invitationId: randomUUID(), token: newToken() }));
    await tx.user.createMany({ data: made.map((m) => ({ id: m.userId, environmentId: inviter.environmentId, email: m.row.email, role: m.row.role, status: 'INVITED' as const })) });
    await tx.invitation.createMany({
      data: made.map((m) => ({
        id: m.invitationId,
        userId: m.userId,
        tokenHash: hashToken(m.token),
        expiresAt,
        invitedById: inviter.id,
        organisations: m.row.organisations as unknown as PrismaNS.InputJsonValue,
      })),
    });
    const emails = made.map((m) => {
      const message = invitationEmail(deps, {
        to: m.row.email,
        environment,
        inviter,
        role: m.row.role,
        organisations: m.row.organisations.map((o) => orgName.get(o.organisationId)!),
        token: m.token,
        expiresAt,
      });
      checkOutboxMessage(message);
      return { environmentId: inviter.environmentId, kind: 'EMAIL' as const, dedupeKey: `invitation:${m.invitationId}:email:${m.row.email}`, payload: (message as { email: unknown }).email as PrismaNS.InputJsonValue };
    });
    await tx.outboxMessage.createMany({ data: emails, skipDuplicates: true });
    await tx.auditEvent.createMany({
      data: made.map((m) => ({
        environmentId: inviter.environmentId,
        actorUserId: actor.userId,
        actorSlackId: actor.slackUserId ?? null,
        requestId: actor.requestId,
        action: 'user.invited',
        targetType: 'user',
        targetId: m.userId,
        details: { email: m.row.email, role: m.row.role, organisations: m.row.organisations, reinvited: false, invitationId: m.invitationId } as unknown as PrismaNS.InputJsonValue,
      })),
    });
    return { invited, left };
  });
}
