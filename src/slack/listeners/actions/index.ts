import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { extendButton } from './access-extend.ts';
import { cancelButton, confirmButton } from './confirm-buttons.ts';
import { editButton, pickForEdit, pickForRemove } from './modal-pickers.ts';
import { addToOrganisationButton, blockButton, makeAdministratorButton } from './notification-buttons.ts';
import { registerHomeActions } from '../../home/register.ts';

export function registerActions(app: App, ctx: SlackContext) {
  app.action('organisation_pick_remove', pickForRemove(ctx));
  app.action('organisation_pick_edit', pickForEdit(ctx));
  app.action('org_edit', editButton(ctx));
  app.action('notify_add_to_org', addToOrganisationButton(ctx));
  app.action('notify_make_admin', makeAdministratorButton(ctx));
  app.action('notify_block', blockButton(ctx));
  app.action('ask_first_confirm', confirmButton(ctx));
  app.action('ask_first_cancel', cancelButton(ctx));
  app.action('access_extend', extendButton(ctx));
  registerHomeActions(app, ctx);
  // Selecting in a modal's other menus needs no answer, but Slack expects an ack.
  app.action(/^(user_search|organisation_search|member_search|value)$/, async ({ ack }) => void (await ack()));
}
