// Names in sentences (issue 13, item 4): a new environment's default name is in its language; a name
// ending in a full stop is not followed by a second one; roles read with their article.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/catalogue.ts';
import { say, tidy } from '../../src/i18n/sentence.ts';
import { renderEmail } from '../../src/mail/index.ts';
import { AppError, phrase } from '../../src/rights/errors.ts';
import { defaultEnvironmentName } from '../../src/rights/environments/default-name.ts';
import { confirmationsIn } from '../../src/slack/blocks/confirmations.ts';
import { message, plain } from '../../src/slack/blocks/text.ts';

describe('names in sentences', () => {
  it('names a new environment after its person in the environment language, or after its domain', () => {
    expect(defaultEnvironmentName({ domain: null, personName: 'Erin Example', locale: 'en' })).toBe("Erin Example's environment");
    expect(defaultEnvironmentName({ domain: null, personName: 'Erin Example', locale: 'nl' })).toBe('Omgeving van Erin Example');
    expect(defaultEnvironmentName({ domain: 'acme.nl', personName: 'Erin Example', locale: 'nl' })).toBe('acme.nl');
  });

  it('never ends a sentence with a second full stop after a name that has one, and keeps an ellipsis', () => {
    expect(tidy('You joined Acme Sales B.V..')).toBe('You joined Acme Sales B.V.');
    expect(tidy('Wait... then go.')).toBe('Wait... then go.');
    expect(say('en', 'web.activation.done', { name: 'Eva', role: 'BASIC', environment: 'Acme Sales B.V.' })).toBe('Welcome, Eva. You are now a Basic user in Acme Sales B.V.');
    const err = new AppError('not_found', 'rights.member.notMember', { user: 'Eva', organisation: 'Acme Sales B.V.' });
    expect(err.userMessage).toBe('Eva is not a member of Acme Sales B.V.');
    expect(err.messageIn('nl')).toBe('Eva is geen lid van Acme Sales B.V.');
  });

  it('puts the right article before a role, and one Dutch name for each role', () => {
    expect(say('en', 'web.activation.done', { name: 'Eva', role: 'ADVANCED', environment: 'Acme' })).toBe('Welcome, Eva. You are now an Advanced user in Acme.');
    expect(say('en', 'web.activation.done', { name: 'Eva', role: 'ADMINISTRATOR', environment: 'Acme' })).toBe('Welcome, Eva. You are now an Administrator in Acme.');
    expect(say('nl', 'web.activation.done', { name: 'Eva', role: 'ADVANCED', environment: 'Acme' })).toBe('Welkom, Eva. Je bent nu gevorderde gebruiker in Acme.');
    const invitation = renderEmail({
      template: 'invitation',
      locale: 'nl',
      data: { inviterName: 'Ada', inviterEmail: 'ada@acme.nl', environmentName: 'Acme Sales B.V.', role: 'ADVANCED', organisations: [], link: 'https://x.test/activate?token=t', expiresAt: '2026-12-01T14:30:00.000Z' },
    });
    expect(invitation.text).toContain('"Acme Sales B.V." als gevorderde gebruiker.');
    expect(`${invitation.subject} ${invitation.text}`).not.toMatch(/Geavanceerde|B\.V\.\./);
  });

  it('says a refusal with words that depend on the language inside it', () => {
    const err = new AppError('last_administrator', 'rights.administrator.last', { deed: phrase('rights.deed.block', { user: 'Ada' }) });
    expect(err.userMessage).toBe("You cannot block Ada: they are the environment's only active administrator. Make someone else an administrator first.");
    expect(err.messageIn('nl')).toBe('Ada blokkeren kan niet: deze persoon is de enige actieve beheerder van de omgeving. Maak eerst iemand anders beheerder.');
  });

  it('in Slack too: no second full stop after a bold or plain name, and a role inside a sentence in the glossary word', () => {
    const en = confirmationsIn(translator('en'));
    const nl = confirmationsIn(translator('nl'));
    const acme = { name: 'Acme Sales B.V.' };
    const eva = { email: 'eva@acme.nl', name: 'Eva' };
    expect(message(en.organisationSaved('U1', acme, ['city'])).text).toBe('<@U1> changed city of *Acme Sales B.V.*');
    expect(message(nl.memberRemoved('U1', eva, acme)).text).toBe('<@U1> heeft *Eva* uit *Acme Sales B.V.* gehaald. *Eva* blijft in de omgeving.');
    expect(message(en.memberRemoved('U1', { email: 'e@x.nl', name: 'E. Example Jr.' }, acme)).text).toBe('<@U1> removed *E. Example Jr.* from *Acme Sales B.V.* They stay in the environment.');
    expect(plain(`${translator('en')('slack.modal.removeMember.about', { organisation: 'Acme B.V.' })}`).text).not.toMatch(/B\.V\.\./);
    expect(message(nl.roleChanged('U1', eva, 'ADVANCED', 'ADMINISTRATOR')).text).toBe('<@U1> heeft *Eva* gevorderde gebruiker gemaakt (was beheerder).');
    expect(message(en.roleChanged('U1', eva, 'ADVANCED', 'ADMINISTRATOR')).text).toBe('<@U1> made *Eva* Advanced user (was Administrator).');
    expect(message(nl.userInvited('U1', { email: 'eva@acme.nl', role: 'BASIC' }, '2027-01-31T10:00:00Z')).text).toContain('als basisgebruiker.');
    expect(message(nl.organisationCreated('U1', acme)).text).toBe('<@U1> heeft de organisatie *Acme Sales B.V.* aangemaakt en is er organisatiebeheerder van.');
  });
});
