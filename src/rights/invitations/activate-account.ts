// Rule 5: activation sets the name and password, makes the user ACTIVE and applies the memberships
// chosen at invitation; the token is single use (rule 6). The inviter and the administrators are told.
import { z } from 'zod';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { enqueue, notifyAdministrators } from '../core/outbox.ts';
import { transaction } from '../core/transaction.ts';
import { AppError } from '../errors.ts';
import { nameText, parseInput, issue } from '../input.ts';
import { checkPasswordStrength } from '../password-policy.ts';
import { hashPassword } from '../secrets.ts';
import { findUsableInvitation } from './find-usable-invitation.ts';
import type { OrganisationToJoin } from './issue-invitation.ts';

const input = z.object({
  token: z.string(),
  name: nameText('rights.what.yourName', 100),
  password: z.string({ error: issue('rights.input.choosePassword') }),
});

export async function activateAccount(deps: RightsDeps, raw: z.input<typeof input>) {
  const data = parseInput(input, raw);
  // Check the link before the (deliberately slow) password hash, so broken links answer at once.
  const preview = await findUsableInvitation(deps.prisma, deps, data.token);
  await checkPasswordStrength(data.password, [preview.user.email, data.name]);
  const passwordHash = await hashPassword(data.password);
  return transaction(deps, async (tx) => {
    const inv = await findUsableInvitation(tx, deps, data.token);
    const now = nowOf(deps);
    // Single use even when two tabs submit at once: only one update finds the invitation unused.
    const claimed = await tx.invitation.updateMany({ where: { id: inv.id, usedAt: null, revokedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError('invitation_used', 'rights.activation.used');
    await tx.invitation.updateMany({ where: { userId: inv.user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const user = await tx.user.update({
      where: { id: inv.user.id },
      data: { name: data.name, passwordHash, status: 'ACTIVE', activatedAt: now },
      select: { id: true, email: true, name: true, role: true, environmentId: true },
    });
    const joined: string[] = [];
    for (const o of (inv.organisations ?? []) as unknown as OrganisationToJoin[]) {
      const org = await tx.organisation.findUnique({ where: { id: o.organisationId }, select: { id: true, environmentId: true, name: true } });
      if (!org || org.environmentId !== user.environmentId) continue; // deleted since the invitation
      await tx.membership.upsert({
        where: { userId_organisationId: { userId: user.id, organisationId: org.id } },
        create: { userId: user.id, organisationId: org.id, role: o.role },
        update: {},
      });
      joined.push(org.name);
    }
    const event = await audit(tx, {
      environmentId: user.environmentId,
      actor: { userId: user.id },
      action: 'user.activated',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, invitationId: inv.id, organisations: joined },
    });
    const note = {
      userId: user.id,
      userName: user.name,
      email: user.email,
      role: user.role,
      environmentName: inv.user.environment.name,
      organisations: joined,
      inviterName: inv.inviter ? (inv.inviter.name ?? inv.inviter.email) : null,
    };
    const key = `activation:${event.id}`;
    if (inv.inviter?.slackUserId) {
      await enqueue(tx, user.environmentId, `${key}:slack:${inv.inviter.slackUserId}`, {
        slack: { channel: inv.inviter.slackUserId, kind: 'user.activated', data: { ...note, toInviter: true } },
      });
    }
    const administratorsTold = await notifyAdministrators(tx, user.environmentId, key, 'user.activated', note, { exceptEmail: user.email });
    return { user: { ...user, status: 'ACTIVE' as const }, organisations: joined, administratorsTold };
  });
}
