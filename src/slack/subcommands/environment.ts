// Subcommands that change the environment's own settings: notify-here.
import { setNotificationChannel } from '../../rights/index.ts';
import type { Subcommand } from './run.ts';

export const notifyHere: Subcommand = {
  usage: 'slack.usage.notifyHere',
  async run(r) {
    await setNotificationChannel(r.ctx.deps, r.caller, { channelId: r.channelId });
    await r.confirm((c) => c.notificationChannelChosen(r.caller.slackUserId));
  },
};

export const disconnect: Subcommand = {
  usage: 'slack.usage.disconnect',
  async run(r) {
    if (!r.ctx.oauth) {
      await r.respond({ text: r.t('slack.disconnect.singleWorkspace') });
      return;
    }
    const done = await r.ctx.oauth.disconnect(r.caller, r.caller.environmentId);
    // the app is gone from this workspace now: the answer goes through the response_url, which needs no token
    await r.respond({ text: r.t(done ? 'slack.disconnect.done' : 'slack.disconnect.none') });
  },
};
