// The App Home's buttons, registered with Bolt (the tab itself: listeners/events/app-home.ts).
import type { App } from '@slack/bolt';
import type { SlackContext } from '../context.ts';
import { homeActions, homePage } from './actions.ts';
import { HOME_ACTIONS } from './render.ts';

export function registerHomeActions(app: App, ctx: SlackContext) {
  for (const [name, actionId] of Object.entries(HOME_ACTIONS)) {
    if (name === 'page') app.action(actionId, homePage(ctx));
    else app.action(actionId, homeActions[name as keyof typeof homeActions](ctx));
  }
}
