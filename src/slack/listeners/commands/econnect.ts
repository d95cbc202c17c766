// The one slash command. Work that opens a modal runs right after the ack (a trigger_id lives 3 s);
// everything else is recorded before the ack and done by the Slack work worker (src/slack/work.ts),
// so a crash after the ack loses nothing. Either way: find the caller, run the subcommand, and turn
// any error into an ephemeral answer that says why and what to do.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, webApi } from '@slack/bolt';
import { translator } from '../../../i18n/catalogue.ts';
import { confirmationsIn } from '../../blocks/confirmations.ts';
import { helpText } from '../../blocks/messages.ts';
import { tokenize } from '../../command-text.ts';
import type { SlackContext } from '../../context.ts';
import { errorText } from '../../errors.ts';
import { cut, message, userText } from '../../blocks/text.ts';
import { confirmInChannel } from '../../reply.ts';
import { help, opensModal, subcommands, type Run } from '../../subcommands/index.ts';
import type { Caller } from '../../identity.ts';
import { recordCommand, type Answerer } from '../../work.ts';

/** The fields of a slash command the work needs (also what the work row keeps). */
export interface CommandFields {
  command: string;
  text: string;
  user_id: string;
  team_id: string;
  channel_id: string;
  trigger_id: string;
}

export function econnectCommand(ctx: SlackContext) {
  return async ({ command, ack, client, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const [word, ...args] = tokenize(command.text ?? '');
    if (opensModal(word?.toLowerCase() ?? 'help', args)) {
      await ack();
      const answer: Answerer = async (m) => void (await respond(m as never));
      await ctx.work.run(() => runSubcommand(ctx, command, client, answer).catch((err) => ctx.logger.warn({ err }, 'could not answer the caller')));
      return;
    }
    try {
      await recordCommand(ctx, command);
    } catch (err) {
      ctx.logger.error({ err, requestId: command.trigger_id }, 'could not record a Slack command; it was refused');
      await ack({ response_type: 'ephemeral', text: translator(ctx.identity.lastLocale(command.team_id, command.user_id))('slack.command.notRecorded') });
      return;
    }
    await ack();
    ctx.queued();
  };
}

/**
 * Runs a subcommand and answers. Throws only when the answer itself could not be given, so durable
 * work is tried again (the change runs once: its request id is the trigger_id).
 */
export async function runSubcommand(ctx: SlackContext, command: CommandFields, client: webApi.WebClient, answer: Answerer) {
  const [word, ...args] = tokenize(command.text ?? '');
  const name = word?.toLowerCase() ?? 'help';
  const sub = subcommands[name];
  const logger = ctx.logger.child({ command: command.command, subcommand: name, slackUser: command.user_id, team: command.team_id, requestId: command.trigger_id });
  const ephemeral = (m: { text: string; blocks?: unknown[] }) => answer({ response_type: 'ephemeral', ...m });
  // the caller's language once known; before that, the one they were last answered in
  let locale = ctx.identity.lastLocale(command.team_id, command.user_id);
  try {
    // Help (and an unknown word) is for everyone; everything else needs an active user of an environment.
    if (!sub || sub === help) {
      locale = await ctx.identity.localeOf(client, command.user_id, command.team_id);
      const t = translator(locale);
      if (!sub) await ephemeral(message(t('slack.command.unknown', { word: userText(cut(name, 40)), help: helpText(t, ctx.command) })));
      else await ephemeral(message(helpText(t, ctx.command)));
      return;
    }
    const caller: Caller = await ctx.identity.caller(client, command.user_id, command.team_id, command.trigger_id);
    locale = caller.locale;
    const run: Run = {
      ctx: { ...ctx, logger },
      client,
      caller,
      args,
      channelId: command.channel_id,
      teamId: command.team_id,
      triggerId: command.trigger_id,
      t: translator(caller.locale),
      respond: ephemeral,
      // A repeated delivery of the command is recorded once (its trigger_id), so it is confirmed once.
      confirm: (write, channelLocale = caller.environmentLocale) =>
        confirmInChannel(
          client,
          logger,
          { channel: command.channel_id, callerSlackId: command.user_id, fallback: (m) => answer({ response_type: 'in_channel', ...m }) },
          write(confirmationsIn(translator(channelLocale))),
        ),
    };
    await sub.run(run);
    logger.info('subcommand done');
  } catch (err) {
    await ephemeral(message(errorText(err, logger, command.trigger_id, locale)));
  }
}
