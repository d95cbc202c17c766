// api-token create|list|revoke: bearer tokens with which the document platform asks the rights API.
// A new token is shown once, only to the administrator who made it; the channel sees that it exists.
import { createApiToken, listApiTokens, revokeApiToken } from '../../rights/index.ts';
import { message, strong, userText } from '../blocks/text.ts';
import { usage, type Subcommand } from './run.ts';

export const apiToken: Subcommand = {
  usage: 'slack.usage.apiToken',
  async run(r) {
    const [verb, ...rest] = r.args;
    const name = rest.join(' ').trim();
    switch (verb?.toLowerCase()) {
      case 'create': {
        if (!name) return usage(r, 'slack.usage.apiTokenCreate');
        const made = await createApiToken(r.ctx.deps, r.caller, { name });
        await r.respond(message(r.t('slack.apiToken.created', { name: strong(made.name), token: made.token, command: r.ctx.command, nameText: userText(made.name) })));
        await r.confirm((c) => c.apiTokenCreated(r.caller.slackUserId, made));
        return;
      }
      case 'list': {
        const tokens = await listApiTokens(r.ctx.deps, r.caller);
        await r.respond(message(
          tokens.length
            ? r.t('slack.apiToken.list', { rows: tokens.map((t) => r.t('slack.apiToken.row', { name: strong(t.name), date: t.createdAt.slice(0, 10) })).join('\n') })
            : r.t('slack.apiToken.none', { command: r.ctx.command }),
        ));
        return;
      }
      case 'revoke': {
        if (!name) return usage(r, 'slack.usage.apiTokenRevoke');
        const revoked = await revokeApiToken(r.ctx.deps, r.caller, { name });
        await r.confirm((c) => c.apiTokenRevoked(r.caller.slackUserId, revoked));
        return;
      }
      default:
        return usage(r, this.usage);
    }
  },
};
