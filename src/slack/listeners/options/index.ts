import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { memberSearch, organisationSearch, userSearch } from './search.ts';

export function registerOptions(app: App, ctx: SlackContext) {
  app.options('user_search', userSearch(ctx));
  app.options('member_search', memberSearch(ctx));
  // organisation_search, organisation_pick_remove, organisation_pick_edit
  app.options(/^organisation_/, organisationSearch(ctx));
}
