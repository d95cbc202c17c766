// Issues a fresh invitation token for an INVITED user and queues its email, killing older tokens
// (rule 6). Shared by invite-user and resend-invitation.
import type { Prisma } from '../../generated/prisma/client.ts';
import type { OutboxMessage } from '../../messages/index.ts';
import type { EnvironmentRole } from '../../generated/prisma/enums.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { enqueue } from '../core/outbox.ts';
import { displayName } from '../core/targets.ts';
import type { Tx } from '../core/transaction.ts';
import { hashToken, newToken } from '../secrets.ts';

export interface InvitationTarget {
  id: string;
  email: string;
  environmentId: string;
  role: EnvironmentRole;
}

export interface OrganisationToJoin {
  organisationId: string;
  role: 'MEMBER' | 'ADMINISTRATOR';
}

export async function issueInvitation(
  tx: Tx,
  deps: RightsDeps,
  user: InvitationTarget,
  inviter: { id: string; name: string | null; email: string },
  organisations: OrganisationToJoin[],
  ttlMs = deps.options.invitationTtlMs,
) {
  const now = nowOf(deps);
  await tx.invitation.updateMany({
    where: { userId: user.id, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newToken();
  const expiresAt = new Date(now.getTime() + ttlMs);
  const invitation = await tx.invitation.create({
    data: {
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt,
      invitedById: inviter.id,
      organisations: organisations as unknown as Prisma.InputJsonValue,
    },
    select: { id: true, expiresAt: true },
  });
  const environment = await tx.environment.findUniqueOrThrow({ where: { id: user.environmentId }, select: { name: true, locale: true } });
  const orgNames = organisations.length
    ? (await tx.organisation.findMany({ where: { id: { in: organisations.map((o) => o.organisationId) } }, select: { name: true } })).map((o) => o.name)
    : [];
  await enqueue(
    tx,
    user.environmentId,
    `invitation:${invitation.id}:email:${user.email}`,
    invitationEmail(deps, { to: user.email, environment, inviter, role: user.role, organisations: orgNames, token, expiresAt }),
  );
  return { invitation, token };
}

/** The invitation email: in the environment's language, with the inviter's name and the activation link. */
export function invitationEmail(
  deps: RightsDeps,
  i: {
    to: string;
    environment: { name: string; locale: string };
    inviter: { name: string | null; email: string };
    role: EnvironmentRole;
    organisations: string[];
    token: string;
    expiresAt: Date;
  },
): OutboxMessage {
  return {
    email: {
      to: i.to,
      template: 'invitation',
      locale: i.environment.locale,
      data: {
        inviterName: displayName(i.inviter),
        inviterEmail: i.inviter.email,
        environmentName: i.environment.name,
        role: i.role,
        organisations: i.organisations,
        link: `${deps.options.publicUrl}/activate?token=${i.token}`,
        expiresAt: i.expiresAt.toISOString(),
      },
    },
  } as OutboxMessage;
}
