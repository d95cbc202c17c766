// Options for the external_select menus: users, organisations and one organisation's members, searched
// as the administrator types. At most 100 options (Slack's limit); errors give an empty list because
// Slack cannot show a message there.
import type { AllMiddlewareArgs, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { listMembers, listOrganisations, searchUsers } from '../../../rights/index.ts';
import { decodeMeta } from '../../blocks/modals.ts';
import { limitOptions, organisationOption, searchText, userOption, type Option } from '../../blocks/options.ts';
import type { SlackContext } from '../../context.ts';
import { unanswerable } from '../../errors.ts';
import type { Caller } from '../../identity.ts';

type Args = SlackOptionsMiddlewareArgs & AllMiddlewareArgs;

function options(ctx: SlackContext, find: (caller: Caller, query: string, body: Args['body']) => Promise<Option[]>) {
  return async ({ ack, body, client }: Args) => {
    const query = String(body.value ?? '').slice(0, 100).trim();
    try {
      const caller = await ctx.identity.caller(client, body.user.id, body.team?.id, undefined);
      await ack({ options: limitOptions(await find(caller, query, body)) as never });
    } catch (err) {
      unanswerable(err, ctx.logger.child({ slackUser: body.user.id }), 'no options for this caller');
      await ack({ options: [] });
    }
  };
}

// Whom the caller may find (the whole directory, a full address, or only themselves) is the rights service's to decide.
export const userSearch = (ctx: SlackContext) =>
  options(ctx, async (caller, query) => (await searchUsers(ctx.deps, caller, { query: searchText(query), limit: 100 })).map(userOption));

export const organisationSearch = (ctx: SlackContext) =>
  options(ctx, async (caller, query) => (await listOrganisations(ctx.deps, caller, { query: searchText(query), limit: 100 })).items.map(organisationOption));

export const memberSearch = (ctx: SlackContext) =>
  options(ctx, async (caller, query, body) => {
    const organisationId = decodeMeta((body as { view?: { private_metadata?: string } }).view?.private_metadata).organisationId;
    if (!organisationId) return [];
    const q = query.toLowerCase();
    const { members } = await listMembers(ctx.deps, caller, { organisationId });
    return members.filter((m) => !q || m.email.includes(q) || (m.name ?? '').toLowerCase().includes(q)).slice(0, 100).map(userOption);
  });
