// The App Home as Block Kit, in the reader's language: one view per role (see describeHome), or for a
// Slack user eConnect cannot match, how to get an account. Within Slack's limits: a home view holds at
// most 100 blocks (long lists come a page at a time, HOME_PAGE_SIZE rows each), a section's text at most
// 3000 characters (cut), a header 150, a button 75.
import type { Translate } from '../../i18n/catalogue.ts';
import type { HomeData, HomePerson } from '../../rights/home/describe-home.ts';
import { helpText } from '../blocks/messages.ts';
import { cut, mrkdwn, plain, section, strong, userText } from '../blocks/text.ts';

/** Action ids of the home's buttons (registered in src/slack/home/register.ts). */
export const HOME_ACTIONS = {
  invite: 'home_invite',
  inviteMany: 'home_invite_many',
  createOrganisation: 'home_create_org',
  resend: 'home_resend',
  revoke: 'home_revoke',
  addToOrganisation: 'home_add_to_org',
  makeAdministrator: 'home_make_admin',
  block: 'home_block',
  addMember: 'home_add_member',
  page: 'home_page',
} as const;

/** Why there is no account to show, each with its own advice. */
export type NoAccount = 'noAccount' | 'noEmail' | 'invited' | 'blocked' | 'otherEnvironment' | 'unbound';

/** A line at the top of the view: what a click did, or why it did nothing. */
export interface Notice {
  ok: boolean;
  text: string;
}

export interface HomeView {
  type: 'home';
  blocks: unknown[];
}

const MAX_BLOCKS = 100;

const who = (p: { name: string | null; email: string }) => (p.name && p.name !== p.email ? `${strong(p.name)} (${userText(p.email)})` : strong(p.email));
const nameOf = (p: { name: string | null; email: string }) => userText(p.name || p.email);
const header = (text: string) => ({ type: 'header', text: plain(text, 150) });
const divider = { type: 'divider' };
const button = (actionId: string, text: string, value?: string, extra: Record<string, unknown> = {}) => ({
  type: 'button',
  action_id: actionId,
  text: plain(text, 75),
  ...(value !== undefined ? { value } : {}),
  ...extra,
});
const confirm = (tr: Translate, kind: 'revoke' | 'block' | 'admin', email: string) => ({
  confirm: {
    title: plain(tr(`home.confirm.${kind}.title`), 100),
    text: plain(tr(`home.confirm.${kind}.text`, { email }), 300),
    confirm: plain(tr(`home.confirm.${kind}.yes`), 30),
    deny: plain(tr('home.button.cancel'), 30),
  },
});

function noticeBlocks(notice: Notice | undefined) {
  if (!notice) return [];
  return [section(`${notice.ok ? ':white_check_mark:' : ':no_entry:'} ${notice.text}`, 'home_notice')];
}

function paging(tr: Translate, page: number, pages: number) {
  if (pages <= 1) return [];
  const buttons = [];
  if (page > 0) buttons.push(button(HOME_ACTIONS.page, tr('home.button.previous'), String(page - 1)));
  if (page < pages - 1) buttons.push(button(HOME_ACTIONS.page, tr('home.button.next'), String(page + 1)));
  return [{ type: 'context', elements: [mrkdwn(tr('home.page', { page: page + 1, pages }))] }, { type: 'actions', block_id: 'home_paging', elements: buttons }];
}

const pagesOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

/** How many pages the home has for this data (a page past the end is shown as the last). */
export function homePages(data: HomeData): number {
  if (data.kind === 'administrator') return Math.max(pagesOf(data.invitations.total, data.pageSize), pagesOf(data.joined.total, data.pageSize));
  if (data.kind === 'organisations') return pagesOf(data.organisations.total, data.pageSize);
  return 1;
}

const auditAction = (action: string) => action.replace(/[^a-z_]/gi, '_');

function auditTarget(details: Record<string, unknown>): string {
  const pick = (k: string) => (typeof details[k] === 'string' ? (details[k] as string) : null);
  const target = pick('email') ?? pick('name') ?? pick('organisation');
  const org = pick('organisation');
  if (!target) return '';
  return ` ${userText(target)}${org && org !== target ? ` (${userText(org)})` : ''}`;
}

