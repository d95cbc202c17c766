// The buttons of the App Home. Each acts through the rights service with the same use cases as the
// commands (each decides who may, and audits), then publishes the clicker's home again at once with
// what happened (or why nothing did) at its top: nothing is posted in a channel. A change's request
// id is made of the view's id and hash (Slack sends the same ones for a double click on the same view),
// so a double click changes once. A change is recorded before its ack and done by the Slack work
// worker (src/slack/work.ts), as the notification buttons are; buttons that open a form do so right
// after the ack (a trigger_id lives 3 s); the form's confirmation goes to the clicker directly, since
// a home has no channel.
import { openInviteMany } from '../subcommands/bulk-invite.ts';
import { createHash } from 'node:crypto';
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { blockUser, checkNotificationButtons, getOrganisation, getUser, isAppError, resendInvitation, revokeInvitation, setRole } from '../../rights/index.ts';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import { addMemberModal, inviteModal, organisationModal } from '../blocks/modals.ts';
import { organisationOption, userOption } from '../blocks/options.ts';
import { userText } from '../blocks/text.ts';
import type { SlackContext } from '../context.ts';
import type { Caller } from '../identity.ts';
import type { SlackWork } from '../../messages/index.ts';
import { recordButton } from '../work.ts';
import { publishHome } from './publish.ts';
import type { Notice } from './render.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

interface Click {
  teamId: string;
  slackUserId: string;
  value: string;
  triggerId: string;
  requestId: string;
}

type Done = (tr: Translate) => string;
type Change = (ctx: SlackContext, caller: Caller, userId: string) => Promise<{ done: Done }>;
type Opener = (ctx: SlackContext, caller: Caller, click: Click, client: webApi.WebClient) => Promise<void>;

function clickOf(body: BlockAction): Click {
  const action = body.actions[0] as { action_id?: string; value?: string } | undefined;
  const view = (body as { view?: { id?: string; hash?: string } }).view;
  const value = action?.value ?? '';
  const seed = `${view?.id ?? ''}:${view?.hash ?? body.trigger_id}:${action?.action_id ?? ''}:${value}`;
  return {
    teamId: body.team?.id ?? body.user.team_id ?? '',
    slackUserId: body.user.id,
    value,
    triggerId: body.trigger_id,
    requestId: `home:${createHash('sha256').update(seed).digest('base64url').slice(0, 32)}`,
  };
}

const name = (u: { name?: string | null; email: string }) => userText(u.name || u.email);

/** What a refusal or a failure says, at the top of the home. */
function problem(ctx: SlackContext, err: unknown, click: Click): (tr: Translate) => Notice {
  if (isAppError(err)) return () => ({ ok: false, text: userText(err.userMessage) });
  ctx.logger.error({ err, requestId: click.requestId, slackUser: click.slackUserId }, 'App Home button failed');
  return (tr) => ({ ok: false, text: tr('home.failed', { reference: click.requestId }) });
}

type PublishNotice = (tr: Translate) => Notice;

/** The App Home buttons that change something, as their work is recorded. */
type ChangeAction = 'home_resend' | 'home_revoke' | 'home_make_admin' | 'home_block';
type HomeWork = Extract<SlackWork, { type: 'button' }> & { action: ChangeAction };

/**
 * A button that changes something: recorded before its ack (what Slack got a 200 for is in the
 * database, so a crash after the ack loses no click; a double click, same view id and hash, records
 * once), then done by the Slack work worker (workHomeClick).
 */
function changing(ctx: SlackContext, action: ChangeAction) {
  return async ({ ack, body, client }: Args) => {
    const click = clickOf(body);
    try {
      await recordButton(ctx, {
        action,
        value: click.value,
        requestId: click.requestId,
        user_id: click.slackUserId,
        team_id: click.teamId,
        channel_id: '',
        trigger_id: click.triggerId,
        responseUrl: null,
      });
    } catch (err) {
      ctx.logger.error({ err, requestId: click.requestId }, 'could not record an App Home click; it was refused');
      await ack();
      const notice: PublishNotice = (tr) => ({ ok: false, text: tr('slack.button.notRecorded') });
      await ctx.work.run(() => publishHome(ctx, client, click, { notice }).catch((e) => ctx.logger.warn({ err: e }, 'could not publish the App Home after a click')));
      return;
    }
    await ack();
    ctx.queued();
  };
}

const changes: Record<ChangeAction, Change> = {
  home_resend: (ctx, caller, userId) => resend(ctx, caller, userId),
  home_revoke: (ctx, caller, userId) => revoke(ctx, caller, userId),
  home_make_admin: (ctx, caller, userId) => makeAdministrator(ctx, caller, userId),
  home_block: (ctx, caller, userId) => block(ctx, caller, userId),
};

export const isHomeWork = (work: Extract<SlackWork, { type: 'button' }>): work is HomeWork => work.action.startsWith('home_');

/**
 * The Slack work worker's handler of a recorded App Home click: the change (once: its request id is
 * the click's), then the clicker's home again with the result. Throws when the home could not be
 * published, so the work is taken again (the change then gives its first result back).
 */
