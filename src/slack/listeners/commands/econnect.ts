// The one slash command: ack at once, find the caller, run the subcommand, and turn any error into an
// ephemeral answer that says why and what to do.
import type { AllMiddlewareArgs, RespondFn, SlackCommandMiddlewareArgs, SlashCommand, webApi } from '@slack/bolt';
import { helpText } from '../../blocks/messages.ts';
import { tokenize } from '../../command-text.ts';
import type { SlackContext } from '../../context.ts';
import { errorText } from '../../errors.ts';
import { cut, message, userText } from '../../blocks/text.ts';
import { claimOnce } from '../../../rights/index.ts';
import { confirmInChannel } from '../../reply.ts';
import { help, subcommands, type Run } from '../../subcommands/index.ts';
import type { Caller } from '../../identity.ts';

export function econnectCommand(ctx: SlackContext) {
  return async ({ command, ack, client, respond }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await ctx.work.run(() => runSubcommand(ctx, command, client, respond));
  };
}

async function runSubcommand(ctx: SlackContext, command: SlashCommand, client: webApi.WebClient, respond: RespondFn) {
  const [word, ...args] = tokenize(command.text ?? '');
  const name = word?.toLowerCase() ?? 'help';
  const sub = subcommands[name];
  const logger = ctx.logger.child({ command: command.command, subcommand: name, slackUser: command.user_id, team: command.team_id, requestId: command.trigger_id });
  const ephemeral = async (m: { text: string; blocks?: unknown[] }) => void (await respond({ response_type: 'ephemeral', ...m } as never));
  try {
    if (!sub) {
      await ephemeral(message(`I do not know ${userText(cut(name, 40))}. Here is what I can do:\n${helpText(ctx.command)}`));
      return;
    }
    // Help is for everyone; everything else needs an active user of an environment.
    const caller: Caller | null = sub === help ? null : await ctx.identity.caller(client, command.user_id, command.team_id, command.trigger_id);
    const run: Run = {
      ctx: { ...ctx, logger },
      client,
      caller: caller ?? ({ userId: '', slackUserId: command.user_id } as Caller),
      args,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      respond: ephemeral,
      // A retried delivery of the same command (same trigger_id) changes state once and is confirmed once.
      confirm: async (text) => {
        if (!(await claimOnce(ctx.deps, `slack-confirm:${command.trigger_id}`))) return;
        await confirmInChannel(client, logger, {
          channel: command.channel_id,
          callerSlackId: command.user_id,
          fallback: (m) => respond({ response_type: 'in_channel', ...m }),
        }, text);
      },
    };
    await sub.run(run);
    logger.info('subcommand done');
  } catch (err) {
    await ephemeral(message(errorText(err, logger, command.trigger_id))).catch((e) => logger.warn({ err: e }, 'could not answer the caller'));
  }
}
