// The rights service is the only judge of what a caller may learn. Each read path (whois by address
// and by name, org by partial name, user-search suggestions, invite of a foreign address) as a Basic
// user, an organisation administrator (Basic role), an Advanced user and an Administrator, with the
// answers compared: those who may not browse the directory learn nothing about other people.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changeName } from '../../../src/rights/index.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';
import type { SlackCaller } from '../../support/slack-requests.ts';
import type { Person } from '../../support/slack-workspace.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

type Ws = Awaited<ReturnType<SlackInProcess['workspace']>>;

async function answer(ws: Ws, who: Person, text: string): Promise<string> {
  return ws.driver.ephemeral(ws.as(who), text);
}

async function suggestions(caller: SlackCaller, typed: string): Promise<string[]> {
  const res = await app.rq.suggest(caller, 'user_search', 'user', typed);
  expect(res.status).toBe(200);
  return res.json.options.map((o: { value: string }) => o.value);
}

/** The answer with the address asked about replaced, to compare answers about different addresses. */
const about = (text: string, address: string) => text.split(address).join('ADDRESS');

describe('whois by address', () => {
  it('a Basic user gets one answer for an unknown address, one of another environment and a colleague\'s, naming nobody', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    const unknown = `nobody@${ws.domain}`;
    const answers = [
      await answer(ws, 'basic', `whois ${unknown}`),
      await answer(ws, 'basic', `whois ${other.users.advanced.email}`),
      await answer(ws, 'basic', `whois ${ws.users.advanced.email}`),
      await answer(ws, 'basic', `whois <@${ws.users.advanced.slack}>`),
    ];
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/You may only look up your own account/);
    for (const a of answers) expect(a).not.toMatch(/@acme-/);
    // their own account they see
    expect(await answer(ws, 'basic', `whois ${ws.users.basic.email}`)).toMatch(/Bob Basic/);
  });

  it('an organisation administrator, an Advanced user and an Administrator get the same answer for an unknown address and one of another environment', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    const unknown = `nobody@${ws.domain}`;
    for (const who of ['orgAdmin', 'advanced', 'admin'] as const) {
      const a = about(await answer(ws, who, `whois ${unknown}`), unknown);
      const b = about(await answer(ws, who, `whois ${other.users.advanced.email}`), other.users.advanced.email);
      expect(a).toBe(b);
      expect(a).toMatch(/Nobody with the address ADDRESS is in your environment/);
    }
    // browsing roles see a colleague; the organisation administrator may not look them up
    expect(await answer(ws, 'advanced', `whois ${ws.users.orgAdmin.email}`)).toMatch(/Olga Orgadmin/);
    expect(await answer(ws, 'admin', `whois ${ws.users.orgAdmin.email}`)).toMatch(/Olga Orgadmin/);
    expect(await answer(ws, 'orgAdmin', `whois ${ws.users.advanced.email}`)).toMatch(/You may not look up other users/);
  });
});

describe('whois by a shared name', () => {
  it('lists the addresses only to those who may browse the directory', async () => {
    const ws = await app.workspace();
    for (const who of ['basic', 'advanced'] as const) await changeName(app.deps, { userId: ws.users[who].id }, { name: 'Sam Same' });
    const basic = await answer(ws, 'basic', 'whois "Sam Same"');
    const orgAdmin = await answer(ws, 'orgAdmin', 'whois "Sam Same"');
    const nobodyBasic = await answer(ws, 'basic', 'whois "No Such Person"');
    const nobodyOrgAdmin = await answer(ws, 'orgAdmin', 'whois "No Such Person"');
    expect(basic).toBe(nobodyBasic);
    expect(orgAdmin).toBe(nobodyOrgAdmin);
    expect(orgAdmin).toMatch(/Give their full email address/);
    for (const a of [basic, orgAdmin]) expect(a).not.toContain('@');
    for (const who of ['advanced', 'admin'] as const) {
      const a = await answer(ws, who, 'whois "Sam Same"');
      expect(a).toMatch(/More than one user is called "Sam Same"/);
      expect(a).toContain(ws.users.basic.email);
      expect(a).toContain(ws.users.advanced.email);
    }
  });
});

