// Rule 6: a resend issues a new token and kills the older ones.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { requireUser } from '../core/targets.ts';
import { AppError, phrase } from '../errors.ts';
import { idSchema, parseInput } from '../input.ts';
import { issueInvitation, type OrganisationToJoin } from './issue-invitation.ts';
import { scrubPendingInvitationEmails } from './scrub-invitation-emails.ts';

const input = z.object({ userId: idSchema('rights.what.user') });

export async function resendInvitation(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return changeOnce(deps, actor, 'resend-invitation', async (tx) => {
    const admin = await requireActor(tx, actor, 'invitation:resend');
    const user = await requireUser(tx, admin.environmentId, data.userId);
    if (user.status !== 'INVITED') {
      throw new AppError('conflict', 'rights.invite.notWaiting', { email: user.email, status: phrase(`status.${user.status}.lower`) }, 'user');
    }
    const last = await tx.invitation.findFirst({ where: { userId: user.id }, orderBy: { createdAt: 'desc' }, select: { organisations: true } });
    await scrubPendingInvitationEmails(tx, user.email);
    const { invitation } = await issueInvitation(tx, deps, user, admin, (last?.organisations ?? []) as unknown as OrganisationToJoin[]);
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'invitation.resent',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, invitationId: invitation.id },
    });
    return { user: { id: user.id, email: user.email }, invitation: { id: invitation.id, expiresAt: invitation.expiresAt.toISOString() } };
  });
}
