// The App Home tab explains the command, so people who open the app know what it does.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { helpText } from '../../blocks/messages.ts';
import { section } from '../../blocks/text.ts';
import type { SlackContext } from '../../context.ts';
import { unanswerable } from '../../errors.ts';

export function appHomeOpened(ctx: SlackContext) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [section(helpText(ctx.command))] } });
    } catch (err) {
      unanswerable(err, ctx.logger.child({ slackUser: event.user }), 'could not publish the App Home');
    }
  };
}