describe('org by a partial name', () => {
  it('those who may not browse find only their own organisations; one they may not see reads like one that does not exist', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    // Bob is a member of Acme Sales only; Olga administers it
    for (const who of ['basic', 'orgAdmin'] as const) {
      expect(await answer(ws, who, 'org Acme')).toMatch(/Acme Sales/);
      expect(await answer(ws, who, 'org Acme')).not.toMatch(/Purchasing|several/);
      const hidden = about(await answer(ws, who, 'org Acme Purchasing'), 'Acme Purchasing');
      const missing = about(await answer(ws, who, 'org Acme Nowhere'), 'Acme Nowhere');
      expect(hidden).toBe(missing);
      expect(hidden).toMatch(/No organisation called "ADDRESS" that you can see/);
    }
    for (const who of ['advanced', 'admin'] as const) {
      expect(await answer(ws, who, 'org Acme')).toMatch(/"Acme" matches several organisations: Acme Purchasing, Acme Sales/);
      expect(await answer(ws, who, 'org Acme Purchasing')).toMatch(/\*Acme Purchasing\* \(1 member\)/);
    }
    // another environment's organisations are never found, whoever asks
    await app.deps.prisma.organisation.update({ where: { id: other.orgs.sales.id }, data: { name: `Elsewhere ${other.tag}`, nameKey: `elsewhere ${other.tag.toLowerCase()}` } });
    for (const who of ['basic', 'orgAdmin', 'advanced', 'admin'] as const) {
      expect(about(await answer(ws, who, `org Elsewhere ${other.tag}`), `Elsewhere ${other.tag}`)).toMatch(/No organisation called "ADDRESS" that you can see/);
    }
    // the Edit details button is offered as the rights service decides
    expect(await answer(ws, 'admin', 'org Acme Sales')).toMatch(/Edit details/);
    expect(await answer(ws, 'orgAdmin', 'org Acme Sales')).not.toMatch(/Edit details/);
  });
});

describe('user-search suggestions', () => {
  it('Basic: only themselves; organisation administrator: a full address; Advanced and Administrator: the directory', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    expect(await suggestions(ws.as('basic'), 'a')).toEqual([]);
    expect(await suggestions(ws.as('basic'), ws.users.advanced.email)).toEqual([]);
    expect(await suggestions(ws.as('basic'), ws.users.basic.email)).toEqual([ws.users.basic.id]);
    expect(await suggestions(ws.as('orgAdmin'), 'vera')).toEqual([]);
    expect(await suggestions(ws.as('orgAdmin'), ws.users.advanced.email)).toEqual([ws.users.advanced.id]);
    expect(await suggestions(ws.as('orgAdmin'), other.users.advanced.email)).toEqual([]);
    expect(await suggestions(ws.as('orgAdmin'), `nobody@${ws.domain}`)).toEqual([]);
    for (const who of ['advanced', 'admin'] as const) {
      expect(await suggestions(ws.as(who), 'vera')).toEqual([ws.users.advanced.id]);
      expect(await suggestions(ws.as(who), other.users.advanced.email)).toEqual([]);
    }
  });
});

describe('invite', () => {
  it('an address of another environment gets one neutral answer that names no environment', async () => {
    const ws = await app.workspace();
    const other = await app.workspace();
    const a = await answer(ws, 'admin', `invite ${other.users.basic.email}`);
    expect(a).toMatch(/cannot be invited to this environment\. Check the address, or ask the person for another one/);
    expect(a).not.toMatch(/another environment|account/);
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { email: other.users.basic.email } })).toMatchObject({ environmentId: other.environmentId });
  });
});
