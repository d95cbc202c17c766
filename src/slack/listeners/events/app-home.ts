// The App Home tab shows each person what their role lets them see and do (src/slack/home), published
// when they open it; opening it also makes it refresh after changes that show on it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { unanswerable } from '../../errors.ts';
import { publishHome } from '../../home/publish.ts';

export function appHomeOpened(ctx: SlackContext) {
  return async ({ event, client, body, context }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const teamId = context.teamId ?? (body as { team_id?: string }).team_id ?? '';
    try {
      await ctx.work.run(() => publishHome(ctx, client, { teamId, slackUserId: event.user }));
    } catch (err) {
      unanswerable(err, ctx.logger.child({ slackUser: event.user }), 'could not publish the App Home');
    }
  };
}
