// Issues a fresh invitation token for an INVITED user and queues its email, killing older tokens
// (rule 6). Shared by invite-user and resend-invitation.
import type { Prisma } from '../../generated/prisma/client.ts';
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
  await enqueue(tx, user.environmentId, `invitation:${invitation.id}:email:${user.email}`, {
    email: {
      to: user.email,
      template: 'invitation',
      locale: environment.locale,
      data: {
        inviterName: displayName(inviter),
        inviterEmail: inviter.email,
        environmentName: environment.name,
        role: user.role,
        organisations: orgNames,
        link: `${deps.options.publicUrl}/activate?token=${token}`,
        expiresAt: expiresAt.toISOString(),
      },
    },
  });
  return { invitation, token };
}
