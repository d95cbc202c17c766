// Every modal submission runs through here: find the caller, call one rights use case, then either
// close the modal and confirm in the channel, or keep it open with the problem shown on its field
// (Slack keeps what the administrator typed).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, webApi } from '@slack/bolt';
import { translator, type Locale, type Translate } from '../../../i18n/catalogue.ts';
import { confirmationsIn, type Confirmations } from '../../blocks/confirmations.ts';
import { decodeMeta, type ModalMeta } from '../../blocks/modals.ts';
import type { SlackContext } from '../../context.ts';
import { errorText, modalErrors } from '../../errors.ts';
import type { Caller } from '../../identity.ts';
import { confirmInChannel, tellCaller } from '../../reply.ts';
import { recordConfirmation } from '../../work.ts';

export type Values = Record<string, string | string[] | null>;

export interface Submission {
  ctx: SlackContext;
  client: webApi.WebClient;
  caller: Caller;
  values: Values;
  meta: ModalMeta;
  /** the caller's language, for a view shown to them instead of closing */
  t: Translate;
  /** the confirmations in the environment's language, for the channel */
  say: Confirmations;
}

/** A confirmation for the channel, or another view to show instead of closing. */
export type Outcome = { confirm: string } | { update: unknown };

export function readValues(state: ViewOutput['state'] | undefined): Values {
  const out: Values = {};
  for (const [blockId, actions] of Object.entries(state?.values ?? {})) {
    const a = Object.values(actions)[0];
    if (!a) continue;
    if (Array.isArray(a.selected_options)) out[blockId] = a.selected_options.map((o) => o.value);
    else if (a.selected_option !== undefined) out[blockId] = a.selected_option?.value ?? null;
    else if (a.type === 'datepicker') out[blockId] = a.selected_date ?? null;
    else out[blockId] = typeof a.value === 'string' ? a.value : null;
  }
  return out;
}

export const text = (v: Values, key: string): string | undefined => (typeof v[key] === 'string' && v[key] !== '' ? (v[key] as string) : undefined);

export function submission(ctx: SlackContext, handle: (s: Submission) => Promise<Outcome>) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    const meta = decodeMeta(view.private_metadata);
    // Slack sends a double-submitted view with the same id and hash: the rights service changes state once.
    const requestId = `${view.id}:${view.hash}`;
    const logger = ctx.logger.child({ view: view.callback_id, slackUser: body.user.id, requestId });
    const blockIds = (view.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input' && b.block_id).map((b) => b.block_id!);
    let outcome: Outcome;
    let locale = ctx.identity.lastLocale(body.team?.id, body.user.id);
    try {
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id, requestId);
      locale = caller.locale;
      const say = confirmationsIn(translator(caller.environmentLocale));
      outcome = await handle({ ctx: { ...ctx, logger }, client, caller, values: readValues(view.state), meta, t: translator(caller.locale), say });
    } catch (err) {
      await ack({ response_action: 'errors', errors: modalErrors(err, logger, blockIds.length ? blockIds : ['_'], requestId, locale) });
      return;
    }
    if ('update' in outcome) {
      await ack({ response_action: 'update', view: outcome.update as never });
      return;
    }
    // The change is made; its confirmation is recorded before the ack and posted by the Slack work
    // worker (src/slack/work.ts), so a crash after the ack does not lose it. A double-submitted view
    // changed state once and records its confirmation once.
    try {
      await recordConfirmation(ctx, { channel: meta.channel, user: body.user.id, team: body.team?.id ?? body.user.team_id ?? '', text: outcome.confirm, requestId, locale });
    } catch (err) {
      logger.warn({ err }, 'could not record the confirmation; posting it now');
      await ack();
      await postConfirmation(client, logger, { channel: meta.channel, user: body.user.id, text: outcome.confirm, requestId, locale });
      return;
    }
    await ack();
    ctx.queued();
  };
}

/** Posts a form's confirmation in its channel; when that fails, tells the caller (in `locale`, theirs) the change is done. */
export async function postConfirmation(
  client: webApi.WebClient,
  logger: SlackContext['logger'],
  c: { channel: string; user: string; text: string; requestId: string; locale?: Locale },
) {
  try {
    await confirmInChannel(client, logger, { channel: c.channel, callerSlackId: c.user }, c.text);
  } catch (err) {
    // The change is done; only the confirmation failed. Say so to the caller.
    await tellCaller(client, c.channel, c.user, `${c.text}\n${errorText(err, logger, c.requestId, c.locale)}`);
  }
}
