// Confirm / Cancel under the question a destructive typed command asks (subcommands/ask-first.ts).
// The button carries the sealed request; only the person who asked may answer, within ten minutes.
// Confirm checks who they are and what they may do again, now (the rights service decides), and
// changes once: its request id is the command's, so a second click finds the first one's result. The
// change is made before the ack, like a form's; its channel confirmation is recorded before the ack
// (once per request) and posted by the Slack work worker. Then the question is replaced by the outcome.
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { translator, type Locale } from '../../../i18n/catalogue.ts';
import { blockUser, isAppError, removeMember, removeUser } from '../../../rights/index.ts';
import { CONFIRMATION_TTL_MS, isStale, openConfirmation, type Asked } from '../../ask-first/seal.ts';
import { memberRemoved, userBlocked, userRemoved } from '../../blocks/confirmations.ts';
import { message, strong, userText } from '../../blocks/text.ts';
import type { SlackContext } from '../../context.ts';
import { errorText } from '../../errors.ts';
import type { Caller } from '../../identity.ts';
import { readersOf } from '../../reader-locale.ts';
import { recordConfirmation } from '../../work.ts';
import { postConfirmation } from '../views/submission.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const person = (u: { email: string; name: string | null }) => strong(u.name ?? u.email);

/** The change asked for: what the person reads, and what the channel reads. */
async function perform(ctx: SlackContext, caller: Caller, a: Asked, locale: Locale): Promise<{ done: string; channel: string }> {
  const t = translator(locale);
  if (a.k === 'block') {
    const result = await blockUser(ctx.deps, caller, { userId: a.u });
    return { done: t('confirm.done.block', { user: person(result.user) }), channel: userBlocked(caller.slackUserId, result.user) };
  }
  if (a.k === 'remove-user') {
    const result = await removeUser(ctx.deps, caller, { userId: a.u });
    return { done: t('confirm.done.removeUser', { user: person(result.user) }), channel: userRemoved(caller.slackUserId, result.user) };
  }
  const result = await removeMember(ctx.deps, caller, { userId: a.u, organisationId: a.o ?? '' });
  return { done: t('confirm.done.leaveOrganisation', { organisation: strong(result.organisation.name) }), channel: memberRemoved(caller.slackUserId, result.user, result.organisation) };
}

/** The language of whoever clicked: theirs when they are a user, else English. */
async function clickerLocale(ctx: SlackContext, args: Args): Promise<Locale> {
  try {
    return (await readersOf(ctx, await ctx.identity.caller(args.client, args.body.user.id, args.body.team?.id, undefined))).person;
  } catch {
    return 'en';
  }
}

/** Reads the button; answers and returns null when it may not be acted on. */
async function checked(ctx: SlackContext, args: Args): Promise<Asked | null> {
  const value = (args.body.actions[0] as { value?: string }).value ?? '';
  const asked = await openConfirmation(ctx.deps, value);
  const refuse = async (key: 'confirm.invalid' | 'confirm.notYours') => {
    await args.ack();
    const t = translator(await clickerLocale(ctx, args));
    await args.respond({ response_type: 'ephemeral', replace_original: false, ...message(t(key)) });
  };
  if (!asked) {
    await refuse('confirm.invalid');
    return null;
  }
  if (asked.s !== args.body.user.id) {
    await refuse('confirm.notYours');
    return null;
  }
  return asked;
}

export function confirmButton(ctx: SlackContext) {
  return async (args: Args) => {
    const { body, client } = args;
    const asked = await checked(ctx, args);
    if (!asked) return;
    const logger = ctx.logger.child({ action: 'ask_first_confirm', kind: asked.k, slackUser: body.user.id, requestId: asked.r });
    let locale: Locale = 'en';
    let outcome: { done: string; channel: string };
    try {
      // who they are and what they may do, again, now
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id, asked.r);
      locale = (await readersOf(ctx, caller)).person;
      if (isStale(ctx.deps, asked)) {
        await args.ack();
        await args.respond({ replace_original: true, ...message(translator(locale)('confirm.stale', { minutes: CONFIRMATION_TTL_MS / 60_000 })) });
        return;
      }
      outcome = await perform(ctx, caller, asked, locale);
    } catch (err) {
      await args.ack();
      // a refusal ends the question; a failure on our side leaves it, to be tried again
      if (isAppError(err)) await args.respond({ replace_original: true, ...message(translator(locale)('confirm.refused', { reason: userText(err.messageIn(locale)) })) });
      else await args.respond({ response_type: 'ephemeral', replace_original: false, ...message(errorText(err, logger, asked.r, locale)) });
      return;
    }
    const confirmation = { channel: asked.c, user: body.user.id, team: body.team?.id ?? body.user.team_id ?? '', text: outcome.channel, requestId: `ask-first:${asked.r}`, locale };
    try {
      await recordConfirmation(ctx, confirmation);
    } catch (err) {
      logger.warn({ err }, 'could not record the confirmation; posting it now');
      await args.ack();
      await postConfirmation(client, logger, confirmation);
      await args.respond({ replace_original: true, ...message(outcome.done) });
      return;
    }
    await args.ack();
    ctx.queued();
    await args.respond({ replace_original: true, ...message(outcome.done) });
  };
}

export function cancelButton(ctx: SlackContext) {
  return async (args: Args) => {
    const asked = await checked(ctx, args);
    if (!asked) return;
    await args.ack();
    await args.respond({ replace_original: true, ...message(translator(await clickerLocale(ctx, args))('confirm.cancelled')) });
  };
}
