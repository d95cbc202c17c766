// The "Invite many" form: a pasted list and/or a CSV file (email,role,organisations) the app
// downloads from Slack with its bot token. Every line is checked before anything is sent: problems
// stay on the form per line; a check slower than Slack's 3 s shows "checking" and then the outcome.
// A checked list is invited in the background with one progress message and a summary.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import { value } from '../../support/slack-requests.ts';
import type { SlackDriver } from '../../support/slack-driver.ts';
import type { Workspace } from '../../support/slack-workspace.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => {
  app.fake.downloadDelayMs = 0;
  app.fake.assertClean();
});

const roles = ['basic', 'advanced', '', 'Basic user'];

/** A CSV of `count` people with a header; `broken` maps a row number (1-based, after the header) to the line to put there. */
function csv(ws: Workspace, count: number, broken: Record<number, string> = {}): string {
  const lines = ['email,role,organisations'];
  for (let i = 1; i <= count; i++) {
    const orgs = i % 3 === 0 ? `${ws.orgs.sales.name};${ws.orgs.purchasing.name}` : i % 3 === 1 ? 'acme sales' : '';
    lines.push(broken[i] ?? `row${i}@${ws.domain},${roles[i % roles.length]},${orgs}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * What the form shows after a submission: the answer to it, or, when the check took longer than the
 * app waits before answering ("checking"), the view it was updated to once the check was done.
 */
async function outcome(view: any, res: { json: any }): Promise<{ errors?: Record<string, string>; view?: any }> {
  if (res.json.response_action === 'errors') return { errors: res.json.errors };
  expect(res.json.response_action).toBe('update');
  if (res.json.view.blocks[0].block_id !== 'checking') return { view: res.json.view };
  const [update] = await app.fake.waitFor('views.update', (a) => a.view_id === view.id, 1, 60_000);
  return { view: update!.args.view };
}

/** The problems a submission got back, as on the form (its field errors, or the list above the form). */
async function problemsShown(view: any, res: { json: any }): Promise<string> {
  const o = await outcome(view, res);
  if (o.errors) return o.errors.file ?? o.errors.addresses ?? '';
  return messageText({ blocks: o.view.blocks.filter((b: { block_id: string }) => b.block_id.startsWith('problems')) });
}

const fileValue = (id: string) => ({ type: 'file_input', files: [{ id, name: 'people.csv' }] });

async function submitForm(ws: Workspace & { driver: SlackDriver }, values: { pasted?: string; fileId?: string; role?: string; organisations?: string[] }) {
  const view = await ws.driver.opened(ws.as('admin'), 'invite-many');
  const res = await app.rq.submit(ws.as('admin'), view, {
    addresses: { value: value.text(values.pasted ?? '') },
    role: { value: value.select(values.role ?? 'BASIC') },
    organisations: { organisation_search: value.multiExternal(values.organisations ?? []) },
    file: { value: values.fileId ? fileValue(values.fileId) : { type: 'file_input', files: [] } },
  });
  app.fake.checkViewSubmissionResponse(res.json);
  return { view, res };
}

describe('invite-many', () => {
  it('opens a form with a pasted list (3,000 characters), a role, organisations and a CSV file', async () => {
    const ws = await app.workspace();
    const view = await ws.driver.opened(ws.as('admin'), 'invite-many');
    expect(view).toMatchObject({ type: 'modal', callback_id: 'invite_many', title: { text: 'Invite many' }, private_metadata: JSON.stringify({ channel: ws.channel }) });
    expect(view.blocks.map((b: { block_id: string }) => b.block_id)).toEqual(['intro', 'addresses', 'role', 'organisations', 'file']);
    expect(view.blocks[1].element).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    expect(view.blocks[4].element).toMatchObject({ type: 'file_input', max_files: 1 });
    expect(await ws.driver.ephemeral(ws.as('basic'), 'invite-many')).toMatch(/You may not invite users/);
  });

  it('a 1,000-line CSV with errors on some lines: each is named on the form and nothing is sent', async () => {
    const ws = await app.workspace();
    const fileId = app.fake.addFile({
      name: 'people.csv',
      content: csv(ws, 1000, { 7: 'not-an-address,basic,', 250: `row250@${ws.domain},boss,`, 600: `row600@${ws.domain},advanced,Nowhere BV`, 999: `row1@${ws.domain},,` }),
    });
    const { view, res } = await submitForm(ws, { fileId });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const text = await problemsShown(view, res);
    expect(text).toMatch(/Nothing was sent[.:] (4 lines need fixing|Fix these 4 problems)/);
    // line numbers of the file: the header is line 1
    expect(text).toContain('Line 8: "not-an-address" is not a valid email address.');
    expect(text).toContain('Line 251: "boss" is not a role.');
    expect(text).toContain('Line 601: no organisation called "Nowhere BV".');
    expect(text).toContain(`Line 1000: row1@${ws.domain} is also on line 2.`);
    expect(await app.deps.prisma.user.count({ where: { email: { endsWith: `@${ws.domain}`, startsWith: 'row' } } })).toBe(0);
    // downloaded once, with the bot token of the workspace the file is in
    expect(app.fake.downloads.filter((d) => d.id === fileId)).toEqual([expect.objectContaining({ teamId: app.fake.teamId })]);
  });

  it('a valid 1,000-line CSV and a pasted list: acknowledged at once, invited in the background with progress and a summary', async () => {
    const ws = await app.workspace();
    const fileId = app.fake.addFile({ name: 'people.csv', content: csv(ws, 995) });
    const pasted = `pasted1@${ws.domain}, pasted2@${ws.domain}\npasted3@${ws.domain} ${ws.users.basic.email} ${ws.users.pending.email}`;
    const { view, res } = await submitForm(ws, { pasted, fileId, role: 'ADVANCED', organisations: [ws.orgs.purchasing.id] });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    expect((await outcome(view, res)).view).toMatchObject({ blocks: [{ text: { text: expect.stringMatching(/I am inviting 1,000 people now/) } }] });

    const admin = ws.users.admin.slack;
    const [done] = await app.fake.waitFor('chat.update', (a) => a.channel === admin && /Invitations done: 1,000 of 1,000/.test(messageText(a)), 1, 150_000);
    const summary = messageText(done!.args);
    expect(summary).toContain('*Invited:* 998');
    expect(summary).toContain('*Invited again* (a new link, earlier links stop working): 1');
    expect(summary).toContain('*Already a user* (nothing sent): 1');
    expect(summary).toContain('*Refused:* 0');

    const posted = app.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === admin);
    expect(posted).toHaveLength(1);
    const updates = app.fake.callsTo('chat.update').filter((c) => c.args.ts === posted[0]!.result.ts);
    // progress while it ran (a list that took more than 6 s was shown at least once on its way), then the summary; never two within 3 s
    if (done!.at - posted[0]!.at > 6000) expect(updates.some((u) => /of 1,000 done/.test(messageText(u.args)))).toBe(true);
    expect(messageText(updates[updates.length - 1]!.args)).toMatch(/Invitations done/);
    const times = [posted[0]!.at, ...updates.map((u) => u.at)];
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(3000);

    const invited = await app.deps.prisma.user.findMany({ where: { email: { startsWith: 'row', endsWith: `@${ws.domain}` } }, include: { invitations: true } });
    expect(invited).toHaveLength(995);
    const byEmail = new Map(invited.map((u) => [u.email, u]));
    // row 3: both organisations; row 4: "acme sales" (any case); an empty role (rows 2, 6) takes the form's; rows 3, 4, 5: the file's
    expect(byEmail.get(`row3@${ws.domain}`)!.invitations[0]!.organisations).toEqual([
      { organisationId: ws.orgs.sales.id, role: 'MEMBER' },
      { organisationId: ws.orgs.purchasing.id, role: 'MEMBER' },
    ]);
    expect(byEmail.get(`row4@${ws.domain}`)!.invitations[0]!.organisations).toEqual([{ organisationId: ws.orgs.sales.id, role: 'MEMBER' }]);
    expect(byEmail.get(`row2@${ws.domain}`)).toMatchObject({ role: 'ADVANCED' });
    expect(byEmail.get(`row3@${ws.domain}`)).toMatchObject({ role: 'BASIC' });
    expect(byEmail.get(`row4@${ws.domain}`)).toMatchObject({ role: 'BASIC' });
    expect(byEmail.get(`row5@${ws.domain}`)).toMatchObject({ role: 'ADVANCED' });
    expect(byEmail.get(`row6@${ws.domain}`)).toMatchObject({ role: 'ADVANCED' });
    for (const u of invited) expect(u.invitations).toHaveLength(1);
    const pastedUser = await app.deps.prisma.user.findUniqueOrThrow({ where: { email: `pasted2@${ws.domain}` }, include: { invitations: true } });
    expect(pastedUser).toMatchObject({ role: 'ADVANCED', status: 'INVITED' });
    expect(pastedUser.invitations[0]!.organisations).toEqual([{ organisationId: ws.orgs.purchasing.id, role: 'MEMBER' }]);
    expect(await app.deps.prisma.outboxMessage.count({ where: { kind: 'EMAIL', payload: { path: ['to'], string_starts_with: 'row' }, dedupeKey: { contains: `@${ws.domain}` } } })).toBe(995);
  }, 240_000);

  it('a check slower than 3 s shows "checking" within Slack\'s time, then the problems on the form', async () => {
    const ws = await app.workspace();
    const fileId = app.fake.addFile({ name: 'people.csv', content: csv(ws, 20, { 4: `row4@${ws.domain},boss,` }) });
    app.fake.downloadDelayMs = 2600;
    const { view, res } = await submitForm(ws, { pasted: `slow1@${ws.domain}`, fileId });
    expect(res.ms).toBeLessThan(3000);
    expect(res.json).toMatchObject({ response_action: 'update', view: { blocks: [{ block_id: 'checking' }] } });
    const [update] = await app.fake.waitFor('views.update', (a) => a.view_id === view.id);
    const blocks = update!.args.view.blocks;
    expect(blocks[0].text.text).toMatch(/Nothing was sent\. Fix this problem and submit again:\nLine 5: "boss" is not a role/);
    // the pasted list is kept; the file must be chosen again
    expect(blocks.find((b: { block_id: string }) => b.block_id === 'addresses').element.initial_value).toBe(`slow1@${ws.domain}`);
    expect(await app.deps.prisma.user.count({ where: { email: { in: [`slow1@${ws.domain}`, `row1@${ws.domain}`] } } })).toBe(0);
  });

  it('a pasted list with a bad address: the problem is shown on the list, nothing is sent', async () => {
    const ws = await app.workspace();
    const { view, res } = await submitForm(ws, { pasted: `ok1@${ws.domain}, <mailto:ok2@${ws.domain}|ok2@${ws.domain}>\nbroken@` });
    expect(res.ms).toBeLessThan(3000);
    const o = await outcome(view, res);
    // answered at once (response_action errors on the list), or after "checking" on a busy machine
    const text = o.errors ? o.errors.addresses! : messageText({ blocks: o.view.blocks.filter((b: { block_id: string }) => b.block_id.startsWith('problems')) });
    expect(text).toContain('Address 3: "broken@" is not a valid email address.');
    if (o.errors) expect(Object.keys(o.errors)).toEqual(['addresses']);
    expect(await app.deps.prisma.user.count({ where: { email: { in: [`ok1@${ws.domain}`, `ok2@${ws.domain}`] } } })).toBe(0);
  });

  it('a file Slack does not give with the bot token, or that is not a CSV, is refused on the form', async () => {
    const ws = await app.workspace();
    const elsewhere = app.fake.addFile({ name: 'people.csv', content: csv(ws, 3), teamId: 'TOTHER' });
    const first = await submitForm(ws, { fileId: elsewhere });
    expect(await problemsShown(first.view, first.res)).toMatch(/I could not download the file from Slack/);
    const image = app.fake.addFile({ name: 'people.png', filetype: 'png', content: 'not a csv' });
    const second = await submitForm(ws, { fileId: image });
    expect(await problemsShown(second.view, second.res)).toMatch(/Choose a CSV file/);
  });
});
