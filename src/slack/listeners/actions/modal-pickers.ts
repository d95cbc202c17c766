// Menus inside modals that change the modal: picking the organisation in "remove member" shows its
// members; picking it in "edit organisation" shows its details to edit. Also the "Edit details"
// button under `org <name>`.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { translator, type Translate } from '../../../i18n/catalogue.ts';
import { getOrganisation } from '../../../rights/index.ts';
import { decodeMeta, organisationModal, removeMemberModal } from '../../blocks/modals.ts';
import type { SlackContext } from '../../context.ts';
import { errorText } from '../../errors.ts';
import { message } from '../../blocks/text.ts';
import { tellCaller } from '../../reply.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const actionLogger = (ctx: SlackContext, body: BlockAction) => ctx.logger.child({ action: body.actions[0]?.action_id, slackUser: body.user.id });

const picked = (body: BlockAction) => {
  const a = body.actions[0] as { selected_option?: { value: string }; value?: string };
  return a.selected_option?.value ?? a.value ?? '';
};

function viewPicker(ctx: SlackContext, build: (t: Translate, meta: { channel: string }, org: Awaited<ReturnType<typeof getOrganisation>>) => unknown) {
  return async ({ ack, body, client }: Args) => {
    await ack();
    const view = body.view!;
    const meta = decodeMeta(view.private_metadata);
    try {
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id, undefined);
      const org = await getOrganisation(ctx.deps, caller, { organisationId: picked(body) });
      await client.views.update({ view_id: view.id, hash: view.hash, view: build(translator(caller.locale), meta, org) as never });
    } catch (err) {
      const locale = ctx.identity.lastLocale(body.team?.id, body.user.id);
      await tellCaller(client, meta.channel, body.user.id, errorText(err, actionLogger(ctx, body), undefined, locale)).catch(() => undefined);
    }
  };
}

export const pickForRemove = (ctx: SlackContext) =>
  viewPicker(ctx, (t, meta, org) => removeMemberModal(t, { channel: meta.channel, organisationId: org.id, organisationName: org.name }));

export const pickForEdit = (ctx: SlackContext) =>
  viewPicker(ctx, (t, meta, org) => organisationModal(t, 'edit_org', { channel: meta.channel, organisationId: org.id, organisationName: org.name }, org));

export function editButton(ctx: SlackContext) {
  return async ({ ack, body, client, respond }: Args) => {
    await ack();
    try {
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id, body.trigger_id);
      const org = await getOrganisation(ctx.deps, caller, { organisationId: picked(body) });
      const channel = body.channel?.id ?? '';
      await client.views.open({ trigger_id: body.trigger_id, view: organisationModal(translator(caller.locale), 'edit_org', { channel, organisationId: org.id, organisationName: org.name }, org) as never });
    } catch (err) {
      const locale = ctx.identity.lastLocale(body.team?.id, body.user.id);
      await respond({ response_type: 'ephemeral', replace_original: false, ...message(errorText(err, actionLogger(ctx, body), undefined, locale)) });
    }
  };
}
