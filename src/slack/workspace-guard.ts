// Distribution mode: a request from a workspace that no environment has connected finds no token.
// Bolt's own authorization would answer nothing; this guard answers the person instead (how to
// connect) and stops there, so nothing of ours runs and nothing changes.
import type { AnyMiddlewareArgs, AllMiddlewareArgs } from '@slack/bolt';
import { t } from '../i18n/catalogue.ts';
import type { Logger } from '../log.ts';

// No environment, so no language to go by: English.
export const notConnectedText = (command: string) => t('en', 'slack.notConnected', { command });

export function unboundWorkspaceGuard(command: string, logger: Logger) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs) => {
    if (args.context.workspaceEnvironmentId !== null) return args.next();
    const body = args.body as { type?: string; command?: string; team_id?: string; team?: { id?: string }; response_url?: string };
    const ack = (args as { ack?: (r?: unknown) => Promise<void> }).ack;
    logger.info({ team: body.team_id ?? body.team?.id, type: body.type ?? (body.command ? 'command' : 'event') }, 'request from a workspace that is not connected: answered, nothing done');
    if (body.command) return ack?.({ response_type: 'ephemeral', text: notConnectedText(command) });
    if (body.type === 'block_suggestion') return ack?.({ options: [] });
    await ack?.();
    if (body.response_url) {
      await fetch(body.response_url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: notConnectedText(command) }) })
        .catch((err) => logger.warn({ error: String(err) }, 'could not answer a request from an unconnected workspace'));
    }
  };
}
