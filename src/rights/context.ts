// What every use case receives, and the helpers that keep a change, its audit event and its messages
// in one transaction.
import type { Prisma as PrismaNS } from '../generated/prisma/client.ts';
import type { Prisma } from '../db/database.ts';
import { AppError } from './errors.ts';
import { decide, type Action, type Decision } from './policy.ts';
import type { OrganisationRole } from '../generated/prisma/enums.ts';

export interface RightsOptions {
  /** how long an invitation link works */
  invitationTtlMs: number;
  /** how long a registration verification link works */
  verificationTtlMs: number;
  /** base of links in emails, without a trailing slash */
  publicUrl: string;
  /** shared mail domains beyond the maintained list */
  extraPublicDomains: string[];
}

export interface RightsDeps {
  prisma: Prisma;
  now?: () => Date;
  options: RightsOptions;
}

export const defaultOptions: RightsOptions = {
  invitationTtlMs: 7 * 24 * 3600_000,
  verificationTtlMs: 24 * 3600_000,
  publicUrl: 'http://localhost:3000',
  extraPublicDomains: [],
};

/** Who asks: an environment user, and where the request came from. */
export interface Actor {
  userId: string;
  slackUserId?: string;
  requestId?: string;
}

export type Tx = PrismaNS.TransactionClient;

export const nowOf = (deps: RightsDeps) => (deps.now ? deps.now() : new Date());

/**
 * Runs `fn` in a transaction; retries a few times when PostgreSQL reports a serialisation failure or
 * deadlock (two administrators clicking at once), so callers see either success or a domain error.
 * A unique violation (P2002) is retried too: it means a concurrent change inserted the same row
 * (two invitations of one address, one organisation name) after this one checked, and the retry's
 * own check then reports it as a domain error instead of a raw database error.
 */
export async function transaction<T>(deps: RightsDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.prisma.$transaction(fn, { maxWait: 10_000, timeout: 20_000 });
    } catch (err) {
      const code = (err as { code?: string }).code;
      const retryable = code === 'P2034' || code === 'P2002' || /deadlock detected|could not serialize/i.test(String((err as Error).message));
      if (!retryable || attempt >= 5) throw err;
      await new Promise((r) => setTimeout(r, 5 * attempt + Math.random() * 20));
    }
  }
}

export interface ActingUser {
  id: string;
  environmentId: string;
  email: string;
  name: string | null;
  role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
  status: 'INVITED' | 'ACTIVE' | 'BLOCKED' | 'REMOVED';
}

const actingSelect = { id: true, environmentId: true, email: true, name: true, role: true, status: true } as const;

/** Loads the actor and checks `action`; throws forbidden with the policy's reason. */
export async function requireActor(
  tx: Tx,
  actor: Actor,
  action: Action,
  membership?: { organisationId: string },
): Promise<ActingUser> {
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: actingSelect });
  if (!user) throw new AppError('not_authenticated', 'Your account was not found. Ask an administrator of your environment to invite you.');
  let orgRole: OrganisationRole | null | undefined;
  if (membership) {
    const m = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: user.id, organisationId: membership.organisationId } },
      select: { role: true },
    });
    orgRole = m?.role ?? null;
  }
  const decision = decide(user, action, orgRole);
  if (!decision.allowed) throw forbidden(decision, action);
  return user;
}

export function forbidden(decision: Decision, action: Action): AppError {
  const what: Record<string, string> = {
    'user:invite': 'invite users',
    'user:set-role': 'change roles',
    'user:block': 'block users',
    'user:unblock': 'unblock users',
    'user:remove': 'remove users',
    'invitation:resend': 'resend invitations',
    'invitation:revoke': 'revoke invitations',
    'organisation:create': 'create organisations',
    'organisation:update': "edit an organisation's details",
    'environment:configure': 'change the environment settings',
    'audit:read': 'read the audit trail',
    'member:add': 'add members to this organisation',
    'member:set-role': "change members' roles in this organisation",
    'member:remove': 'remove members from this organisation',
    'member:list': "see this organisation's members",
    'directory:read': 'look up other users and organisations',
  };
  const verb = what[action] ?? 'do this';
  return new AppError('forbidden', `You may not ${verb}: ${decision.reason}. Ask an administrator of your environment.`);
}

export interface AuditInput {
  environmentId: string;
  actor?: Actor | null;
  action: string;
  targetType: 'user' | 'organisation' | 'membership' | 'invitation' | 'environment' | 'api_token';
  targetId: string;
  details?: Record<string, unknown>;
}

