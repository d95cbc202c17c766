// The App Home tab explains the command, so people who open the app know what it does, in their language.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { translator } from '../../../i18n/catalogue.ts';
import { helpText } from '../../blocks/messages.ts';
import { section } from '../../blocks/text.ts';
import type { SlackContext } from '../../context.ts';
import { unanswerable } from '../../errors.ts';

export function appHomeOpened(ctx: SlackContext) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    try {
      // in the language of the person who opens it (someone without an account: the workspace's environment's)
      const t = translator(await ctx.identity.localeOf(client, event.user, (body as { team_id?: string }).team_id));
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [section(helpText(t, ctx.command))] } });
    } catch (err) {
      unanswerable(err, ctx.logger.child({ slackUser: event.user }), 'could not publish the App Home');
    }
  };
}
