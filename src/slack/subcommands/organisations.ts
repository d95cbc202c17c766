// Subcommands about organisations and their members: create-org, org, add-to-org, remove-member.
import { addMember, createOrganisation, getOrganisation, removeMember } from '../../rights/index.ts';
import { memberAddedUntil, takeUntil } from '../access-until.ts';
import { organisationRole } from '../command-text.ts';
import { organisationDetails } from '../blocks/messages.ts';
import { addMemberModal, organisationModal, pickOrganisationModal, removeMemberModal } from '../blocks/modals.ts';
import { organisationArg, userArg, usage, type Subcommand } from './run.ts';

export const createOrg: Subcommand = {
  usage: 'slack.usage.createOrg',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: organisationModal(r.t, 'create_org', { channel: r.channelId }) });
      return;
    }
    const result = await createOrganisation(r.ctx.deps, r.caller, { name: r.args.join(' ') });
    await r.confirm((c) => c.organisationCreated(r.caller.slackUserId, result.organisation));
  },
};

export const org: Subcommand = {
  usage: 'slack.usage.org',
  async run(r) {
    const editing = r.args[0]?.toLowerCase() === 'edit';
    const words = editing ? r.args.slice(1) : r.args;
    if (words.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: pickOrganisationModal(r.t, { channel: r.channelId }) });
      return;
    }
    const found = await organisationArg(r, words);
    const details = await getOrganisation(r.ctx.deps, r.caller, { organisationId: found.id });
    if (editing) {
      await r.client.views.open({
        trigger_id: r.triggerId,
        view: organisationModal(r.t, 'edit_org', { channel: r.channelId, organisationId: details.id, organisationName: details.name }, details),
      });
      return;
    }
    await r.respond(organisationDetails(r.t, details, details.canEdit));
  },
};

export const addToOrg: Subcommand = {
  usage: 'slack.usage.addToOrg',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: addMemberModal(r.t, { channel: r.channelId }) });
      return;
    }
    const { args, until } = takeUntil(r.args);
    if (args.length < 2) return usage(r, this.usage);
    const role = args.length > 2 ? organisationRole(args[args.length - 1]) : null;
    const orgWords = role ? args.slice(1, -1) : args.slice(1);
    const user = await userArg(r, args[0]);
    const organisation = await organisationArg(r, orgWords);
    const result = await addMember(r.ctx.deps, r.caller, { userId: user.id, organisationId: organisation.id, ...(role || !until ? { role: role ?? 'MEMBER' } : {}), until });
    await r.confirm((c) => memberAddedUntil(c, r.caller.environmentLocale, r.caller.slackUserId, result));
  },
};

export const removeMemberCommand: Subcommand = {
  usage: 'slack.usage.removeMember',
  async run(r) {
    if (r.args.length === 0) {
      await r.client.views.open({ trigger_id: r.triggerId, view: removeMemberModal(r.t, { channel: r.channelId }) });
      return;
    }
    if (r.args.length < 2) return usage(r, this.usage);
    const user = await userArg(r, r.args[0]);
    const organisation = await organisationArg(r, r.args.slice(1));
    const result = await removeMember(r.ctx.deps, r.caller, { userId: user.id, organisationId: organisation.id });
    await r.confirm((c) => c.memberRemoved(r.caller.slackUserId, result.user, result.organisation));
  },
};
