// User text never becomes a mention, a link or a ping: every user-chosen value (API token names,
// organisation names, person names, echoed input) reaches Slack escaped in mrkdwn and in the fallback
// text, and a value whose `*`, `_` or `~` would change its look is shown in a plain_text element.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { changeName } from '../../../src/rights/index.ts';
import { messageText } from '../../support/fake-slack.ts';
import { startSlackInProcess, type SlackInProcess } from '../../support/slack-in-process.ts';

let app: SlackInProcess;
beforeAll(async () => {
  app = await startSlackInProcess();
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => app.fake.assertClean());

/** What a person types, as Slack sends it in a command (it escapes a typed `<`, `>` and `&`; @channel becomes <!channel>). */
const corpus: { typed: string; meant: string }[] = [
  { typed: '<!channel>', meant: '<!channel>' },
  { typed: '<!here>', meant: '<!here>' },
  { typed: '&lt;https://x|y&gt;', meant: '<https://x|y>' },
  { typed: '<@U1>', meant: '<@U1>' },
  { typed: 'a*b*c', meant: 'a*b*c' },
  { typed: '_it_', meant: '_it_' },
  { typed: '~gone~', meant: '~gone~' },
  { typed: 'R&amp;D', meant: 'R&D' },
];

/** Every string Slack would read as mrkdwn: the fallback text and each mrkdwn text object. */
function mrkdwnStrings(args: any): string[] {
  const out: string[] = [String(args.text ?? '')];
  const walk = (x: any) => {
    if (!x || typeof x !== 'object') return;
    if (x.type === 'mrkdwn' && typeof x.text === 'string') out.push(x.text);
    for (const v of Object.values(x)) if (typeof v === 'object') walk(v);
  };
  walk(args.blocks);
  return out;
}

function plainStrings(args: any): string[] {
  const out: string[] = [];
  const walk = (x: any) => {
    if (!x || typeof x !== 'object') return;
    if (x.type === 'plain_text' && typeof x.text === 'string') out.push(x.text);
    for (const v of Object.values(x)) if (typeof v === 'object') walk(v);
  };
  walk(args.blocks);
  return out;
}

/** No ping, mention or link from `value`; it is shown escaped, or in a plain_text element as typed. */
function expectSafe(args: any, value: string, allowedMentions: string[]) {
  for (const s of mrkdwnStrings(args)) {
    const rest = allowedMentions.reduce((t, m) => t.split(`<@${m}>`).join(''), s);
    expect(rest, s).not.toMatch(/<|>/);
    expect(rest, s).not.toMatch(/&(?!amp;|lt;|gt;)/);
  }
  const escaped = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (/([*_~]).*\1/.test(value)) {
    expect(plainStrings(args).some((s) => s.includes(value))).toBe(true);
  } else {
    expect(mrkdwnStrings(args).some((s) => s.includes(escaped))).toBe(true);
  }
}

describe('user text in every message is escaped', () => {
  it('API token names: the answer to the maker, the confirmation in the channel, the list, the revoke', async () => {
    const ws = await app.workspace();
    const admin = ws.users.admin.slack;
    for (const [i, c] of corpus.entries()) {
      const made = await ws.driver.rq.slash(ws.as('admin'), `api-token create t${i} ${c.typed}`, ws.channel);
      const answer = await app.fake.waitForResponse(made.responseUrl);
      expectSafe(answer, `t${i} ${c.meant}`, [admin]);
      const posted = await ws.driver.posted(new RegExp(`created the rights API token .*t${i} `));
      expectSafe(posted.args, `t${i} ${c.meant}`, [admin]);
    }
    const listed = await ws.driver.rq.slash(ws.as('admin'), 'api-token list', ws.channel);
    const list = await app.fake.waitForResponse(listed.responseUrl);
    for (const [i, c] of corpus.entries()) expectSafe(list, `t${i} ${c.meant}`, []);
    const revoked = await ws.driver.rq.slash(ws.as('admin'), `api-token revoke t0 ${corpus[0]!.typed}`, ws.channel);
    expect(revoked.status).toBe(200);
    expectSafe((await ws.driver.posted(/revoked the rights API token/)).args, `t0 ${corpus[0]!.meant}`, [admin]);
  });

  it('organisation names: the confirmation, the details, the list', async () => {
    const ws = await app.workspace();
    for (const [i, c] of corpus.entries()) {
      const name = `Org${i} ${c.meant}`;
      await ws.driver.rq.slash(ws.as('admin'), `create-org "Org${i} ${c.typed}"`, ws.channel);
      const confirmation = (await ws.driver.posted(new RegExp(`created the organisation .*Org${i} `))).args;
      expectSafe(confirmation, name, [ws.users.admin.slack]);
      expect(confirmation.text).toContain(`Org${i} ${c.meant.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
      const shown = await ws.driver.rq.slash(ws.as('admin'), `org "Org${i} ${c.typed}"`, ws.channel);
      expectSafe(await app.fake.waitForResponse(shown.responseUrl), name, []);
    }
    const listed = await ws.driver.rq.slash(ws.as('admin'), 'orgs Org', ws.channel);
    const list = await app.fake.waitForResponse(listed.responseUrl);
    expect(messageText(list)).toContain('Org0 &lt;!channel&gt;');
    expectSafe(list, `Org0 ${corpus[0]!.meant}`, []);
  });

  it('person names: whois, the users list and a confirmation naming them', async () => {
    const ws = await app.workspace();
    for (const c of corpus) {
      await changeName(app.deps, { userId: ws.users.basic.id }, { name: `Bob ${c.meant}` });
      const shown = await ws.driver.rq.slash(ws.as('admin'), `whois ${ws.users.basic.email}`, ws.channel);
      expectSafe(await app.fake.waitForResponse(shown.responseUrl), `Bob ${c.meant}`, [ws.users.basic.slack]);
      const listed = await ws.driver.rq.slash(ws.as('admin'), `users ${ws.users.basic.email}`, ws.channel);
      expectSafe(await app.fake.waitForResponse(listed.responseUrl), `Bob ${c.meant}`, [ws.users.basic.slack]);
    }
    await ws.driver.rq.slash(ws.as('admin'), `make-admin ${ws.users.basic.email}`, ws.channel);
    const confirmation = (await ws.driver.posted(/made .* Administrator/)).args;
    expectSafe(confirmation, `Bob ${corpus.at(-1)!.meant}`, [ws.users.admin.slack]);
    // the fallback text of a confirmation names them too, escaped
    expect(confirmation.text).toContain('Bob R&amp;D');
  });

  it('echoed input: an unknown subcommand, a search, a refusal that repeats what was typed', async () => {
    const ws = await app.workspace();
    for (const c of corpus) {
      const unknown = await ws.driver.rq.slash(ws.as('admin'), `${c.typed} now`, ws.channel);
      const body = await app.fake.waitForResponse(unknown.responseUrl);
      expect(messageText(body)).toContain('I do not know');
      expectSafe(body, c.meant.toLowerCase(), []);
      const searched = await ws.driver.rq.slash(ws.as('admin'), `users zz${c.typed}`, ws.channel);
      expectSafe(await app.fake.waitForResponse(searched.responseUrl), `zz${c.meant}`, []);
      const refused = await ws.driver.rq.slash(ws.as('admin'), `whois "zz${c.typed}"`, ws.channel);
      const refusal = await app.fake.waitForResponse(refused.responseUrl);
      expect(messageText(refusal)).toMatch(/Nobody called/);
      expectSafe(refusal, `zz${c.meant}`, []);
    }
  });
});
