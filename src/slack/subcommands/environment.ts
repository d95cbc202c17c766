// Subcommands that change the environment's own settings: notify-here.
import { setNotificationChannel } from '../../rights/index.ts';
import { notificationChannelChosen } from '../blocks/confirmations.ts';
import type { Subcommand } from './run.ts';

export const notifyHere: Subcommand = {
  usage: 'notify-here',
  async run(r) {
    await setNotificationChannel(r.ctx.deps, r.caller, { channelId: r.channelId });
    await r.confirm(notificationChannelChosen(r.caller.slackUserId));
  },
};

export const disconnect: Subcommand = {
  usage: 'disconnect',
  async run(r) {
    if (!r.ctx.oauth) {
      await r.respond({ text: 'This eConnect serves one Slack workspace with a fixed token (SLACK_BOT_TOKEN), so there is nothing to disconnect here. Your eConnect operator removes the app from the workspace in Slack\'s app settings.' });
      return;
    }
    const done = await r.ctx.oauth.disconnect(r.caller, r.caller.environmentId);
    // the app is gone from this workspace now: the answer goes through the response_url, which needs no token
    await r.respond({ text: done ? `:wave: eConnect is disconnected from this workspace and its tokens are deleted. Slack notifications wait until an administrator chooses "Add to Slack" on the account page again.` : 'Your environment has no Slack workspace connected.' });
  },
};
