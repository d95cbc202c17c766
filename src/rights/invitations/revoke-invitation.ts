// Rule 6: a revoke kills every token of the user. The invited user stays, marked REMOVED, so the
// address can be invited again later; memberships given before activation and the organisations the
// invitation would have joined end with it, so a later invitation starts clean.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { requireUser } from '../core/targets.ts';
import { ensureOrganisationsKeepAdministrators } from '../core/administrators.ts';
import { AppError, phrase } from '../errors.ts';
import { idSchema, parseInput } from '../input.ts';
import { scrubPendingInvitationEmails } from './scrub-invitation-emails.ts';

const input = z.object({ userId: idSchema('rights.what.user') });

export async function revokeInvitation(deps: RightsDeps, actor: Actor, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  return changeOnce(deps, actor, 'revoke-invitation', async (tx) => {
    const admin = await requireActor(tx, actor, 'invitation:revoke');
    const user = await requireUser(tx, admin.environmentId, data.userId);
    if (user.status !== 'INVITED') {
      throw new AppError('conflict', 'rights.invite.noPending', { email: user.email, status: phrase(`status.${user.status}.lower`) }, 'user');
    }
    const memberships = await ensureOrganisationsKeepAdministrators(tx, user, 'rights.deed.revokeInvitation');
    await tx.membership.deleteMany({ where: { userId: user.id } });
    const revoked = await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: nowOf(deps) } });
    await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null }, data: { organisations: [] } });
    await tx.user.update({ where: { id: user.id }, data: { status: 'REMOVED' } });
    await scrubPendingInvitationEmails(tx, user.email);
    await audit(tx, {
      environmentId: admin.environmentId,
      actor,
      action: 'invitation.revoked',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, tokensRevoked: revoked.count, memberships: memberships.map((m) => m.organisation.name) },
    });
    return { user: { id: user.id, email: user.email, status: 'REMOVED' as const }, revoked: revoked.count };
  });
}
