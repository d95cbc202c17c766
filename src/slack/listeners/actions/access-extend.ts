// "Extend 30 days" under the reminder of access that ends: the rights service decides who may (an
// environment Administrator for a role, an administrator of the organisation for a membership), moves
// the end once however often it is clicked, and refuses access that has already ended. The change is
// confirmed where the reminder is; anything else is answered to the clicker only.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { t } from '../../../i18n/catalogue.ts';
import { extendAccess } from '../../../rights/index.ts';
import { lastDayOf, personLocale, personText } from '../../access-until.ts';
import { decodeExtend } from '../../blocks/access-notifications.ts';
import { escapeMrkdwn, message } from '../../blocks/text.ts';
import type { SlackContext } from '../../context.ts';
import { errorText } from '../../errors.ts';
import { confirmInChannel } from '../../reply.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

export const extendButton = (ctx: SlackContext) => async ({ ack, body, client, respond }: Args) => {
  await ack();
  const value = decodeExtend((body.actions[0] as { value?: string }).value);
  const channel = body.channel?.id ?? body.container?.channel_id ?? '';
  const logger = ctx.logger.child({ action: 'access_extend', slackUser: body.user.id, requestId: body.trigger_id });
  const answer = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, ...message(text) } as never);
  await ctx.work.run(async () => {
    try {
      if (!value) throw new Error('the Extend button carried no access to extend');
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id ?? '', body.trigger_id);
      const result = await extendAccess(ctx.deps, caller, value);
      const locale = await personLocale(ctx.deps, caller.userId);
      const values = {
        by: caller.slackUserId,
        person: personText(result.user),
        organisation: result.organisation ? t(locale, 'access.extended.in', { organisation: `*${escapeMrkdwn(result.organisation.name)}*` }) : '',
        lastDay: lastDayOf(result.until),
      };
      if (!result.changed) await answer(t(locale, 'access.extended.already', values));
      else await confirmInChannel(client, logger, { channel, callerSlackId: caller.slackUserId }, t(locale, 'access.extended', values));
    } catch (err) {
      await answer(errorText(err, logger, body.trigger_id)).catch((e) => logger.warn({ err: e }, 'could not answer the click'));
    }
  });
};
