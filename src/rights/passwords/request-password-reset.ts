// Someone forgot their password and typed their address. The answer never says whether the address
// has an account: every request runs one transaction that looks the address up and then queues an
// email or skips, and the page answers the same (after the same minimum time, web side).
// - an active user gets a single-use link that works for an hour (passwordResetTtlMs), stored hashed;
//   a newer request ends the older links;
// - an invited user gets a fresh activation link instead (a resend: older links stop working, rule 6);
// - blocked and removed users, and unknown addresses, get nothing.
import { isLocale, readerLocale } from '../../i18n/catalogue.ts';
import { z } from 'zod';
import { audit } from '../core/audit.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { enqueue } from '../core/outbox.ts';
import { transaction, type Tx } from '../core/transaction.ts';
import { normaliseEmail } from '../email.ts';
import { issue, parseInput } from '../input.ts';
import { issueInvitation, type OrganisationToJoin } from '../invitations/issue-invitation.ts';
import { scrubPendingInvitationEmails } from '../invitations/scrub-invitation-emails.ts';
import { hashToken, newToken } from '../secrets.ts';

const input = z.object({
  email: z.string({ error: issue('rights.input.enterEmail') }).max(320, issue('rights.input.enterEmail')),
  /** the language of the page the person asked on */
  locale: z.enum(['en', 'nl']).optional(),
});

export type RequestPasswordResetInput = z.input<typeof input>;

/** What happened, for the log and the tests; the page shows the same whatever it is. */
export type PasswordResetRequest = 'link_sent' | 'activation_link_sent' | 'nothing_sent';

export async function requestPasswordReset(deps: RightsDeps, raw: RequestPasswordResetInput): Promise<PasswordResetRequest> {
  const data = parseInput(input, raw);
  const email = normaliseEmail(data.email);
  // Made for every request, used or not, so an unknown address costs the same work.
  const token = newToken();
  const tokenHash = hashToken(token);
  return transaction(deps, async (tx) => {
    const user = await tx.user.findUnique({
      where: { email: email ?? '' },
      select: { id: true, email: true, name: true, role: true, status: true, locale: true, environmentId: true, environment: { select: { locale: true } } },
    });
    if (!user || user.status === 'BLOCKED' || user.status === 'REMOVED') return 'nothing_sent';
    if (user.status === 'INVITED') return (await resendOwnInvitation(tx, deps, user)) ? 'activation_link_sent' : 'nothing_sent';
    const now = nowOf(deps);
    await tx.passwordReset.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const expiresAt = new Date(now.getTime() + deps.options.passwordResetTtlMs);
    const reset = await tx.passwordReset.create({ data: { userId: user.id, tokenHash, expiresAt }, select: { id: true } });
    await enqueue(tx, user.environmentId, `password-reset:${reset.id}:email`, {
      email: {
        to: user.email,
        template: 'password-reset',
        // the person's own language; else the page they asked on, which they just read; else their environment's
        locale: isLocale(user.locale) ? user.locale : (data.locale ?? readerLocale(user.environment)),
        data: { link: `${deps.options.publicUrl}/password/reset?token=${token}`, expiresAt: expiresAt.toISOString() },
      },
    });
    await audit(tx, {
      environmentId: user.environmentId,
      actor: { userId: user.id },
      action: 'user.password_reset_requested',
      targetType: 'user',
      targetId: user.id,
      details: { email: user.email, resetId: reset.id },
    });
    return 'link_sent';
  });
}

/**
 * An invited person who "forgot" a password never had one: they get a new activation link, as if an
 * administrator resent the invitation, naming the person who invited them (or an administrator).
 */
async function resendOwnInvitation(tx: Tx, deps: RightsDeps, user: { id: string; email: string; role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR'; environmentId: string }) {
  const last = await tx.invitation.findFirst({ where: { userId: user.id }, orderBy: { createdAt: 'desc' }, select: { organisations: true, invitedById: true } });
  const active = { environmentId: user.environmentId, status: 'ACTIVE' as const };
  const inviter =
    (last?.invitedById ? await tx.user.findFirst({ where: { id: last.invitedById, ...active }, select: { id: true, name: true, email: true } }) : null) ??
    (await tx.user.findFirst({ where: { ...active, role: 'ADMINISTRATOR' }, orderBy: { createdAt: 'asc' }, select: { id: true, name: true, email: true } }));
  if (!inviter) return false;
  await scrubPendingInvitationEmails(tx, user.email);
  const { invitation } = await issueInvitation(tx, deps, user, inviter, (last?.organisations ?? []) as unknown as OrganisationToJoin[]);
  await audit(tx, {
    environmentId: user.environmentId,
    actor: { userId: user.id },
    action: 'invitation.resent',
    targetType: 'user',
    targetId: user.id,
    details: { email: user.email, invitationId: invitation.id, requestedBy: 'the invited person (forgotten password)' },
  });
  return true;
}
