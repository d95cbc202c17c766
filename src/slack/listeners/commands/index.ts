import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { econnectCommand } from './econnect.ts';

export function registerCommands(app: App, ctx: SlackContext) {
  // Any command name reaches the same handler, so renaming the command in Slack needs no code change.
  app.command(/.*/, econnectCommand(ctx));
}
