// Rule 1, 8 and 9: an Administrator removes a user from the environment. They can no longer log in,
// their memberships end (each organisation keeps an administrator), and their pending invitations die
// with the emails that carry them. The address can be invited again later.
import type { Actor } from '../core/actor.ts';
import { ensureOrganisationsKeepAdministrators } from '../core/administrators.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import type { TargetUser } from '../core/targets.ts';
import type { Tx } from '../core/transaction.ts';
import { scrubPendingInvitationEmails } from '../invitations/scrub-invitation-emails.ts';
import { changeUserStatus, type UserStatusInput } from './change-user-status.ts';

export const removeUser = (deps: RightsDeps, actor: Actor, raw: UserStatusInput) =>
  changeUserStatus(deps, actor, raw, {
    verb: 'remove',
    done: 'removed',
    action: 'user:remove',
    event: 'user.removed',
    from: ['ACTIVE', 'BLOCKED', 'INVITED'],
    to: 'REMOVED',
    alsoDo: endMembershipsAndInvitations,
  });

async function endMembershipsAndInvitations(tx: Tx, deps: RightsDeps, user: TargetUser) {
  const rows = await ensureOrganisationsKeepAdministrators(tx, user, 'rights.deed.remove');
  await tx.membership.deleteMany({ where: { userId: user.id } });
  await tx.invitation.updateMany({ where: { userId: user.id, usedAt: null, revokedAt: null }, data: { revokedAt: nowOf(deps) } });
  await scrubPendingInvitationEmails(tx, user.email);
  return { memberships: rows.map((r) => r.organisation.name) };
}
