// Rule 1 and 5: an Administrator invites someone by email, with a role and organisations to join on
// activation. A user removed earlier from this environment can be invited again.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { changeOnce } from '../core/change-once.ts';
import type { RightsDeps } from '../core/deps.ts';
import { requireOrganisation } from '../core/targets.ts';
import { emailSchema } from '../email.ts';
import { AppError } from '../errors.ts';
import { parseInput, issue } from '../input.ts';
import { issueInvitation } from './issue-invitation.ts';
import { scrubPendingInvitationEmails } from './scrub-invitation-emails.ts';

const input = z.object({
  email: emailSchema,
  role: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR'], { error: issue('rights.user.chooseRole') }).default('BASIC'),
  organisations: z
    .array(
      z.object({
        organisationId: z.string().uuid(issue('rights.invite.pickOrganisations')),
        role: z.enum(['MEMBER', 'ADMINISTRATOR']).default('MEMBER'),
      }),
    )
    .max(50, issue('rights.invite.tooManyOrganisations'))
    .default([]),
  /** days the link works; default from the options (7 days) */
  expiresInDays: z.number().int().min(1, issue('rights.invite.linkDays')).max(30, issue('rights.invite.linkDays')).optional(),
});

export type InviteUserInput = z.input<typeof input>;

export async function inviteUser(deps: RightsDeps, actor: Actor, raw: InviteUserInput) {
  const data = parseInput(input, raw);
  return changeOnce(deps, actor, 'invite-user', async (tx) => {
    const inviter = await requireActor(tx, actor, 'user:invite');
    const seen = new Set<string>();
    for (const o of data.organisations) {
      await requireOrganisation(tx, inviter.environmentId, o.organisationId);
      if (seen.has(o.organisationId)) throw new AppError('invalid_input', 'rights.invite.organisationTwice', {}, 'organisations');
      seen.add(o.organisationId);
    }
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true, environmentId: true, status: true } });
    let userId: string;
    let reinvited = false;
    if (existing) {
      if (existing.environmentId !== inviter.environmentId) {
        // Users of other environments are indistinguishable from addresses that cannot be invited for any other reason.
        throw new AppError('invalid_input', 'rights.invite.cannot', { email: data.email }, 'email');
      }
      if (existing.status === 'INVITED') {
        throw new AppError('already_exists', 'rights.invite.alreadyInvited', { email: data.email }, 'email');
      }
      if (existing.status !== 'REMOVED') {
        throw new AppError('already_exists', 'rights.invite.alreadyMember', { email: data.email }, 'email');
      }
      // Someone removed earlier starts again from nothing.
      await tx.user.update({
        where: { id: existing.id },
        data: { status: 'INVITED', role: data.role, passwordHash: null, activatedAt: null },
      });
      // Nothing of before comes back: no memberships, no organisations of an older invitation.
      await tx.membership.deleteMany({ where: { userId: existing.id } });
      await tx.invitation.updateMany({ where: { userId: existing.id, usedAt: null }, data: { organisations: [] } });
      await scrubPendingInvitationEmails(tx, data.email);
      userId = existing.id;
      reinvited = true;
    } else {
      const created = await tx.user.create({
        data: { environmentId: inviter.environmentId, email: data.email, role: data.role, status: 'INVITED' },
        select: { id: true },
      });
      userId = created.id;
    }
    const user = { id: userId, email: data.email, environmentId: inviter.environmentId, role: data.role };
    const ttl = data.expiresInDays ? data.expiresInDays * 24 * 3600_000 : undefined;
    const { invitation } = await issueInvitation(tx, deps, user, inviter, data.organisations, ttl);
    await audit(tx, {
      environmentId: inviter.environmentId,
      actor,
      action: 'user.invited',
      targetType: 'user',
      targetId: userId,
      details: { email: data.email, role: data.role, organisations: data.organisations, reinvited, invitationId: invitation.id },
    });
    return {
      user: { id: userId, email: data.email, role: data.role, status: 'INVITED' as const },
      invitation: { id: invitation.id, expiresAt: invitation.expiresAt.toISOString() },
      reinvited,
    };
  });
}
