// Subcommands that change a user: invite, set-role / make-admin, block, unblock, remove-user, resend, revoke.
import { blockUser, inviteUser, removeUser, resendInvitation, revokeInvitation, setRole, unblockUser } from '../../rights/index.ts';
import { roleChangedUntil, takeUntil } from '../access-until.ts';
import { environmentRole } from '../command-text.ts';
import { confirmationsIn, type Confirmations } from '../blocks/confirmations.ts';
import { inviteModal, setRoleModal } from '../blocks/modals.ts';
import { message } from '../blocks/text.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { pointToOrgRole } from './org-roles.ts';
import { userArg, usage, type Run, type Subcommand } from './run.ts';
import { isList } from '../bulk/list.ts';
import { inviteList } from './bulk-invite.ts';

export const invite: Subcommand = {
  usage: 'slack.usage.invite',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: inviteModal(r.t, { channel: r.channelId }) });
      return;
    }
    if (isList(r.args)) return inviteList(r);
    const role = environmentRole(r.args[1]) ?? 'BASIC';
    if (r.args[1] && !environmentRole(r.args[1])) return usage(r, this.usage);
    const result = await inviteUser(r.ctx.deps, r.caller, { email: r.args[0]!, role });
    await r.confirm((c) => c.userInvited(r.caller.slackUserId, result.user, result.invitation.expiresAt));
  },
};

export const setRoleCommand: Subcommand = {
  usage: 'slack.usage.setRole',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: setRoleModal(r.t, { channel: r.channelId }) });
      return;
    }
    const { args, until } = takeUntil(r.args);
    const role = environmentRole(args[args.length - 1]);
    if (!role && (await pointToOrgRole(r, args[args.length - 1]))) return;
    if (!role || args.length < 2) return usage(r, this.usage);
    await changeRole(r, args.slice(0, -1).join(' '), role, until);
  },
};

export const makeAdmin: Subcommand = {
  usage: 'slack.usage.makeAdmin',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: setRoleModal(r.t, { channel: r.channelId }, undefined, 'ADMINISTRATOR') });
      return;
    }
    const { args, until } = takeUntil(r.args);
    await changeRole(r, args.join(' '), 'ADMINISTRATOR', until);
  },
};

async function changeRole(r: Run, userText: string, role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR', until: string | null = null) {
  const user = await userArg(r, userText);
  const result = await setRole(r.ctx.deps, r.caller, { userId: user.id, role, until });
  if (!result.changed) return r.respond(message(confirmationsIn(r.t).roleUnchangedToCaller(result.user, role)));
  await r.confirm((c) => roleChangedUntil(c, r.caller.environmentLocale, r.caller.slackUserId, result));
}

const statusChange = (key: MessageKey, fn: typeof blockUser, confirmation: (c: Confirmations) => Confirmations['userBlocked']): Subcommand => ({
  usage: key,
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    const result = await fn(r.ctx.deps, r.caller, { userId: user.id });
    await r.confirm((c) => confirmation(c)(r.caller.slackUserId, result.user));
  },
});

export const block = statusChange('slack.usage.block', blockUser, (c) => c.userBlocked);
export const unblock = statusChange('slack.usage.unblock', unblockUser, (c) => c.userUnblocked);
export const removeUserCommand = statusChange('slack.usage.removeUser', removeUser, (c) => c.userRemoved);

export const resend: Subcommand = {
  usage: 'slack.usage.resend',
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    const result = await resendInvitation(r.ctx.deps, r.caller, { userId: user.id });
    await r.confirm((c) => c.invitationResent(r.caller.slackUserId, result.user, result.invitation.expiresAt));
  },
};

export const revoke: Subcommand = {
  usage: 'slack.usage.revoke',
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    const result = await revokeInvitation(r.ctx.deps, r.caller, { userId: user.id });
    await r.confirm((c) => c.invitationRevoked(r.caller.slackUserId, result.user));
  },
};

