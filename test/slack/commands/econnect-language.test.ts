// Whose language Slack speaks: answers to one person (ephemeral answers, modals) in their own language,
// else their environment's; channel confirmations in the environment's. `/econnect language` sets the
// caller's own, `/econnect language environment` (Administrators) the environment's. Each test has its
// own environment and channel.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setEnvironmentLanguage } from '../../../src/rights/index.ts';
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

/**
 * A fresh environment whose language is Dutch, set as its Administrator would; its Slack workspace
 * bound to it by the Administrator's first command (single workspace), so people without an account
 * there read the environment's language too.
 */
async function dutchWorkspace() {
  const ws = await app.workspace();
  await setEnvironmentLanguage(app.deps, { userId: ws.users.admin.id }, { locale: 'nl' });
  expect(await ws.driver.ephemeral(ws.as('admin'), 'users')).toContain('Gebruikers');
  expect(await app.deps.prisma.environment.findUniqueOrThrow({ where: { id: ws.environmentId } })).toMatchObject({ slackTeamId: ws.teamId });
  return ws;
}

const environmentLocale = async (id: string) => (await app.deps.prisma.environment.findUniqueOrThrow({ where: { id } })).locale;
const userLocale = async (id: string) => (await app.deps.prisma.user.findUniqueOrThrow({ where: { id } })).locale;

describe('a Dutch environment', () => {
  it('gives Dutch help, also to someone without an account, with the language subcommands in it', async () => {
    const ws = await dutchWorkspace();
    const help = await ws.driver.ephemeral(ws.as('stranger'), 'help');
    expect(help).toContain('*/econnect* beheert de gebruikers, rollen en organisaties van je eConnect-omgeving.');
    expect(help).toContain('`/econnect language nl|en` de taal kiezen waarin eConnect je aanspreekt');
    expect(help).toContain('`/econnect language environment nl|en` stelt de taal van de omgeving in (beheerders)');
    expect(help).not.toContain('manages the users');
    // an unknown word: Dutch, with the same help
    const unknown = await ws.driver.ephemeral(ws.as('admin'), 'frobnicate');
    expect(unknown).toMatch(/^frobnicate ken ik niet\. Dit kan ik:\n\*\/econnect\* beheert/);
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('refuses in Dutch, says what to do, and changes nothing', async () => {
    const ws = await dutchWorkspace();
    expect(await ws.driver.ephemeral(ws.as('blocked'), 'users')).toContain(':no_entry: Je eConnect-account is geblokkeerd. Vraag een beheerder van je omgeving om de blokkade op te heffen.');
    expect(await ws.driver.ephemeral(ws.as('pending'), 'users')).toMatch(/^:no_entry: Je hebt je eConnect-account nog niet geactiveerd\./);
    expect(await ws.driver.ephemeral(ws.as('admin'), 'whois')).toContain('Gebruik: `/econnect whois &lt;gebruiker&gt;`');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'block')).toContain('Gebruik: `/econnect block &lt;gebruiker&gt;`');
    expect(await app.deps.prisma.user.findUniqueOrThrow({ where: { id: ws.users.basic.id } })).toMatchObject({ status: 'ACTIVE' });
    expect(ws.driver.postedHere()).toEqual([]);
  });

  it('confirms a change in the channel in Dutch, and opens Dutch modals', async () => {
    const ws = await dutchWorkspace();
    // (block asks first since destructive commands do; a role change is confirmed at once)
    const text = await ws.driver.confirmed(ws.as('admin'), `set-role ${ws.users.basic.email} advanced`, /gemaakt/);
    expect(text).toContain(`<@${ws.users.admin.slack}> heeft *Bob Basic* gevorderde gebruiker gemaakt (was basisgebruiker).`);
    const invited = await ws.driver.confirmed(ws.as('admin'), `invite carl@${ws.domain} advanced`, /uitgenodigd/);
    expect(invited).toMatch(new RegExp(`^<@${ws.users.admin.slack}> heeft \\*carl@${ws.domain}\\* uitgenodigd als gevorderde gebruiker\\. De activatielink werkt tot \\d{4}-\\d\\d-\\d\\d\\.`));
    const view = await ws.driver.opened(ws.as('admin'), 'invite');
    expect(view.title.text).toBe('Gebruiker uitnodigen');
    expect(view.submit.text).toBe('Uitnodiging sturen');
    expect(view.close.text).toBe('Annuleren');
    expect(view.blocks[1].element.options.map((o: { text: { text: string } }) => o.text.text)).toEqual([
      'Basisgebruiker (geen rechten tot toegevoegd aan organisaties)',
      'Gevorderde gebruiker (ziet alle gebruikers en organisaties)',
      'Beheerder (beheert gebruikers en organisaties)',
    ]);
  });
});

