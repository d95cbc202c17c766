// Subcommands that change a user: invite, set-role / make-admin, block, unblock, remove-user, resend, revoke.
import { blockUser, inviteUser, removeUser, resendInvitation, revokeInvitation, setRole, unblockUser } from '../../rights/index.ts';
import { roleChangedUntil, takeUntil } from '../access-until.ts';
import { environmentRole } from '../command-text.ts';
import {
  invitationResent, invitationRevoked, roleUnchangedToCaller, userBlocked, userInvited, userRemoved, userUnblocked,
} from '../blocks/confirmations.ts';
import { inviteModal, setRoleModal } from '../blocks/modals.ts';
import { message } from '../blocks/text.ts';
import { pointToOrgRole } from './org-roles.ts';
import { userArg, usage, type Run, type Subcommand } from './run.ts';
import { isList } from '../bulk/list.ts';
import { inviteList } from './bulk-invite.ts';

export const invite: Subcommand = {
  usage: 'invite name@company.nl [basic|advanced|administrator]',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: inviteModal({ channel: r.channelId }) });
      return;
    }
    if (isList(r.args)) return inviteList(r);
    const role = environmentRole(r.args[1]) ?? 'BASIC';
    if (r.args[1] && !environmentRole(r.args[1])) return usage(r, this.usage);
    const result = await inviteUser(r.ctx.deps, r.caller, { email: r.args[0]!, role });
    await r.confirm(userInvited(r.caller.slackUserId, result.user, result.invitation.expiresAt));
  },
};

export const setRoleCommand: Subcommand = {
  usage: 'set-role <user> <basic|advanced|administrator> [--until YYYY-MM-DD]',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: setRoleModal({ channel: r.channelId }) });
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
  usage: 'make-admin <user> [--until YYYY-MM-DD]',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: setRoleModal({ channel: r.channelId }, undefined, 'ADMINISTRATOR') });
      return;
    }
    const { args, until } = takeUntil(r.args);
    await changeRole(r, args.join(' '), 'ADMINISTRATOR', until);
  },
};

async function changeRole(r: Run, userText: string, role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR', until: string | null = null) {
  const user = await userArg(r, userText);
  const result = await setRole(r.ctx.deps, r.caller, { userId: user.id, role, until });
  if (!result.changed) return r.respond(message(roleUnchangedToCaller(result.user, role)));
  await r.confirm(await roleChangedUntil(r.ctx.deps, r.caller, result));
}

const statusChange = (verb: string, fn: typeof blockUser, confirmation: typeof userBlocked): Subcommand => ({
  usage: `${verb} <user>`,
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    const result = await fn(r.ctx.deps, r.caller, { userId: user.id });
    await r.confirm(confirmation(r.caller.slackUserId, result.user));
  },
});

export const block = statusChange('block', blockUser, userBlocked);
export const unblock = statusChange('unblock', unblockUser, userUnblocked);
export const removeUserCommand = statusChange('remove-user', removeUser, userRemoved);

export const resend: Subcommand = {
  usage: 'resend <user>',
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    const result = await resendInvitation(r.ctx.deps, r.caller, { userId: user.id });
    await r.confirm(invitationResent(r.caller.slackUserId, result.user, result.invitation.expiresAt));
  },
};

export const revoke: Subcommand = {
  usage: 'revoke <user>',
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    const result = await revokeInvitation(r.ctx.deps, r.caller, { userId: user.id });
    await r.confirm(invitationRevoked(r.caller.slackUserId, result.user));
  },
};

