// Look-ups answered only to the caller: users, orgs, whois, pending, audit, help. They change nothing.
import { getUser, listOrganisations, listPendingInvitations, listUsers, readAudit, resolveOrganisation } from '../../rights/index.ts';
import { auditList, helpText, organisationList, pendingList, userDetails, userList } from '../blocks/messages.ts';
import { message } from '../blocks/text.ts';
import { userArg, usage, type Subcommand } from './run.ts';

export const users: Subcommand = {
  usage: 'slack.usage.users',
  async run(r) {
    const query = r.args.join(' ') || undefined;
    const page = await listUsers(r.ctx.deps, r.caller, { query, limit: 40 });
    await r.respond(userList(r.t, query, page.items, !!page.nextCursor));
  },
};

export const orgs: Subcommand = {
  usage: 'slack.usage.orgs',
  async run(r) {
    const page = await listOrganisations(r.ctx.deps, r.caller, { query: r.args.join(' ') || undefined, limit: 40 });
    await r.respond(organisationList(r.t, page.items, !!page.nextCursor));
  },
};

export const whois: Subcommand = {
  usage: 'slack.usage.whois',
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    await r.respond(userDetails(r.t, await getUser(r.ctx.deps, r.caller, { userId: user.id })));
  },
};

export const pending: Subcommand = {
  usage: 'slack.usage.pending',
  async run(r) {
    const page = await listPendingInvitations(r.ctx.deps, r.caller, { limit: 40 });
    await r.respond(pendingList(r.t, page.items, !!page.nextCursor));
  },
};

export const audit: Subcommand = {
  usage: 'slack.usage.audit',
  async run(r) {
    let targetId: string | undefined;
    if (r.args.length) {
      // A user when the words name one, otherwise an organisation.
      targetId = await userArg(r, r.args.join(' '))
        .then((u) => u.id)
        .catch(async () => (await resolveOrganisation(r.ctx.deps, r.caller, r.args.join(' '))).id);
    }
    const page = await readAudit(r.ctx.deps, r.caller, { targetId, limit: 30 });
    await r.respond(auditList(r.t, page.items, !!page.nextCursor));
  },
};

export const help: Subcommand = {
  usage: 'slack.usage.help',
  async run(r) {
    await r.respond(message(helpText(r.t, r.ctx.command)));
  },
};