describe('/econnect language', () => {
  it('a person who chose English reads English answers in a Dutch environment, while the channel stays Dutch', async () => {
    const ws = await dutchWorkspace();
    // the answer is in the language just chosen
    expect(await ws.driver.ephemeral(ws.as('admin'), 'language en')).toContain('From now on eConnect speaks English to you, in Slack, on the pages and in your emails.');
    expect(await userLocale(ws.users.admin.id)).toBe('en');
    const audit = await app.deps.prisma.auditEvent.findFirstOrThrow({ where: { targetId: ws.users.admin.id, action: 'user.language_set' } });
    expect(audit).toMatchObject({ actorSlackId: ws.users.admin.slack, details: { from: null, to: 'en' } });
    expect(await ws.driver.ephemeral(ws.as('admin'), 'language en')).toContain('eConnect already speaks English to you; nothing changed.');
    // ephemeral answers in English ...
    const users = await ws.driver.ephemeral(ws.as('admin'), 'users');
    expect(users).toMatch(/^Users: \d+/);
    expect(users).toContain('Advanced user');
    expect(users).not.toContain('Gevorderde gebruiker');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'whois')).toContain('Usage: `/econnect whois &lt;user&gt;`');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'help')).toContain('*/econnect* manages the users');
    const view = await ws.driver.opened(ws.as('admin'), 'create-org');
    expect(view.title.text).toBe('Create organisation');
    // ... the channel in the environment's Dutch
    const text = await ws.driver.confirmed(ws.as('admin'), 'create-org Acme Logistiek', /aangemaakt/);
    expect(text).toContain(`<@${ws.users.admin.slack}> heeft de organisatie *Acme Logistiek* aangemaakt en is er organisatiebeheerder van.`);
    // someone else in the same environment still reads Dutch
    expect(await ws.driver.ephemeral(ws.as('basic'), 'whois')).toContain('Gebruik: `/econnect whois &lt;gebruiker&gt;`');
  });

  it('`language default` follows the environment again, and answers in its language', async () => {
    const ws = await dutchWorkspace();
    await ws.driver.ephemeral(ws.as('advanced'), 'language english');
    expect(await userLocale(ws.users.advanced.id)).toBe('en');
    expect(await ws.driver.ephemeral(ws.as('advanced'), 'language default')).toContain('Je volgt weer de taal van je omgeving: Nederlands.');
    expect(await userLocale(ws.users.advanced.id)).toBeNull();
    expect(await ws.driver.ephemeral(ws.as('advanced'), 'whois')).toContain('Gebruik: `/econnect whois &lt;gebruiker&gt;`');
    // a Dutch person in an English environment
    const en = await app.workspace();
    expect(await en.driver.ephemeral(en.as('basic'), 'language nl')).toContain('Vanaf nu spreekt eConnect Nederlands met je, in Slack, op de pagina’s en in je e-mails.');
    expect(await en.driver.ephemeral(en.as('basic'), 'whois')).toContain('Gebruik: `/econnect whois &lt;gebruiker&gt;`');
  });

  it('refuses an unknown language with how to use it, and changes nothing', async () => {
    const ws = await dutchWorkspace();
    for (const text of ['language fr', 'language', 'language nl en', 'language environment', 'language environment de']) {
      expect(await ws.driver.ephemeral(ws.as('admin'), text)).toContain('Gebruik: `/econnect language nl|en | language default | language environment nl|en`');
    }
    expect(await userLocale(ws.users.admin.id)).toBeNull();
    expect(await environmentLocale(ws.environmentId)).toBe('nl');
  });
});

