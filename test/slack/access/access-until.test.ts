// Access that ends by itself, in Slack (issue 14, item 4): `--until` after add-to-org and set-role,
// the date picker of their forms, the reminder three days before with its "Extend 30 days" button,
// and the notice at the end, delivered through the fake Slack, on the app's service clock.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endExpiredAccess, type RightsDeps } from '../../../src/rights/index.ts';
import { amsterdamDay, endOfAmsterdamDay } from '../../../src/rights/access/until.ts';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { value } from '../../support/slack-requests.ts';

let clock = new Date();
let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess({ now: () => clock });
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => {
  app.fake.assertClean();
  clock = new Date();
});

const DAY = 24 * 3600_000;
const dayIn = (days: number) => amsterdamDay(new Date(clock.getTime() + days * DAY));
/** how the messages write the last day: long, in Amsterdam */
const longDay = (day: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(new Date(endOfAmsterdamDay(day).getTime() - 1));
const deps = (): RightsDeps => ({ ...app.deps, now: () => clock });
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Delivers this environment's queued Slack notifications with the app's own notifier, as the outbox worker does. */
async function deliver(environmentId: string) {
  const rows = await app.deps.prisma.outboxMessage.findMany({ where: { environmentId, kind: 'SLACK', status: 'PENDING' }, orderBy: { createdAt: 'asc' } });
  for (const row of rows) {
    await app.slack.deliverNotification(row.payload as never, row.id, environmentId);
    await app.deps.prisma.outboxMessage.update({ where: { id: row.id }, data: { status: 'SENT', sentAt: new Date() } });
  }
  return rows.length;
}

describe('--until in commands', () => {
  it('add-to-org and set-role with --until give access through that day and say so; bad dates change nothing', async () => {
    const ws = await app.workspace();
    const vera = ws.users.advanced;
    const day = dayIn(20);
    await ws.driver.confirmed(ws.as('admin'), `add-to-org ${vera.email} ${ws.orgs.purchasing.name} --until ${day}`,
      new RegExp(`added \\*Vera Advanced\\* to \\*Acme Purchasing\\* as .*The membership lasts through ${esc(longDay(day))} \\(Amsterdam time\\), then ends by itself\\.`));
    expect(await app.deps.prisma.membership.findFirstOrThrow({ where: { userId: vera.id, organisationId: ws.orgs.purchasing.id } })).toMatchObject({ until: endOfAmsterdamDay(day), role: 'MEMBER' });

    await ws.driver.confirmed(ws.as('admin'), `set-role ${ws.users.basic.email} advanced --until ${day}`,
      new RegExp(`The role lasts through ${esc(longDay(day))} \\(Amsterdam time\\), then falls back to Basic user\\.`));
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.basic.id } })).toMatchObject({ role: 'ADVANCED', roleBefore: 'BASIC', roleUntil: endOfAmsterdamDay(day) });

    expect(await ws.driver.ephemeral(ws.as('admin'), `add-to-org ${vera.email} ${ws.orgs.sales.name} --until 2027-02-30`)).toMatch(/"2027-02-30" is not a date\. Give the last day of access as YYYY-MM-DD/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-role ${vera.email} administrator --until ${dayIn(-2)}`)).toMatch(/has already passed/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-role ${vera.email} administrator --until ${dayIn(6 * 366)}`)).toMatch(/more than 5 years ahead/);
    expect(await ws.driver.ephemeral(ws.as('admin'), `set-role ${vera.email} administrator --until`)).toMatch(/Say the last day after --until/);
    // rule 8: the only administrator's role cannot get an end
    expect(await ws.driver.ephemeral(ws.as('admin'), `make-admin ${ws.users.admin.email} --until ${day}`)).toMatch(/only active administrator/);
    expect(await app.deps.prisma.membership.count({ where: { userId: vera.id, organisationId: ws.orgs.sales.id } })).toBe(0);
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: vera.id } })).toMatchObject({ role: 'ADVANCED', roleUntil: null });
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.admin.id } })).toMatchObject({ role: 'ADMINISTRATOR', roleUntil: null });
  });

  it('the add-to-organisation form has an optional date picker; a past day is shown on it', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'add-to-org');
    const picker = view.blocks.find((b: { block_id?: string }) => b.block_id === 'until');
    expect(picker).toMatchObject({ type: 'input', optional: true, element: { type: 'datepicker', action_id: 'value' } });
    const values = (day: string) => ({
      user: { user_search: value.external(ws.users.advanced.id) },
      organisation: { organisation_search: value.external(ws.orgs.sales.id) },
      role: { value: value.select('MEMBER') },
      until: { value: { type: 'datepicker', selected_date: day } },
    });
    const bad = await app.rq.submit(ws.as('admin'), view, values(dayIn(-1)), { hash: 'h1' });
    expect(bad.json).toEqual({ response_action: 'errors', errors: { until: expect.stringMatching(/has already passed/) } });
    const day = dayIn(9);
    const good = await app.rq.submit(ws.as('admin'), view, values(day), { hash: 'h2' });
    expect(good.text).toBe('');
    await ws.driver.posted(new RegExp(`added \\*Vera Advanced\\* to \\*Acme Sales\\*.*lasts through ${esc(longDay(day))}`));
    expect(await app.deps.prisma.membership.findFirstOrThrow({ where: { userId: ws.users.advanced.id, organisationId: ws.orgs.sales.id } })).toMatchObject({ until: endOfAmsterdamDay(day) });
  });

  it('the role form has the date picker too', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'set-role');
    const day = dayIn(4);
    const res = await app.rq.submit(ws.as('admin'), view, {
      user: { user_search: value.external(ws.users.basic.id) },
      role: { value: value.select('ADMINISTRATOR') },
      until: { value: { type: 'datepicker', selected_date: day } },
    });
    expect(res.text).toBe('');
    await ws.driver.posted(new RegExp(`Administrator \\(was Basic user\\)\\. The role lasts through ${esc(longDay(day))}`));
  });
});

