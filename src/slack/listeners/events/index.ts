import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { appHomeOpened } from './app-home.ts';

export function registerEvents(app: App, ctx: SlackContext) {
  app.event('app_home_opened', appHomeOpened(ctx));
}