describe('/econnect language environment', () => {
  it('an Administrator sets the environment language: the channel is told in the new language, and everyone without their own follows', async () => {
    const ws = await dutchWorkspace();
    const r = await app.rq.slash(ws.as('admin'), 'language environment en', ws.channel);
    expect(r.status).toBe(200);
    const posted = messageText((await ws.driver.posted(/language/)).args);
    expect(posted).toContain(`<@${ws.users.admin.slack}> set this environment's language to English: for channel messages, invitations and everyone who has not chosen a language of their own.`);
    expect(await environmentLocale(ws.environmentId)).toBe('en');
    const audit = await app.deps.prisma.auditEvent.findFirstOrThrow({ where: { targetId: ws.environmentId, action: 'environment.language_set' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorSlackId: ws.users.admin.slack, details: { from: 'nl', to: 'en' } });
    expect(await ws.driver.ephemeral(ws.as('stranger'), 'help')).toContain('*/econnect* manages the users');
    expect(await ws.driver.ephemeral(ws.as('admin'), 'language environment en')).toContain("The environment's language already is English; nothing changed.");
    // and back to Dutch, told in Dutch
    await app.rq.slash(ws.as('admin'), 'language environment nl', ws.channel);
    expect(messageText((await ws.driver.posted(/taal/)).args)).toContain(
      `<@${ws.users.admin.slack}> heeft de taal van deze omgeving op Nederlands gezet: voor berichten in kanalen, uitnodigingen en iedereen die geen eigen taal gekozen heeft.`,
    );
  });

  it('is refused to everyone but an Administrator, in their language, with what to do instead, and changes nothing', async () => {
    const ws = await dutchWorkspace();
    for (const who of ['basic', 'advanced', 'orgAdmin'] as const) {
      expect(await ws.driver.ephemeral(ws.as(who), 'language environment en')).toContain(
        ':no_entry: Alleen beheerders stellen de taal van de omgeving in. Kies je eigen taal met `/econnect language nl|en`.',
      );
    }
    await ws.driver.ephemeral(ws.as('basic'), 'language en');
    expect(await ws.driver.ephemeral(ws.as('basic'), 'language environment en')).toContain(
      ":no_entry: Only administrators set the environment's language. Choose your own language with `/econnect language nl|en`.",
    );
    expect(await environmentLocale(ws.environmentId)).toBe('nl');
    expect(await app.deps.prisma.auditEvent.count({ where: { targetId: ws.environmentId, action: 'environment.language_set' } })).toBe(1);
    expect(ws.driver.postedHere()).toEqual([]);
  });
});

describe('notifications', () => {
  it("are in the environment's language in a channel, and in a person's own in a direct message", async () => {
    const ws = await dutchWorkspace();
    const data = { userName: 'Carl', email: `carl@${ws.domain}`, environmentName: 'Acme', userId: ws.users.basic.id };
    await app.slack.deliverNotification({ channel: ws.channel, kind: 'user.activated', data }, `m-${ws.tag}-1`, ws.environmentId);
    expect(messageText((await ws.driver.posted(/geactiveerd/)).args)).toContain(`*Carl* (carl@${ws.domain}) heeft het eConnect-account geactiveerd in Acme.`);
    // the Administrator (linked to Slack by their first command) chose English: their direct message is English
    await ws.driver.ephemeral(ws.as('admin'), 'language en');
    await app.slack.deliverNotification({ channel: ws.users.admin.slack, kind: 'user.activated', data }, `m-${ws.tag}-2`, ws.environmentId);
    const [dm] = await app.fake.waitFor('chat.postMessage', (a) => a.channel === ws.users.admin.slack);
    expect(messageText(dm!.args)).toContain(`*Carl* (carl@${ws.domain}) activated their eConnect account in Acme.`);
  });
});
