// Messages: lists and details answered to the caller, and the help text, in the caller's language.
import type { MessageKey, Translate } from '../../i18n/catalogue.ts';
import type { EnvironmentRole, OrganisationRole, UserStatus } from '../../i18n/labels.ts';
import { environmentRoleLabel, organisationRoleLabel, statusLabel } from './labels.ts';
import { context, cut, escapeMrkdwn, flatten, section, strong, userText, who } from './text.ts';

type Row = { id: string; email: string; name: string | null; role: EnvironmentRole; status: UserStatus; slackUserId?: string | null };

/** At most 40 rows in one message: Slack allows 50 blocks and long lists are unreadable anyway. */
const MAX_ROWS = 40;

/** `query`: what was searched for, as typed (escaped here). */
export function userList(t: Translate, query: string | undefined, rows: Row[], more: boolean) {
  const title = query ? t('slack.users.matching', { query: userText(query) }) : t('slack.users.title');
  const lines = rows.slice(0, MAX_ROWS).map((u) => `• ${who(u)}: ${environmentRoleLabel(t, u.role)}${u.status === 'ACTIVE' ? '' : `, *${statusLabel(t, u.status)}*`}`);
  return listBlocks(t, title, lines, more || rows.length > MAX_ROWS, t('slack.users.empty'));
}

export function organisationList(t: Translate, rows: { id: string; name: string; kvkNumber: string | null; members: number }[], more: boolean) {
  const lines = rows
    .slice(0, MAX_ROWS)
    .map((o) => t('slack.orgs.row', { name: strong(o.name), kvk: o.kvkNumber ? t('slack.orgs.kvk', { number: userText(o.kvkNumber) }) : '', count: o.members }));
  return listBlocks(t, t('slack.orgs.title'), lines, more || rows.length > MAX_ROWS, t('slack.orgs.empty'));
}

export function pendingList(t: Translate, rows: { email: string; role: EnvironmentRole; expiresAt: string | null; expired: boolean }[], more: boolean) {
  const lines = rows
    .slice(0, MAX_ROWS)
    .map((r) => `• ${userText(r.email)}: ${environmentRoleLabel(t, r.role)}, ${r.expired ? t('slack.pending.expired') : t('slack.pending.until', { date: r.expiresAt?.slice(0, 10) })}`);
  return listBlocks(t, t('slack.pending.title'), lines, more || rows.length > MAX_ROWS, t('slack.pending.empty'));
}

export function auditList(t: Translate, rows: { action: string; actorSlackId: string | null; targetType: string; targetId: string; createdAt: string; details: unknown }[], more: boolean) {
  const lines = rows.slice(0, MAX_ROWS).map((e) => {
    const by = e.actorSlackId ? `<@${e.actorSlackId}>` : t('slack.audit.system');
    const d = e.details as Record<string, unknown> | null;
    const about = typeof d?.email === 'string' ? userText(d.email) : typeof d?.name === 'string' ? userText(d.name) : `${e.targetType} ${e.targetId.slice(0, 8)}`;
    return `• ${e.createdAt.slice(0, 16).replace('T', ' ')} ${by}: \`${userText(e.action)}\` ${about}`;
  });
  return listBlocks(t, t('slack.audit.title'), lines, more || rows.length > MAX_ROWS, t('slack.audit.empty'));
}

/** `title` is mrkdwn with any typed value in it marked (userText). */
function listBlocks(t: Translate, title: string, lines: string[], more: boolean, empty: string) {
  const heading = flatten(title) === title ? `*${title}*` : title;
  if (lines.length === 0) return { text: flatten(`${title}: ${empty}`), blocks: [section(`${heading}\n${empty}`)] };
  const blocks: unknown[] = [section(heading)];
  // Several lines per section keeps well under the 50-block and 3000-character limits.
  for (let i = 0; i < lines.length; i += 10) blocks.push(section(lines.slice(i, i + 10).join('\n')));
  if (more) blocks.push(context(t('slack.list.more')));
  return { text: cut(flatten(`${title}: ${lines.length}${more ? '+' : ''}`), 3000), blocks };
}

export function userDetails(t: Translate, u: Row & { environment: { name: string }; activatedAt: Date | null; memberships: { organisationName: string; role: OrganisationRole }[] }) {
  const organisations = u.memberships.length
    ? u.memberships.map((m) => `• ${userText(m.organisationName)}: ${organisationRoleLabel(t, m.role)}`).join('\n')
    : t('slack.user.noOrganisations');
  const heading = `${u.name ? `${strong(u.name)} (${userText(u.email)})` : strong(u.email)}${u.slackUserId ? ` <@${u.slackUserId}>` : ''}`;
  const text = t('slack.user.details', {
    heading,
    environment: userText(u.environment.name),
    role: environmentRoleLabel(t, u.role),
    status: statusLabel(t, u.status),
    activated: u.activatedAt ? t('slack.user.activated', { date: u.activatedAt.toISOString().slice(0, 10) }) : '',
    organisations,
  });
  return { text: `${flatten(userText(u.email))}: ${environmentRoleLabel(t, u.role)}, ${statusLabel(t, u.status)}`, blocks: [section(text)] };
}

const DETAILS = ['legalName', 'kvkNumber', 'vatNumber', 'peppolId', 'street', 'postalCode', 'city', 'country', 'invoiceEmail'] as const;

export function organisationDetails(t: Translate, o: Record<string, unknown> & { id: string; name: string; _count: { memberships: number } }, canEdit: boolean) {
  const lines = DETAILS.map((k) => `${t(`slack.org.${k}`)}: ${o[k] ? userText(String(o[k])) : t('slack.org.notSet')}`);
  const blocks: unknown[] = [section(`${t('slack.org.heading', { name: strong(o.name), count: o._count.memberships })}\n${lines.join('\n')}`)];
  if (canEdit) {
    blocks.push({
      type: 'actions',
      block_id: 'org_actions',
      elements: [{ type: 'button', action_id: 'org_edit', text: { type: 'plain_text', text: t('slack.org.edit') }, value: o.id }],
    });
  }
  return { text: flatten(userText(o.name)), blocks };
}

const HELP: MessageKey[] = [
  'slack.help.intro', 'slack.help.invite', 'slack.help.inviteMany', 'slack.help.setRole', 'slack.help.addToOrg', 'slack.help.setOrgRole', 'slack.help.until', 'slack.help.removeMember', 'slack.help.createOrg', 'slack.help.org',
  'slack.help.status', 'slack.help.invitations', 'slack.help.reads', 'slack.help.notifyHere', 'slack.help.language', 'slack.help.disconnect', 'slack.help.apiToken',
  'slack.help.who',
];

export function helpText(t: Translate, command: string): string {
  return HELP.map((key) => escapeMrkdwn(t(key, { command }))).join('\n');
}
