// Messages: lists and details answered to the caller, and the help text.
import type { EnvironmentRole, OrganisationRole, UserStatus } from '../../i18n/labels.ts';
import { environmentRoleLabel, organisationRoleLabel, statusLabel } from './labels.ts';
import { context, cut, escapeMrkdwn, flatten, section, strong, userText, who } from './text.ts';

type Row = { id: string; email: string; name: string | null; role: EnvironmentRole; status: UserStatus; slackUserId?: string | null };

/** At most 40 rows in one message: Slack allows 50 blocks and long lists are unreadable anyway. */
const MAX_ROWS = 40;

export function userList(title: string, rows: Row[], more: boolean) {
  const lines = rows.slice(0, MAX_ROWS).map((u) => `• ${who(u)}: ${environmentRoleLabel(u.role)}${u.status === 'ACTIVE' ? '' : `, *${statusLabel(u.status)}*`}`);
  return listBlocks(title, lines, more || rows.length > MAX_ROWS, 'Nobody matches. Invite someone with `invite name@company.nl`.');
}

export function organisationList(rows: { id: string; name: string; kvkNumber: string | null; members: number }[], more: boolean) {
  const lines = rows.slice(0, MAX_ROWS).map((o) => `• ${strong(o.name)}${o.kvkNumber ? ` (KvK ${userText(o.kvkNumber)})` : ''}: ${o.members} member${o.members === 1 ? '' : 's'}`);
  return listBlocks('Organisations', lines, more || rows.length > MAX_ROWS, 'No organisations yet. Create one with `create-org`.');
}

export function pendingList(rows: { email: string; role: EnvironmentRole; expiresAt: string | null; expired: boolean }[], more: boolean) {
  const lines = rows.slice(0, MAX_ROWS).map((r) => `• ${userText(r.email)}: ${environmentRoleLabel(r.role)}, ${r.expired ? '*link expired*, use `resend`' : `link works until ${r.expiresAt?.slice(0, 10)}`}`);
  return listBlocks('Pending invitations', lines, more || rows.length > MAX_ROWS, 'No pending invitations.');
}

export function auditList(rows: { action: string; actorSlackId: string | null; targetType: string; targetId: string; createdAt: string; details: unknown }[], more: boolean) {
  const lines = rows.slice(0, MAX_ROWS).map((e) => {
    const by = e.actorSlackId ? `<@${e.actorSlackId}>` : 'the system';
    const d = e.details as Record<string, unknown> | null;
    const about = typeof d?.email === 'string' ? userText(d.email) : typeof d?.name === 'string' ? userText(d.name) : `${e.targetType} ${e.targetId.slice(0, 8)}`;
    return `• ${e.createdAt.slice(0, 16).replace('T', ' ')} ${by}: \`${userText(e.action)}\` ${about}`;
  });
  return listBlocks('Audit trail (newest first)', lines, more || rows.length > MAX_ROWS, 'No audit events.');
}

/** `title` is mrkdwn with any typed value in it marked (userText). */
function listBlocks(title: string, lines: string[], more: boolean, empty: string) {
  const heading = flatten(title) === title ? `*${title}*` : title;
  if (lines.length === 0) return { text: flatten(`${title}: ${empty}`), blocks: [section(`${heading}\n${empty}`)] };
  const blocks: unknown[] = [section(heading)];
  // Several lines per section keeps well under the 50-block and 3000-character limits.
  for (let i = 0; i < lines.length; i += 10) blocks.push(section(lines.slice(i, i + 10).join('\n')));
  if (more) blocks.push(context('More results exist: narrow the search, e.g. `users jan` or `orgs acme`.'));
  return { text: cut(flatten(`${title}: ${lines.length}${more ? '+' : ''}`), 3000), blocks };
}

