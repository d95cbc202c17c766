// Look-ups answered only to the caller: users, orgs, whois, pending, audit, help. They change nothing.
import { getUser, listOrganisations, listPendingInvitations, listUsers, readAudit, resolveOrganisation } from '../../rights/index.ts';
import { auditList, helpText, organisationList, pendingList, userDetails, userList } from '../blocks/messages.ts';
import { message, userText } from '../blocks/text.ts';
import { userArg, usage, type Subcommand } from './run.ts';

export const users: Subcommand = {
  usage: 'users [search]',
  async run(r) {
    const query = r.args.join(' ') || undefined;
    const page = await listUsers(r.ctx.deps, r.caller, { query, limit: 40 });
    await r.respond(userList(query ? `Users matching "${userText(query)}"` : 'Users', page.items, !!page.nextCursor));
  },
};

export const orgs: Subcommand = {
  usage: 'orgs [search]',
  async run(r) {
    const page = await listOrganisations(r.ctx.deps, r.caller, { query: r.args.join(' ') || undefined, limit: 40 });
    await r.respond(organisationList(page.items, !!page.nextCursor));
  },
};

export const whois: Subcommand = {
  usage: 'whois <user>',
  async run(r) {
    if (r.args.length === 0) return usage(r, this.usage);
    const user = await userArg(r, r.args.join(' '));
    await r.respond(userDetails(await getUser(r.ctx.deps, r.caller, { userId: user.id })));
  },
};

export const pending: Subcommand = {
  usage: 'pending',
  async run(r) {
    const page = await listPendingInvitations(r.ctx.deps, r.caller, { limit: 40 });
    await r.respond(pendingList(page.items, !!page.nextCursor));
  },
};

export const audit: Subcommand = {
  usage: 'audit [user or organisation]',
  async run(r) {
    let targetId: string | undefined;
    if (r.args.length) {
      // A user when the words name one, otherwise an organisation.
      targetId = await userArg(r, r.args.join(' '))
        .then((u) => u.id)
        .catch(async () => (await resolveOrganisation(r.ctx.deps, r.caller, r.args.join(' '))).id);
    }
    const page = await readAudit(r.ctx.deps, r.caller, { targetId, limit: 30 });
    await r.respond(auditList(page.items, !!page.nextCursor));
  },
};

export const help: Subcommand = {
  usage: 'help',
  async run(r) {
    await r.respond(message(helpText(r.ctx.command)));
  },
};
