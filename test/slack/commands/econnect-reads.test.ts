// Look-ups answered only to the caller (users, orgs, whois, pending, audit) and notify-here.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

describe('look-ups', () => {
  it('users and orgs list the environment, searched by what follows', async () => {
    const ws = await app.workspace();
    const all = await ws.driver.ephemeral(ws.as('admin'), 'users');
    for (const u of Object.values(ws.users)) expect(all).toContain(u.email);
    expect(all).toMatch(new RegExp(`Bert Blocked \\(${ws.users.blocked.email}\\): Basic user, \\*blocked\\*`));
    const olga = await ws.driver.ephemeral(ws.as('admin'), 'users olga');
    expect(olga).toContain(ws.users.orgAdmin.email);
    expect(olga).not.toContain(ws.users.basic.email);
    expect(await ws.driver.ephemeral(ws.as('admin'), 'users nobody-like-this')).toMatch(/Nobody matches/);
    expect(await ws.driver.ephemeral(ws.as('advanced'), 'orgs')).toMatch(/\*Acme Purchasing\*: 1 member\n• \*Acme Sales\*: 3 members/);
    expect(await ws.driver.ephemeral(ws.as('admin'), 'orgs sales')).not.toContain('Purchasing');
  });

  it('whois shows a person\'s role, status and organisations; pending the open invitations', async () => {
    const ws = await app.workspace();
    const whois = await ws.driver.ephemeral(ws.as('admin'), `whois <@${ws.users.orgAdmin.slack}>`);
    expect(whois).toMatch(/\*Olga Orgadmin\* \(olga@/);
    expect(whois).toMatch(/Environment: Acme\nRole: Basic user\nStatus: active \(activated \d{4}-\d\d-\d\d\)/);
    expect(whois).toContain('• Acme Sales: organisation administrator');
    expect(await ws.driver.ephemeral(ws.as('admin'), `whois ${ws.users.advanced.email}`)).toContain('Not a member of any organisation: no document rights.');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'whois')).toContain('Usage: `/econnect whois &lt;user&gt;`');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'pending')).toMatch(new RegExp(`${ws.users.pending.email}: Basic user, link works until \\d{4}-\\d\\d-\\d\\d`));
  });

  it('audit shows who did what, newest first, for the environment, a person or an organisation', async () => {
    const ws = await app.workspace();
    await ws.driver.confirmed(ws.as('admin'), `set-role ${ws.users.advanced.email} basic`, /made \*Vera Advanced\* Basic user/);
    const all = await ws.driver.ephemeral(ws.as('admin'), 'audit');
    expect(all).toMatch(new RegExp(`<@${ws.users.admin.slack}>: \`user.role_changed\` ${ws.users.advanced.email}`));
    expect(all.indexOf('user.role_changed')).toBeLessThan(all.indexOf('user.blocked'));
    const vera = await ws.driver.ephemeral(ws.as('admin'), `audit ${ws.users.advanced.email}`);
    expect(vera).toContain('user.role_changed');
    expect(vera).not.toContain('user.blocked');
    const sales = await ws.driver.ephemeral(ws.as('admin'), 'audit Acme Sales');
    expect(sales).toContain('`organisation.created` Acme Sales');
    expect(sales).not.toContain('user.role_changed');
  });

  it('are answered to the caller only, and refused to those who may not look', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('basic'), 'users')).toMatch(/You may not look up other users and organisations/);
    expect(await ws.driver.ephemeral(ws.as('basic'), `whois ${ws.users.admin.email}`)).toMatch(/You may only look up your own account/);
    expect(await ws.driver.ephemeral(ws.as('advanced'), 'audit')).toMatch(/You may not read the audit trail/);
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('notify-here', () => {
  it('makes this channel the notification channel, for administrators only', async () => {
    const ws = await app.workspace();
    expect(await ws.driver.ephemeral(ws.as('advanced'), 'notify-here')).toMatch(/You may not change the environment settings/);
    expect(await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: ws.environmentId } })).toMatchObject({ notificationChannelId: null });
    await ws.driver.confirmed(ws.as('admin'), 'notify-here', /chose this channel for eConnect notifications: activations of invited users and people joining/);
    expect(await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: ws.environmentId } })).toMatchObject({ notificationChannelId: ws.channel });
  });
});
