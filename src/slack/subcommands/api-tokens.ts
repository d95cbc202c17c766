// api-token create|list|revoke: bearer tokens with which the document platform asks the rights API.
// A new token is shown once, only to the administrator who made it; the channel sees that it exists.
import { createApiToken, listApiTokens, revokeApiToken } from '../../rights/index.ts';
import { apiTokenCreated, apiTokenRevoked } from '../blocks/confirmations.ts';
import { message, strong, userText } from '../blocks/text.ts';
import { usage, type Subcommand } from './run.ts';

export const apiToken: Subcommand = {
  usage: 'api-token create <name> | api-token list | api-token revoke <name>',
  async run(r) {
    const [verb, ...rest] = r.args;
    const name = rest.join(' ').trim();
    switch (verb?.toLowerCase()) {
      case 'create': {
        if (!name) return usage(r, 'api-token create <name>');
        const made = await createApiToken(r.ctx.deps, r.caller, { name });
        await r.respond(message(
          `API token ${strong(made.name)} (shown once, store it now):\n\`${made.token}\`\nSend it as \`Authorization: Bearer &lt;token&gt;\` to /api/v1/authorize. Revoke it with \`${r.ctx.command} api-token revoke ${userText(made.name)}\`.`,
        ));
        await r.confirm(apiTokenCreated(r.caller.slackUserId, made));
        return;
      }
      case 'list': {
        const tokens = await listApiTokens(r.ctx.deps, r.caller);
        await r.respond(message(
          tokens.length
            ? `Rights API tokens:\n${tokens.map((t) => `• ${strong(t.name)} (created ${t.createdAt.slice(0, 10)})`).join('\n')}`
            : `No rights API tokens yet. Create one with \`${r.ctx.command} api-token create &lt;name&gt;\`.`,
        ));
        return;
      }
      case 'revoke': {
        if (!name) return usage(r, 'api-token revoke <name>');
        const revoked = await revokeApiToken(r.ctx.deps, r.caller, { name });
        await r.confirm(apiTokenRevoked(r.caller.slackUserId, revoked));
        return;
      }
      default:
        return usage(r, this.usage);
    }
  },
};
