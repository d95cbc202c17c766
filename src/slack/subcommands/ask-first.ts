// Destructive typed commands ask first (issue 14): `block <user>`, `remove-user <user>` and removing
// yourself from an organisation (`remove-member <you> <organisation>`) answer with an ephemeral
// question, Confirm / Cancel, and change nothing until Confirm (listeners/actions/confirm-buttons.ts).
// The forms that already confirm in the modal, and removing someone else, act as before.
import type { MessageKey } from '../../i18n/catalogue.ts';
import { blockUser, decide, describeAccount, forbidden, removeUser, type Action } from '../../rights/index.ts';
import { sealConfirmation, type Asked } from '../ask-first/seal.ts';
import { askFirstMessage } from '../blocks/ask-first.ts';
import { strong } from '../blocks/text.ts';
import { readersOf } from '../reader-locale.ts';
import { removeMemberCommand } from './organisations.ts';
import { organisationArg, userArg, usage, type Run, type Subcommand } from './run.ts';
import { block as blockAtOnce, removeUserCommand as removeUserAtOnce } from './users.ts';

const who = (u: { email: string; name?: string | null }) => (u.name ? `${strong(u.name)} (${strong(u.email)})` : strong(u.email));

async function ask(r: Run, what: Pick<Asked, 'k' | 'u' | 'o'>, question: MessageKey, values: Record<string, string>) {
  const sealed = await sealConfirmation(r.ctx.deps, { ...what, s: r.caller.slackUserId, c: r.channelId, r: r.triggerId });
  const readers = await readersOf(r.ctx, r.caller);
  await r.respond(askFirstMessage(readers.person, question, values, sealed));
}

const askBeforeStatusChange = (kind: 'block' | 'remove-user', action: Action, question: MessageKey, atOnce: Subcommand, change: typeof blockUser): Subcommand => ({
  usage: atOnce.usage,
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    // Someone who may not would only be refused after confirming: refuse now. Yourself too (the
    // rights service refuses that, and changes nothing).
    const decision = decide({ status: 'ACTIVE', role: r.caller.role }, action);
    if (!decision.allowed) throw forbidden(decision, action);
    if (user.id === r.caller.userId) {
      await change(r.ctx.deps, r.caller, { userId: user.id });
      return;
    }
    await ask(r, { k: kind, u: user.id }, question, { user: who(user) });
  },
});

export const blockAsking = askBeforeStatusChange('block', 'user:block', 'confirm.ask.block', blockAtOnce, blockUser);
export const removeUserAsking = askBeforeStatusChange('remove-user', 'user:remove', 'confirm.ask.removeUser', removeUserAtOnce, removeUser);

/** `remove-member <user> <organisation>`: asks first when the user is the caller. */
export const removeMemberAsking: Subcommand = {
  usage: removeMemberCommand.usage,
  async run(r) {
    if (r.args.length < 2) return removeMemberCommand.run(r);
    const user = await userArg(r, r.args[0]);
    if (user.id !== r.caller.userId) return removeMemberCommand.run(r);
    const organisation = await organisationArg(r, r.args.slice(1));
    // Not a member, or a member who may not remove members (only administrators may): the rights
    // service's answer now, instead of a question that could only lead to it.
    const account = await describeAccount(r.ctx.deps, r.caller.userId);
    const role = account?.organisations.find((o) => o.name === organisation.name)?.role ?? null;
    const decision = decide({ status: 'ACTIVE', role: r.caller.role }, 'member:remove', role);
    if (!role || !decision.allowed) return removeMemberCommand.run(r);
    await ask(r, { k: 'leave-organisation', u: user.id, o: organisation.id }, 'confirm.ask.leaveOrganisation', { organisation: strong(organisation.name) });
  },
};