export function userDetails(u: Row & { environment: { name: string }; activatedAt: Date | null; memberships: { organisationName: string; role: OrganisationRole }[] }) {
  const orgs = u.memberships.length
    ? u.memberships.map((m) => `• ${userText(m.organisationName)}: ${organisationRoleLabel(m.role)}`).join('\n')
    : '_Not a member of any organisation: no document rights._';
  const heading = `${u.name ? `${strong(u.name)} (${userText(u.email)})` : strong(u.email)}${u.slackUserId ? ` <@${u.slackUserId}>` : ''}`;
  const text = `${heading}\nEnvironment: ${userText(u.environment.name)}\nRole: ${environmentRoleLabel(u.role)}\nStatus: ${statusLabel(u.status)}${u.activatedAt ? ` (activated ${u.activatedAt.toISOString().slice(0, 10)})` : ''}\n*Organisations*\n${orgs}`;
  return { text: `${flatten(userText(u.email))}: ${environmentRoleLabel(u.role)}, ${statusLabel(u.status)}`, blocks: [section(text)] };
}

export function organisationDetails(o: Record<string, unknown> & { id: string; name: string; _count: { memberships: number } }, canEdit: boolean) {
  const labels: [string, string][] = [
    ['legalName', 'Legal name'], ['kvkNumber', 'KvK'], ['vatNumber', 'VAT'], ['peppolId', 'Peppol id'], ['street', 'Street'],
    ['postalCode', 'Postal code'], ['city', 'City'], ['country', 'Country'], ['invoiceEmail', 'Invoice email'],
  ];
  const lines = labels.map(([k, l]) => `${l}: ${o[k] ? userText(String(o[k])) : '_not set_'}`);
  const blocks: unknown[] = [section(`${strong(o.name)} (${o._count.memberships} member${o._count.memberships === 1 ? '' : 's'})\n${lines.join('\n')}`)];
  if (canEdit) {
    blocks.push({
      type: 'actions',
      block_id: 'org_actions',
      elements: [{ type: 'button', action_id: 'org_edit', text: { type: 'plain_text', text: 'Edit details' }, value: o.id }],
    });
  }
  return { text: flatten(userText(o.name)), blocks };
}

export function helpText(command: string): string {
  const c = command;
  return [
    `*${c}* manages the users, roles and organisations of your eConnect environment. Give a user as an email address, an @mention or a name; without arguments the first seven open a form.`,
    `• \`${c} invite name@company.nl [basic|advanced|administrator]\` invite someone (sends an activation link)`,
    `• \`${c} set-role <user> <basic|advanced|administrator>\` change an environment role; \`${c} make-admin <user>\` is the short form`,
    `• \`${c} add-to-org <user> <organisation> [member|administrator]\` add a member to an organisation`,
    `• \`${c} set-org-role <user> <organisation> member|administrator\` make a member an organisation administrator, or a member again (\`set-role\` is for the environment role)`,
    `• \`${c} remove-member <user> <organisation>\` remove a member (they keep their account)`,
    `• \`${c} create-org <name>\` create an organisation (you become its administrator)`,
    `• \`${c} org <name>\` show an organisation's details; \`${c} org edit <name>\` edit them`,
    `• \`${c} block <user>\`, \`${c} unblock <user>\`, \`${c} remove-user <user>\` block, unblock or remove a user`,
    `• \`${c} resend <user>\`, \`${c} revoke <user>\` send a new invitation link, or cancel the invitation`,
    `• \`${c} users [search]\`, \`${c} orgs [search]\`, \`${c} whois <user>\`, \`${c} pending\`, \`${c} audit [user or organisation]\` look things up`,
    `• \`${c} notify-here\` send notifications (activations, auto-joins) to this channel`,
    `• \`${c} disconnect\` remove eConnect from this workspace and delete its tokens (administrators, when installed with "Add to Slack")`,
    `• \`${c} api-token create <name>\` | \`list\` | \`revoke <name>\` tokens for the rights API`,
    'Only environment administrators invite, change roles, block and remove users and create or edit organisations; organisation administrators manage their own organisation\'s members.',
  ]
    .map(escapeMrkdwn)
    .join('\n');
}
