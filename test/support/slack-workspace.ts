// One environment as the Slack tests see it, seeded through the rights service: an administrator,
// an organisation administrator of Sales, a basic member, an advanced user, a blocked user, a pending
// invitation and two organisations; plus their Slack accounts at the fake Slack and three people Slack
// knows but eConnect cannot match (no account, an unconfirmed email, no email). Every seed has its own
// tag in its addresses, Slack ids and channel, so each test can have its own and none sees another's.
import { randomBytes } from 'node:crypto';
import {
  activateAccount, addMember, blockUser, createEnvironment, createOrganisation, inviteUser, type RightsDeps,
} from '../../src/rights/index.ts';
import type { FakeSlack } from './fake-slack.ts';
import type { SlackCaller } from './slack-requests.ts';

export const PASSWORD = 'purple otter climbs seven ladders';

export type Person = 'admin' | 'basic' | 'orgAdmin' | 'blocked' | 'advanced' | 'pending';
export type Outsider = 'stranger' | 'unverified' | 'noEmail';

export interface Workspace {
  tag: string;
  /** this environment's own Slack workspace (team id): every request of `as` comes from it, so the
   * first command of its administrator binds it to this environment and to no other test's */
  teamId: string;
  /** the people's mail domain, e.g. acme-3f9a1c.test */
  domain: string;
  environmentId: string;
  /** the channel where this workspace's commands run and confirmations appear */
  channel: string;
  users: Record<Person, { id: string; email: string; slack: string; name: string }>;
  orgs: Record<'sales' | 'purchasing', { id: string; name: string }>;
  /** Slack ids of people Slack knows and eConnect cannot match */
  outsiders: Record<Outsider, string>;
  /** the caller of a request, as Slack names them */
  as(who: Person | Outsider): SlackCaller;
}

const people: [Exclude<Person, 'admin' | 'pending'>, string, string, 'BASIC' | 'ADVANCED'][] = [
  ['basic', 'bob', 'Bob Basic', 'BASIC'],
  ['orgAdmin', 'olga', 'Olga Orgadmin', 'BASIC'],
  ['blocked', 'bert', 'Bert Blocked', 'BASIC'],
  ['advanced', 'vera', 'Vera Advanced', 'ADVANCED'],
];

/** Activates an invited address with the token from its queued invitation email, as the person would. */
export async function activate(deps: RightsDeps, email: string, name: string): Promise<void> {
  const message = await deps.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } }, orderBy: { createdAt: 'desc' } });
  const link = (message.payload as { data: { link: string } }).data.link;
  await activateAccount(deps, { token: new URL(link).searchParams.get('token')!, name, password: PASSWORD });
}

/** Seeds the environment "Acme"; with `fake`, also the Slack accounts of everyone in it. */
export async function seedWorkspace(deps: RightsDeps, fake?: FakeSlack, options: { tag?: string } = {}): Promise<Workspace> {
  const tag = options.tag ?? randomBytes(3).toString('hex').toUpperCase();
  const domain = `acme-${tag.toLowerCase()}.test`;
  const slackId = (key: string) => `U${key.toUpperCase()}${tag}`;
  const env = await createEnvironment(deps, { email: `ada@${domain}`, name: 'Ada Admin', environmentName: 'Acme', claimDomain: false });
  const admin = { userId: env.user.id };
  const users = { admin: { id: env.user.id, email: `ada@${domain}`, slack: slackId('admin'), name: 'Ada Admin' } } as Workspace['users'];
  for (const [key, local, name, role] of people) {
    const email = `${local}@${domain}`;
    const invited = await inviteUser(deps, admin, { email, role });
    await activate(deps, email, name);
    users[key] = { id: invited.user.id, email, slack: slackId(key), name };
  }
  const pending = await inviteUser(deps, admin, { email: `paula@${domain}` });
  users.pending = { id: pending.user.id, email: `paula@${domain}`, slack: slackId('pending'), name: 'Paula Pending' };
  const sales = (await createOrganisation(deps, admin, { name: 'Acme Sales' })).organisation;
  const purchasing = (await createOrganisation(deps, admin, { name: 'Acme Purchasing' })).organisation;
  await addMember(deps, admin, { organisationId: sales.id, userId: users.orgAdmin.id, role: 'ADMINISTRATOR' });
  await addMember(deps, admin, { organisationId: sales.id, userId: users.basic.id, role: 'MEMBER' });
  await blockUser(deps, admin, { userId: users.blocked.id });
  const outsiders = { stranger: slackId('stranger'), unverified: slackId('unverified'), noEmail: slackId('noemail') };
  const ws: Workspace = {
    tag,
    teamId: `T${tag}`,
    domain,
    environmentId: env.environment.id,
    channel: `C${tag}`,
    users,
    orgs: { sales: { id: sales.id, name: sales.name }, purchasing: { id: purchasing.id, name: purchasing.name } },
    outsiders,
    as: (who) => ({ userId: who in outsiders ? outsiders[who as Outsider] : users[who as Person].slack, teamId: `T${tag}` }),
  };
  if (fake) addSlackAccounts(fake, ws);
  return ws;
}

/** The Slack accounts: each seeded person, a stranger, someone whose email is unconfirmed, someone without one. */
export function addSlackAccounts(fake: FakeSlack, ws: Workspace): void {
  for (const u of Object.values(ws.users)) fake.addUser({ id: u.slack, email: u.email, name: u.name });
  fake.addUser({ id: ws.outsiders.stranger, email: `sam@elsewhere-${ws.tag.toLowerCase()}.test`, name: 'Sam Stranger' });
  fake.addUser({ id: ws.outsiders.unverified, email: ws.users.admin.email, name: 'Not Ada', confirmed: false });
  fake.addUser({ id: ws.outsiders.noEmail, name: 'No Email' });
}
