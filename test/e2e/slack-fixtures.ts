// The world the Slack end-to-end tests run in: an environment seeded through the rights service in
// a test database (test/support/database.ts), and the Slack accounts of its people at the fake Slack.
import type { Database } from '../../src/db/database.ts';
import {
  activateAccount, addMember, blockUser, createEnvironment, createOrganisation, defaultOptions, inviteUser, type RightsDeps,
} from '../../src/rights/index.ts';
import type { FakeSlack } from '../support/fake-slack.ts';

export const PASSWORD = 'purple otter climbs seven ladders';

export interface Seeded {
  environmentId: string;
  users: Record<'admin' | 'basic' | 'orgAdmin' | 'blocked' | 'advanced' | 'pending', { id: string; email: string; slack: string }>;
  orgs: Record<'sales' | 'purchasing', { id: string; name: string }>;
}

async function activate(deps: RightsDeps, email: string, name: string) {
  const message = await deps.prisma.outboxMessage.findFirstOrThrow({ where: { kind: 'EMAIL', payload: { path: ['to'], equals: email } }, orderBy: { createdAt: 'desc' } });
  const link = (message.payload as { data: { link: string } }).data.link;
  await activateAccount(deps, { token: new URL(link).searchParams.get('token')!, name, password: PASSWORD });
}

/** An environment "Acme" with an administrator, an organisation administrator of Acme Sales, a basic member, an advanced user, a blocked user and a pending invitation. */
export async function seed(db: Database): Promise<Seeded> {
  const deps: RightsDeps = { prisma: db.prisma, options: defaultOptions };
  const env = await createEnvironment(deps, { email: 'ada@acme.test', name: 'Ada Admin', environmentName: 'Acme', claimDomain: false });
  const admin = { userId: env.user.id };
  const people = [
    ['basic', 'bob@acme.test', 'Bob Basic', 'BASIC'],
    ['orgAdmin', 'olga@acme.test', 'Olga Orgadmin', 'BASIC'],
    ['blocked', 'bert@acme.test', 'Bert Blocked', 'BASIC'],
    ['advanced', 'vera@acme.test', 'Vera Advanced', 'ADVANCED'],
  ] as const;
  const users = { admin: { id: env.user.id, email: 'ada@acme.test', slack: 'UADMIN' } } as Seeded['users'];
  for (const [key, email, name, role] of people) {
    const r = await inviteUser(deps, admin, { email, role });
    await activate(deps, email, name);
    users[key] = { id: r.user.id, email, slack: `U${key.toUpperCase()}` };
  }
  const pending = await inviteUser(deps, admin, { email: 'paula@acme.test' });
  users.pending = { id: pending.user.id, email: 'paula@acme.test', slack: 'UPENDING' };
  const sales = (await createOrganisation(deps, admin, { name: 'Acme Sales' })).organisation;
  const purchasing = (await createOrganisation(deps, admin, { name: 'Acme Purchasing' })).organisation;
  await addMember(deps, admin, { organisationId: sales.id, userId: users.orgAdmin.id, role: 'ADMINISTRATOR' });
  await addMember(deps, admin, { organisationId: sales.id, userId: users.basic.id, role: 'MEMBER' });
  await blockUser(deps, admin, { userId: users.blocked.id });
  return { environmentId: env.environment.id, users, orgs: { sales, purchasing } };
}

/** The Slack accounts: each seeded person, plus a stranger and someone whose email is unconfirmed. */
export function addSlackAccounts(fake: FakeSlack, seeded: Seeded) {
  const names: Record<string, string> = { admin: 'Ada Admin', basic: 'Bob Basic', orgAdmin: 'Olga Orgadmin', blocked: 'Bert Blocked', advanced: 'Vera Advanced', pending: 'Paula Pending' };
  for (const [key, u] of Object.entries(seeded.users)) fake.addUser({ id: u.slack, email: u.email, name: names[key] });
  fake.addUser({ id: 'USTRANGER', email: 'sam@elsewhere.test', name: 'Sam Stranger' });
  fake.addUser({ id: 'UUNVERIFIED', email: 'ada@acme.test', name: 'Not Ada', confirmed: false });
  fake.addUser({ id: 'UNOEMAIL', name: 'No Email' });
}
