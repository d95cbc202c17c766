// The buttons under notifications ("X activated their account"): add to organisation, make
// administrator, block. Anyone in the channel can click; only an environment administrator's click
// does anything, checked again here and by the rights service.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { blockUser, checkNotificationButtons, getUser, setRole } from '../../../rights/index.ts';
import { addMemberModal } from '../../blocks/modals.ts';
import { userOption } from '../../blocks/options.ts';
import { roleChanged, roleUnchanged, userBlocked } from '../../blocks/confirmations.ts';
import type { SlackContext } from '../../context.ts';
import { errorText } from '../../errors.ts';
import { message } from '../../blocks/text.ts';
import type { Caller } from '../../identity.ts';
import { confirmInChannel } from '../../reply.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

function button(ctx: SlackContext, act: (a: { caller: Caller; userId: string; args: Args; channel: string }) => Promise<string | null>) {
  return async (args: Args) => {
    await args.ack();
    await ctx.work.run(() => press(ctx, act, args));
  };
}

async function press(ctx: SlackContext, act: Parameters<typeof button>[1], args: Args) {
  {
    const { body, client, respond } = args;
    const channel = body.channel?.id ?? body.container?.channel_id ?? '';
    const logger = ctx.logger.child({ action: body.actions[0]?.action_id, slackUser: body.user.id, requestId: body.trigger_id });
    try {
      // Who may use these buttons is the rights service's to decide (and each button's use case decides again).
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id, body.trigger_id);
      await checkNotificationButtons(ctx.deps, caller);
      const userId = (body.actions[0] as { value?: string }).value ?? '';
      const done = await act({ caller, userId, args, channel });
      if (done) await confirmInChannel(client, logger, { channel, callerSlackId: body.user.id }, done);
    } catch (err) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message(errorText(err, logger, body.trigger_id)) }).catch(() => undefined);
    }
  }
}

export const addToOrganisationButton = (ctx: SlackContext) =>
  button(ctx, async ({ caller, userId, args, channel }) => {
    const user = await getUser(ctx.deps, caller, { userId });
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: addMemberModal({ channel }, userOption(user)) as never });
    return null;
  });

export const makeAdministratorButton = (ctx: SlackContext) =>
  button(ctx, async ({ caller, userId }) => {
    const result = await setRole(ctx.deps, caller, { userId, role: 'ADMINISTRATOR' });
    if (!result.changed) return roleUnchanged(caller.slackUserId, result.user, result.user.role);
    return roleChanged(caller.slackUserId, result.user, result.user.role, result.previousRole);
  });

export const blockButton = (ctx: SlackContext) =>
  button(ctx, async ({ caller, userId }) => {
    const result = await blockUser(ctx.deps, caller, { userId });
    return userBlocked(caller.slackUserId, result.user);
  });