describe('reminder, Extend 30 days and the end', () => {
  it('reminds three days before with a button that extends once; at the end the administrators are told', async () => {
    const ws = await app.workspace();
    await app.deps.prisma.environment.update({ where: { id: ws.environmentId }, data: { notificationChannelId: ws.channel } });
    const vera = ws.users.advanced;
    const day = dayIn(10);
    await ws.driver.confirmed(ws.as('admin'), `add-to-org ${vera.email} ${ws.orgs.purchasing.name} --until ${day}`, /lasts through/);
    const until = endOfAmsterdamDay(day);

    clock = new Date(until.getTime() - 3 * DAY + 60_000);
    await endExpiredAccess(deps());
    // a membership: the organisation's administrators by direct message (Ada created it and her Slack account is known)
    expect(await deliver(ws.environmentId)).toBeGreaterThan(0);
    const [reminder] = await app.fake.waitFor('chat.postMessage', (a) => /The membership of \*Vera Advanced\*/.test(messageText(a)) && /ends after/.test(messageText(a)));
    expect(messageText(reminder!.args)).toMatch(new RegExp(`in \\*Acme Purchasing\\* \\(member\\) ends after .*${esc(longDay(day).replace(/^\w+ /, ''))}`));
    const blocks = reminder!.args.blocks as { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] }[];
    const button = blocks.find((b) => b.type === 'actions')!.elements![0]!;
    expect(button).toMatchObject({ action_id: 'access_extend', text: { text: 'Extend 30 days' } });
    expect(reminder!.args.channel).toBe(ws.users.admin.slack);
    const where = { channelId: reminder!.args.channel as string };

    // someone who may not extend: told, nothing changes
    const refused = await app.rq.action(ws.as('basic'), { action_id: 'access_extend', block_id: 'access_extend', value: button.value }, where);
    expect(messageText(await app.fake.waitForResponse(refused.responseUrl!))).toMatch(/You may not add members to this organisation/);
    expect((await app.deps.prisma.membership.findFirstOrThrow({ where: { userId: vera.id, organisationId: ws.orgs.purchasing.id } })).until).toEqual(until);

    const newDay = amsterdamDay(new Date(until.getTime() - 1 + 30 * DAY));
    await app.rq.action(ws.as('admin'), { action_id: 'access_extend', block_id: 'access_extend', value: button.value }, where);
    await app.fake.waitFor('chat.postMessage', (a) => a.channel === where.channelId && new RegExp(`<@${ws.users.admin.slack}> extended the access of \\*Vera Advanced\\* .* in \\*Acme Purchasing\\*: it now lasts through ${esc(longDay(newDay))}`).test(messageText(a)));
    expect((await app.deps.prisma.membership.findFirstOrThrow({ where: { userId: vera.id, organisationId: ws.orgs.purchasing.id } })).until).toEqual(endOfAmsterdamDay(newDay));
    // a second click: nothing changes, the clicker is told
    const again = await app.rq.action(ws.as('admin'), { action_id: 'access_extend', block_id: 'access_extend', value: button.value }, where);
    expect(messageText(await app.fake.waitForResponse(again.responseUrl!))).toMatch(/Already extended/);
    expect(await app.deps.prisma.auditEvent.count({ where: { action: 'member.access_extended', targetId: `${ws.orgs.purchasing.id}:${vera.id}` } })).toBe(1);

    // the new end: ended by the sweep, audited as the system, the administrators told
    clock = endOfAmsterdamDay(newDay);
    expect((await endExpiredAccess(deps())).membershipsEnded).toBeGreaterThanOrEqual(1);
    await deliver(ws.environmentId);
    await app.fake.waitFor('chat.postMessage', (a) => /The membership of \*Vera Advanced\* .* in \*Acme Purchasing\* \(member\) ended at the end of/.test(messageText(a)));
    expect(await app.deps.prisma.membership.count({ where: { userId: vera.id, organisationId: ws.orgs.purchasing.id } })).toBe(0);
    expect(await app.deps.prisma.auditEvent.findFirstOrThrow({ where: { action: 'member.access_ended', targetId: `${ws.orgs.purchasing.id}:${vera.id}` } })).toMatchObject({ actorUserId: null });
    // the old reminder's button now: refused, the access has ended
    const late = await app.rq.action(ws.as('admin'), { action_id: 'access_extend', block_id: 'access_extend', value: button.value }, where);
    expect(messageText(await app.fake.waitForResponse(late.responseUrl!))).toMatch(/already ended/);
  });
});
