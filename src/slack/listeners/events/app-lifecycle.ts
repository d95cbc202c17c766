// Slack tells us the app left a workspace (app_uninstalled), or that its bot token was revoked
// (tokens_revoked naming bot tokens): the workspace is unbound and its tokens deleted; the
// environment's administrators are emailed, and its Slack notifications wait for a new connection.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { unbindSlackWorkspace, type UnbindReason } from '../../../rights/index.ts';
import type { SlackContext } from '../../context.ts';
import { unanswerable } from '../../errors.ts';

export function workspaceLost(ctx: SlackContext, reason: UnbindReason) {
  return async ({ body, event }: (SlackEventMiddlewareArgs<'app_uninstalled'> | SlackEventMiddlewareArgs<'tokens_revoked'>) & AllMiddlewareArgs) => {
    const teamId = (body as { team_id?: string }).team_id;
    // tokens_revoked also names user tokens; only the bot token's loss ends the connection
    if (event.type === 'tokens_revoked' && !(event.tokens.bot?.length)) return;
    if (!teamId) return;
    try {
      const unbound = await unbindSlackWorkspace(ctx.deps, { teamId, reason });
      ctx.installations?.forget(teamId);
      ctx.logger.info({ team: teamId, reason, environmentId: unbound?.environmentId }, unbound ? 'workspace unbound' : 'workspace was not bound');
    } catch (err) {
      unanswerable(err, ctx.logger, `could not unbind workspace ${teamId} after ${reason}`);
      throw err;
    }
  };
}