export const workHomeClick = (ctx: SlackContext) => async (work: HomeWork, client: webApi.WebClient): Promise<void> => {
  const click: Click = { teamId: work.team_id, slackUserId: work.user_id, value: work.value, triggerId: work.trigger_id, requestId: work.requestId ?? work.trigger_id };
  let caller: Caller | undefined;
  let notice: PublishNotice;
  try {
    caller = await ctx.identity.caller(client, click.slackUserId, click.teamId, click.requestId);
    const result = await changes[work.action](ctx, caller, click.value);
    notice = (tr) => ({ ok: true, text: result.done(tr) });
  } catch (err) {
    notice = problem(ctx, err, click);
  }
  ctx.homes?.noticeShown(click, notice);
  // the other administrators' homes follow from the database's change notifications (src/slack/home/refresher.ts)
  await publishHome(ctx, client, click, { notice, caller });
};

/** A button that opens a form: right after the ack; a refusal shows on the home. */
function opening(ctx: SlackContext, open: Opener) {
  return async ({ ack, body, client }: Args) => {
    await ack();
    const click = clickOf(body);
    await ctx.work.run(async () => {
      try {
        const caller = await ctx.identity.caller(client, click.slackUserId, click.teamId, click.requestId);
        await open(ctx, caller, click, client);
      } catch (err) {
        await publishHome(ctx, client, click, { notice: problem(ctx, err, click) }).catch((e) => ctx.logger.warn({ err: e }, 'could not publish the App Home after a click'));
      }
    });
  };
}

const resend: Change = async (ctx, caller, userId) => {
  const r = await resendInvitation(ctx.deps, caller, { userId });
  return { done: (tr) => tr('home.done.resent', { email: userText(r.user.email), expires: new Date(r.invitation.expiresAt) }) };
};

const revoke: Change = async (ctx, caller, userId) => {
  const r = await revokeInvitation(ctx.deps, caller, { userId });
  return { done: (tr) => tr('home.done.revoked', { email: userText(r.user.email) }) };
};

const makeAdministrator: Change = async (ctx, caller, userId) => {
  const r = await setRole(ctx.deps, caller, { userId, role: 'ADMINISTRATOR' });
  return { done: (tr) => tr(r.changed ? 'home.done.administrator' : 'home.done.alreadyAdministrator', { who: name(r.user), role: tr('role.environment.ADMINISTRATOR.lower') }) };
};

const block: Change = async (ctx, caller, userId) => {
  const r = await blockUser(ctx.deps, caller, { userId });
  return { done: (tr) => tr('home.done.blocked', { who: name(r.user) }) };
};

/** Forms for environment Administrators: asked first, so a stale button of someone else opens nothing. */
const adminForm = (view: (t: Translate) => unknown): Opener => async (ctx, caller, click, client) => {
  await checkNotificationButtons(ctx.deps, caller);
  await client.views.open({ trigger_id: click.triggerId, view: view(translator(caller.locale)) as never });
};

const addToOrganisation: Opener = async (ctx, caller, click, client) => {
  await checkNotificationButtons(ctx.deps, caller);
  const user = await getUser(ctx.deps, caller, { userId: click.value });
  await client.views.open({ trigger_id: click.triggerId, view: addMemberModal(translator(caller.locale), { channel: '' }, userOption(user)) as never });
};

const addMember: Opener = async (ctx, caller, click, client) => {
  // getOrganisation refuses an organisation the caller may not see; the form's submission decides the rest
  const organisation = await getOrganisation(ctx.deps, caller, { organisationId: click.value });
  const view = addMemberModal(translator(caller.locale), { channel: '' }) as unknown as { blocks: { element: Record<string, unknown> }[] };
  view.blocks[1]!.element.initial_option = organisationOption(organisation);
  await client.views.open({ trigger_id: click.triggerId, view: view as never });
};

/** "Invite many": the bulk invitation form, as `/econnect invite-many` opens it. */
const inviteMany: Opener = async (ctx, caller, click, client) => {
  await checkNotificationButtons(ctx.deps, caller);
  await openInviteMany(ctx, client, click.triggerId, caller, { channel: '' });
};

export const homeActions = {
  invite: (ctx: SlackContext) => opening(ctx, adminForm((t) => inviteModal(t, { channel: '' }))),
  inviteMany: (ctx: SlackContext) => opening(ctx, inviteMany),
  createOrganisation: (ctx: SlackContext) => opening(ctx, adminForm((t) => organisationModal(t, 'create_org', { channel: '' }))),
  addToOrganisation: (ctx: SlackContext) => opening(ctx, addToOrganisation),
  addMember: (ctx: SlackContext) => opening(ctx, addMember),
  resend: (ctx: SlackContext) => changing(ctx, 'home_resend'),
  revoke: (ctx: SlackContext) => changing(ctx, 'home_revoke'),
  makeAdministrator: (ctx: SlackContext) => changing(ctx, 'home_make_admin'),
  block: (ctx: SlackContext) => changing(ctx, 'home_block'),
};

/** Next / Previous: the same home on another page. */
export const homePage = (ctx: SlackContext) => async ({ ack, body, client }: Args) => {
  await ack();
  const click = clickOf(body);
  const page = Number.parseInt(click.value, 10);
  await ctx.work.run(() =>
    publishHome(ctx, client, click, { page: Number.isFinite(page) && page >= 0 ? page : 0 }).catch((err) => ctx.logger.warn({ err }, 'could not publish the App Home on another page')),
  );
};