export async function audit(tx: Tx, input: AuditInput) {
  return tx.auditEvent.create({
    data: {
      environmentId: input.environmentId,
      actorUserId: input.actor?.userId ?? null,
      actorSlackId: input.actor?.slackUserId ?? null,
      requestId: input.actor?.requestId ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId,
      details: (input.details ?? {}) as PrismaNS.InputJsonValue,
    },
    select: { id: true },
  });
}

/** An email to deliver; `template` names a template in src/mail/templates. */
export interface EmailMessage {
  to: string;
  template: string;
  locale: string;
  data: Record<string, unknown>;
}

/** A Slack notification; `kind` names a renderer in src/slack/notifications. */
export interface SlackMessage {
  /** a channel id or a user id (direct message) */
  channel: string;
  kind: string;
  data: Record<string, unknown>;
}

/**
 * Queues a message in the change's transaction. `dedupeKey` names the event and the recipient, so a
 * message is queued once per recipient per event however often the change is retried.
 */
export async function enqueue(
  tx: Tx,
  environmentId: string | null,
  dedupeKey: string,
  message: { email: EmailMessage } | { slack: SlackMessage },
) {
  const kind = 'email' in message ? 'EMAIL' : 'SLACK';
  const payload = ('email' in message ? message.email : message.slack) as unknown as PrismaNS.InputJsonValue;
  await tx.outboxMessage.createMany({
    data: [{ environmentId, kind, dedupeKey, payload }],
    skipDuplicates: true,
  });
}

/**
 * Runs a change once per request id: a retried Slack request (or a double click) gets the first
 * result back instead of changing state again. The key row is written in the change's transaction.
 */
export async function changeOnce<T>(deps: RightsDeps, actor: Actor | null, name: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Scoped to the actor: another person's request id must never replay (and reveal) someone else's result.
  const key = actor?.requestId ? `${name}:${actor.userId}:${actor.requestId}` : null;
  if (!key) return transaction(deps, fn);
  try {
    return await transaction(deps, async (tx) => {
      const previous = await tx.idempotencyKey.findUnique({ where: { key } });
      if (previous) return previous.result as T;
      const result = await fn(tx);
      await tx.idempotencyKey.create({ data: { key, result: JSON.parse(JSON.stringify(result ?? null)) } });
      return result;
    });
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err;
    const previous = await deps.prisma.idempotencyKey.findUnique({ where: { key } });
    if (!previous) throw err;
    return previous.result as T;
  }
}

/** Serialises changes that must keep an environment's invariants (rule 8). */
export async function lockEnvironment(tx: Tx, environmentId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Environment" WHERE id = ${environmentId} FOR UPDATE`;
}

/** Serialises changes to one organisation's memberships (rule 8). */
export async function lockOrganisation(tx: Tx, organisationId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Organisation" WHERE id = ${organisationId} FOR UPDATE`;
}

const targetSelect = { id: true, environmentId: true, email: true, name: true, role: true, status: true, slackUserId: true } as const;

/** A user of the actor's environment; a user of another environment is reported as not found. */
export async function requireUser(tx: Tx, environmentId: string, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: targetSelect });
  if (!user || user.environmentId !== environmentId) {
    throw new AppError('not_found', 'That user is not in your environment. Check the email address or pick someone from the list.', 'user');
  }
  return user;
}

export async function requireOrganisation(tx: Tx, environmentId: string, organisationId: string) {
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true, environmentId: true, name: true } });
  if (!org || org.environmentId !== environmentId) {
    throw new AppError('not_found', 'That organisation is not in your environment. Pick one from the list, or create it first.', 'organisation');
  }
  return org;
}

export const displayName = (u: { name: string | null; email: string }) => u.name ?? u.email;

/**
 * Tells an environment's administrators something in Slack: in the notification channel when one is
 * set, otherwise by direct message to each active administrator whose Slack account is known.
 */
export async function notifyAdministrators(
  tx: Tx,
  environmentId: string,
  eventKey: string,
  kind: string,
  data: Record<string, unknown>,
) {
  const env = await tx.environment.findUnique({ where: { id: environmentId }, select: { notificationChannelId: true } });
  if (env?.notificationChannelId) {
    await enqueue(tx, environmentId, `${eventKey}:slack:${env.notificationChannelId}`, {
      slack: { channel: env.notificationChannelId, kind, data },
    });
    return;
  }
  const admins = await tx.user.findMany({
    where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE', slackUserId: { not: null } },
    select: { slackUserId: true },
    take: 50,
  });
  for (const a of admins) {
    await enqueue(tx, environmentId, `${eventKey}:slack:${a.slackUserId}`, { slack: { channel: a.slackUserId!, kind, data } });
  }
}
