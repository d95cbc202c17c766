import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context.ts';
import { addMemberSubmission, createOrgSubmission, editOrgPickSubmission, editOrgSubmission, removeMemberSubmission } from './organisation-views.ts';
import { inviteSubmission, setRoleSubmission } from './user-views.ts';
import { setOrgRoleSubmission } from './org-role-views.ts';
import { inviteManySubmission } from './bulk.ts';
import { INVITE_MANY } from '../../blocks/bulk.ts';

export function registerViews(app: App, ctx: SlackContext) {
  app.view('invite', inviteSubmission(ctx));
  app.view(INVITE_MANY, inviteManySubmission(ctx));
  app.view('set_role', setRoleSubmission(ctx));
  app.view('add_member', addMemberSubmission(ctx));
  app.view('remove_member', removeMemberSubmission(ctx));
  app.view('create_org', createOrgSubmission(ctx));
  app.view('edit_org', editOrgSubmission(ctx));
  app.view('edit_org_pick', editOrgPickSubmission(ctx));
  app.view('set_org_role', setOrgRoleSubmission(ctx));
}