function administratorHome(tr: Translate, data: Extract<HomeData, { kind: 'administrator' }>, command: string) {
  const { counts, invitations, joined } = data;
  const blocks: unknown[] = [
    header(tr('home.title', { environment: data.environment.name })),
    {
      type: 'section',
      block_id: 'home_counts',
      fields: [
        ['home.counts.active', counts.active],
        ['home.counts.invited', counts.invited],
        ['home.counts.blocked', counts.blocked],
        ['home.counts.organisations', counts.organisations],
      ].map(([key, n]) => mrkdwn(`*${tr(key as 'home.counts.active')}*\n${n}`)),
    },
    {
      type: 'actions',
      block_id: 'home_main',
      elements: [
        button(HOME_ACTIONS.invite, tr('home.button.invite'), undefined, { style: 'primary' }),
        button(HOME_ACTIONS.inviteMany, tr('home.button.inviteMany')),
        button(HOME_ACTIONS.createOrganisation, tr('home.button.createOrganisation')),
      ],
    },
    divider,
    section(tr('home.invitations.title', { total: invitations.total }), 'home_invitations'),
  ];
  if (invitations.items.length === 0) blocks.push({ type: 'context', elements: [mrkdwn(tr('home.invitations.none'))] });
  for (const inv of invitations.items) {
    const inviter = inv.invitedBy ? nameOf(inv.invitedBy) : tr('home.invitations.unknownInviter');
    const text = inv.expiresAt
      ? tr('home.invitations.row', { who: who(inv.user), inviter, expired: inv.expired ? 'yes' : 'no', expires: inv.expiresAt })
      : tr('home.invitations.rowNoLink', { who: who(inv.user), inviter });
    blocks.push(section(text, `inv_${inv.user.id}`));
    blocks.push({
      type: 'actions',
      block_id: `inv_act_${inv.user.id}`,
      elements: [
        button(HOME_ACTIONS.resend, tr('home.button.resend'), inv.user.id),
        button(HOME_ACTIONS.revoke, tr('home.button.revoke'), inv.user.id, { style: 'danger', ...confirm(tr, 'revoke', inv.user.email) }),
      ],
    });
  }
  blocks.push(divider, section(tr('home.joined.title', { total: joined.total }), 'home_joined'));
  if (joined.items.length === 0) blocks.push({ type: 'context', elements: [mrkdwn(tr('home.joined.none'))] });
  for (const p of joined.items) {
    blocks.push(section(tr('home.joined.row', { who: who(p), when: p.createdAt }), `join_${p.id}`));
    blocks.push({
      type: 'actions',
      block_id: `join_act_${p.id}`,
      elements: [
        button(HOME_ACTIONS.addToOrganisation, tr('home.button.addToOrganisation'), p.id, { style: 'primary' }),
        button(HOME_ACTIONS.makeAdministrator, tr('home.button.makeAdministrator'), p.id, confirm(tr, 'admin', p.email)),
        button(HOME_ACTIONS.block, tr('home.button.block'), p.id, { style: 'danger', ...confirm(tr, 'block', p.email) }),
      ],
    });
  }
  blocks.push(...paging(tr, data.page, homePages(data)));
  blocks.push(divider, section(tr('home.audit.title'), 'home_audit_title'));
  const lines = data.audit.map((e) =>
    tr('home.audit.row', {
      when: e.at,
      actor: e.actor ? nameOf(e.actor) : tr('home.audit.system'),
      action: tr('home.audit.action', { action: auditAction(e.action) }),
      target: auditTarget(e.details),
    }),
  );
  blocks.push(section(lines.length ? lines.map((l) => cut(l, 290)).join('\n') : tr('home.audit.none'), 'home_audit'));
  blocks.push(divider, section(helpText(tr, command), 'home_help'));
  return blocks;
}

function organisationsHome(tr: Translate, data: Extract<HomeData, { kind: 'organisations' }>, command: string) {
  const blocks: unknown[] = [header(tr('home.title', { environment: data.environment.name })), ...meBlocks(tr, data, data.me.role), divider, section(tr('home.orgs.title', { total: data.organisations.total }), 'home_orgs')];
  for (const org of data.organisations.items) {
    blocks.push(section(tr('home.orgs.organisation', { name: userText(org.name), count: org.memberCount }), `org_${org.id}`));
    const lines = org.members.map((m) => `• ${tr('home.orgs.member', { who: who(m), role: tr(`role.organisation.${m.organisationRole}`) })}`);
    const rest = org.memberCount - org.members.length;
    // long names can fill the section (cut at 3000 characters): the count of the others stands apart
    blocks.push(section(lines.length ? lines.join('\n') : tr('home.orgs.noMembers'), `org_members_${org.id}`));
    if (rest > 0) blocks.push({ type: 'context', elements: [mrkdwn(tr('home.orgs.more', { count: rest }))] });
    blocks.push({ type: 'actions', block_id: `org_act_${org.id}`, elements: [button(HOME_ACTIONS.addMember, tr('home.button.addMember'), org.id, { style: 'primary' })] });
  }
  blocks.push(...paging(tr, data.page, homePages(data)));
  blocks.push(divider, section(helpText(tr, command), 'home_help'));
  return blocks;
}

const admins = (tr: Translate, people: HomePerson[]) => (people.length ? people.map(nameOf).join(', ') : tr('home.me.nobody'));

function meBlocks(tr: Translate, data: Exclude<HomeData, { kind: 'administrator' }>, role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR') {
  return [
    section(tr('home.me.summary', { who: who(data.me), role: tr(`role.environment.${role}`), environment: userText(data.environment.name) }), 'home_me'),
    section(tr('home.me.administrators', { environment: userText(data.environment.name), admins: admins(tr, data.administrators) }), 'home_admins'),
  ];
}

function memberHome(tr: Translate, data: Extract<HomeData, { kind: 'member' }>, command: string) {
  const lines = data.organisations.map((o) => `• ${tr('home.me.organisation', { name: strong(o.name), role: tr(`role.organisation.${o.role}`), admins: admins(tr, o.administrators) })}`);
  return [
    header(tr('home.me.title')),
    ...meBlocks(tr, data, data.role),
    divider,
    section(tr('home.me.organisations'), 'home_my_orgs_title'),
    section(lines.length ? lines.join('\n') : tr('home.me.noOrganisations'), 'home_my_orgs'),
    divider,
    section(helpText(tr, command), 'home_help'),
  ];
}

/** The home of someone with an account. */
export function renderHome(tr: Translate, data: HomeData, command: string, notice?: Notice): HomeView {
  const body = data.kind === 'administrator' ? administratorHome(tr, data, command) : data.kind === 'organisations' ? organisationsHome(tr, data, command) : memberHome(tr, data, command);
  const blocks = [...noticeBlocks(notice), ...body];
  return { type: 'home', blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** The home of a Slack user eConnect cannot act for, with what to do about it. */
export function renderNoAccount(tr: Translate, why: NoAccount, values: { email: string | null; url: string }): HomeView {
  const text = tr(`home.none.${why}`, { email: userText(values.email ?? ''), url: values.url });
  return { type: 'home', blocks: [header(tr('home.none.title')), section(text, 'home_none')] };
}
