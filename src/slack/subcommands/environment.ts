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
