// Finds the invitation behind an activation link and says exactly why a link no longer works.
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import type { Tx } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { hashToken, looksLikeToken, sameHash } from '../secrets.ts';

export async function findUsableInvitation(tx: Tx | RightsDeps['prisma'], deps: RightsDeps, token: unknown) {
  const invalid = new AppError('invitation_invalid', 'rights.activation.invalid');
  if (!looksLikeToken(token)) throw invalid;
  const tokenHash = hashToken(token);
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash },
    select: {
      id: true, tokenHash: true, expiresAt: true, usedAt: true, revokedAt: true, organisations: true, invitedById: true,
      user: { select: { id: true, email: true, name: true, role: true, status: true, environmentId: true, environment: { select: { name: true, locale: true } } } },
    },
  });
  if (!invitation || !sameHash(invitation.tokenHash, tokenHash)) throw invalid;
  if (invitation.usedAt) {
    throw new AppError('invitation_used', 'rights.activation.used');
  }
  if (invitation.revokedAt || invitation.user.status !== 'INVITED') {
    throw new AppError('invitation_revoked', 'rights.activation.revoked');
  }
  if (invitation.expiresAt.getTime() <= nowOf(deps).getTime()) {
    throw new AppError('invitation_expired', 'rights.activation.expired');
  }
  const inviter = invitation.invitedById
    ? await tx.user.findUnique({ where: { id: invitation.invitedById }, select: { id: true, name: true, email: true, slackUserId: true } })
    : null;
  return { ...invitation, inviter };
}
