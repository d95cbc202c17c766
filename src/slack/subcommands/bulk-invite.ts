// Inviting many people from Slack: `invite a@b.nl, c@d.nl e@f.nl [role]` (several addresses) and
// `invite-many`, the form for a pasted list or a CSV file. The list is checked whole before anything
// is sent; then its invitations run in the background (../bulk/job.ts) with one progress message.
import type { webApi } from '@slack/bolt';
import { readerLocale, t } from '../../i18n/catalogue.ts';
import { prepareBulkInvitation, type Actor } from '../../rights/index.ts';
import { inviteManyModal } from '../blocks/bulk.ts';
import type { ModalMeta } from '../blocks/modals.ts';
import { message, userText } from '../blocks/text.ts';
import { queueBulkInvitation } from '../bulk/job.ts';
import { checkRows, problemList, readCommandList } from '../bulk/list.ts';
import type { SlackContext } from '../context.ts';
import type { Run, Subcommand } from './run.ts';

/** The list form of `invite`: several addresses, and a role for all of them at the end. */
export async function inviteList(r: Run): Promise<void> {
  const { rows: raw, role } = readCommandList(r.args);
  const prepared = await prepareBulkInvitation(r.ctx.deps, r.caller, []);
  const locale = readerLocale({ locale: prepared.locale.environment }, { locale: prepared.locale.user });
  const { rows, problems } = checkRows(raw, { role, organisations: [] }, prepared.organisations);
  if (problems.length) {
    await r.respond(message(t(locale, 'bulk.errors.command', { count: problems.length, list: problemList(locale, problems, 20, userText) })));
    return;
  }
  // The command's trigger_id names the list: a command delivered twice is invited once.
  await queueBulkInvitation(r.ctx, { jobId: r.triggerId, caller: r.caller, teamId: r.teamId ?? '', rows });
  await r.respond(message(t(locale, 'bulk.queued', { count: rows.length, role: t(locale, `role.environment.${role}.lower`) })));
}

/** Opens the "Invite many" form (also for the App Home's button); refuses whoever may not invite. */
export async function openInviteMany(ctx: SlackContext, client: webApi.WebClient, triggerId: string, actor: Actor, meta: ModalMeta): Promise<void> {
  const prepared = await prepareBulkInvitation(ctx.deps, actor, []);
  const locale = readerLocale({ locale: prepared.locale.environment }, { locale: prepared.locale.user });
  await client.views.open({ trigger_id: triggerId, view: inviteManyModal(locale, meta) });
}

export const inviteMany: Subcommand = {
  usage: 'slack.usage.inviteMany',
  async run(r) {
    if (r.args.length > 0) return inviteList(r);
    await openInviteMany(r.ctx, r.client, r.triggerId, r.caller, { channel: r.channelId });
  },
};
