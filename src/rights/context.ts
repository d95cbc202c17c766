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
 */
export async function transaction<T>(deps: RightsDeps, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await deps.prisma.$transaction(fn, { maxWait: 10_000, timeout: 20_000 });
    } catch (err) {
      const code = (err as { code?: string }).code;
      const retryable = code === 'P2034' || /deadlock detected|could not serialize/i.test(String((err as Error).message));
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

/** Slack notifications to an environment: its channel, if set. Direct messages go to slack ids. */
export async function notifyEnvironment(
  tx: Tx,
  environmentId: string,
  eventKey: string,
  kind: string,
  data: Record<string, unknown>,
) {
  const env = await tx.environment.findUnique({ where: { id: environmentId }, select: { notificationChannelId: true } });
  if (env?.notificationChannelId) {
    await enqueue(tx, environmentId, `${eventKey}:channel:${env.notificationChannelId}`, {
      slack: { channel: env.notificationChannelId, kind, data },
    });
  }
}
