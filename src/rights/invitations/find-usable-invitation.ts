// Finds the invitation behind an activation link and says exactly why a link no longer works.
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import type { Tx } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { hashToken, looksLikeToken, sameHash } from '../secrets.ts';

export async function findUsableInvitation(tx: Tx | RightsDeps['prisma'], deps: RightsDeps, token: unknown) {
  const invalid = new AppError('invitation_invalid', 'This activation link is not valid. Check that you opened the whole link from the email, or ask your administrator for a new invitation.');
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
    throw new AppError('invitation_used', 'This activation link was already used. Log in with your email and password, or ask your administrator for a new invitation.');
  }
  if (invitation.revokedAt || invitation.user.status !== 'INVITED') {
    throw new AppError('invitation_revoked', 'This activation link no longer works: a newer invitation was sent or the invitation was cancelled. Use the newest email, or ask your administrator for a new invitation.');
  }
  if (invitation.expiresAt.getTime() <= nowOf(deps).getTime()) {
    throw new AppError('invitation_expired', 'This activation link has expired. Ask your administrator to send you a new invitation.');
  }
  const inviter = invitation.invitedById
    ? await tx.user.findUnique({ where: { id: invitation.invitedById }, select: { id: true, name: true, email: true, slackUserId: true } })
    : null;
  return { ...invitation, inviter };
}
