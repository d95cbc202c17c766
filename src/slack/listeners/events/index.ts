import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { appHomeOpened } from './app-home.ts';
import { workspaceLost } from './app-lifecycle.ts';

export function registerEvents(app: App, ctx: SlackContext) {
  app.event('app_home_opened', appHomeOpened(ctx));
  app.event('app_uninstalled', workspaceLost(ctx, 'app_uninstalled'));
  app.event('tokens_revoked', workspaceLost(ctx, 'tokens_revoked'));
}
