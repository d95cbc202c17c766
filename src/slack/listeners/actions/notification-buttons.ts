// The buttons under notifications ("X activated their account"): add to organisation, make
// administrator, block. Anyone in the channel can click; only an environment administrator's click
// does anything: the rights service decides. "Add to organisation" opens a modal
// and runs right after its ack; the others are recorded before the ack and done by the Slack work
// worker (src/slack/work.ts), so a crash after the ack loses no click.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { translator } from '../../../i18n/catalogue.ts';
import { blockUser, checkNotificationButtons, getUser, setRole } from '../../../rights/index.ts';
import type { SlackWork } from '../../../messages/index.ts';
import { addMemberModal } from '../../blocks/modals.ts';
import { userOption } from '../../blocks/options.ts';
import { confirmationsIn, type Confirmations } from '../../blocks/confirmations.ts';
import type { SlackContext } from '../../context.ts';
import { errorText } from '../../errors.ts';
import { message } from '../../blocks/text.ts';
import type { Caller } from '../../identity.ts';
import { confirmInChannel } from '../../reply.ts';
import { recordButton, type Answerer } from '../../work.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** What a click carries, from Slack's request or from the recorded work. */
interface Click {
  action: string;
  value: string;
  user_id: string;
  team_id: string;
  channel_id: string;
  trigger_id: string;
}

/** A button's change; returns the confirmation for the channel (written with `say`, in the environment's language), or null. */
type Act = (a: { ctx: SlackContext; caller: Caller; userId: string; client: webApi.WebClient; click: Click; say: Confirmations }) => Promise<string | null>;

const clickOf = (body: BlockAction): Click => ({
  action: body.actions[0]?.action_id ?? '',
  value: (body.actions[0] as { value?: string }).value ?? '',
  user_id: body.user.id,
  team_id: body.team?.id ?? '',
  channel_id: body.channel?.id ?? body.container?.channel_id ?? '',
  trigger_id: body.trigger_id,
});

/**
 * Runs a click and answers. Throws only when the answer itself could not be given, so recorded work
 * is tried again (the change runs once: its request id is the trigger_id).
 */
export async function press(ctx: SlackContext, act: Act, click: Click, client: webApi.WebClient, answer: Answerer) {
  const logger = ctx.logger.child({ action: click.action, slackUser: click.user_id, requestId: click.trigger_id });
  let locale = ctx.identity.lastLocale(click.team_id, click.user_id);
  try {
    const caller = await ctx.identity.caller(client, click.user_id, click.team_id, click.trigger_id);
    locale = caller.locale;
    // Who may use these buttons is the rights service's to decide (and each button's use case decides again).
    await checkNotificationButtons(ctx.deps, caller);
    const done = await act({ ctx, caller, userId: click.value, client, click, say: confirmationsIn(translator(caller.environmentLocale)) });
    if (done) await confirmInChannel(client, logger, { channel: click.channel_id, callerSlackId: click.user_id }, done);
  } catch (err) {
    await answer({ response_type: 'ephemeral', replace_original: false, ...message(errorText(err, logger, click.trigger_id, locale)) });
  }
}

/** The click's work right after its ack: for a button that opens a modal. */
const rightAway = (ctx: SlackContext, act: Act) => async (args: Args) => {
  await args.ack();
  const answer: Answerer = async (m) => void (await args.respond(m as never));
  await ctx.work.run(() => press(ctx, act, clickOf(args.body), args.client, answer).catch((err) => ctx.logger.warn({ err }, 'could not answer the click')));
};

/** The click recorded before its ack, worked by the Slack work worker. */
const recorded = (ctx: SlackContext, action: 'notify_make_admin' | 'notify_block') => async (args: Args) => {
  const click = clickOf(args.body);
  try {
    await recordButton(ctx, { ...click, action, responseUrl: args.body.response_url ?? null });
  } catch (err) {
    ctx.logger.error({ err, requestId: click.trigger_id }, 'could not record a button click; it was refused');
    await args.ack();
    const t = translator(ctx.identity.lastLocale(click.team_id, click.user_id));
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: t('slack.button.notRecorded') }).catch(() => undefined);
    return;
  }
  await args.ack();
  ctx.queued();
};

const addToOrganisation: Act = async ({ ctx, caller, userId, client, click }) => {
  const user = await getUser(ctx.deps, caller, { userId });
  await client.views.open({ trigger_id: click.trigger_id, view: addMemberModal(translator(caller.locale), { channel: click.channel_id }, userOption(user)) as never });
  return null;
};

const makeAdministrator: Act = async ({ ctx, caller, userId, say }) => {
  const result = await setRole(ctx.deps, caller, { userId, role: 'ADMINISTRATOR' });
  if (!result.changed) return say.roleUnchanged(caller.slackUserId, result.user, result.user.role);
  return say.roleChanged(caller.slackUserId, result.user, result.user.role, result.previousRole);
};

const block: Act = async ({ ctx, caller, userId, say }) => {
  const result = await blockUser(ctx.deps, caller, { userId });
  return say.userBlocked(caller.slackUserId, result.user);
};

export const addToOrganisationButton = (ctx: SlackContext) => rightAway(ctx, addToOrganisation);
export const makeAdministratorButton = (ctx: SlackContext) => recorded(ctx, 'notify_make_admin');
export const blockButton = (ctx: SlackContext) => recorded(ctx, 'notify_block');

/** The Slack work worker's handler of a recorded click. */
export const workButton = (ctx: SlackContext) => (work: Extract<SlackWork, { type: 'button' }>, answer: Answerer, client: webApi.WebClient) =>
  press(ctx, work.action === 'notify_make_admin' ? makeAdministrator : block, work, client, answer);
