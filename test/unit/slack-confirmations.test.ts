import { describe, expect, it } from 'vitest';
import * as marked from '../../src/slack/blocks/confirmations.ts';
import { flatten } from '../../src/slack/blocks/text.ts';

// Each sentence as Slack receives it (user values are marked for src/slack/blocks/text.ts's section).
const confirm = Object.fromEntries(
  Object.entries(marked).map(([k, f]) => [k, (...a: unknown[]) => flatten((f as (...b: unknown[]) => string)(...a))]),
) as unknown as typeof marked;

const ada = { email: 'ada@acme.test', name: 'Ada <!channel>' };
const carl = { email: 'carl@acme.test', name: null };
const until = '2030-01-31T10:00:00.000Z';

describe('Slack confirmations', () => {
  it('say who did what to whom, with every typed value escaped', () => {
    expect(confirm.userInvited('U1', { ...carl, role: 'ADVANCED' }, until)).toBe('<@U1> invited *carl@acme.test* as Advanced user. The activation link works until 2030-01-31.');
    expect(confirm.userInvited('U1', { ...carl, role: 'BASIC' }, until, 2)).toBe('<@U1> invited *carl@acme.test* as Basic user and 2 organisations to join on activation. The activation link works until 2030-01-31.');
    expect(confirm.userInvited('U1', { ...carl, role: 'BASIC' }, until, 1)).toContain('and 1 organisation to join');
    expect(confirm.roleChanged('U1', ada, 'ADMINISTRATOR', 'BASIC')).toBe('<@U1> made *Ada &lt;!channel&gt;* Administrator (was Basic user).');
    expect(confirm.roleUnchanged('U1', carl, 'BASIC')).toBe('<@U1> checked *carl@acme.test*: already Basic user, nothing changed.');
    expect(confirm.roleUnchangedToCaller(carl, 'ADVANCED')).toBe('carl@acme.test already is Advanced user; nothing changed.');
    expect(confirm.userBlocked('U1', ada)).toBe('<@U1> blocked *Ada &lt;!channel&gt;*.');
    expect(confirm.userUnblocked('U1', carl)).toBe('<@U1> unblocked *carl@acme.test*.');
    expect(confirm.userRemoved('U1', carl)).toBe('<@U1> removed *carl@acme.test* from the environment.');
    expect(confirm.invitationResent('U1', carl, until)).toBe('<@U1> sent *carl@acme.test* a new activation link (older links no longer work). It works until 2030-01-31.');
    expect(confirm.invitationRevoked('U1', carl)).toBe('<@U1> revoked the invitation of *carl@acme.test*; their links no longer work.');
  });

  it('name organisations, members and roles the way the channel reads them', () => {
    const org = { name: 'Smit & Zn' };
    expect(confirm.organisationCreated('U1', org)).toBe('<@U1> created the organisation *Smit &amp; Zn* and is its organisation administrator.');
    expect(confirm.organisationSaved('U1', org, [])).toBe('<@U1> saved *Smit &amp; Zn* without changes.');
    expect(confirm.organisationSaved('U1', org, ['city', 'vatNumber'])).toBe('<@U1> changed city, vatNumber of *Smit &amp; Zn*.');
    expect(confirm.memberAdded('U1', carl, org, 'ADMINISTRATOR')).toBe('<@U1> added *carl@acme.test* to *Smit &amp; Zn* as organisation administrator.');
    expect(confirm.memberAdded('U1', carl, org, 'MEMBER')).toBe('<@U1> added *carl@acme.test* to *Smit &amp; Zn* as member.');
    expect(confirm.memberRemoved('U1', ada, org)).toBe('<@U1> removed *Ada &lt;!channel&gt;* from *Smit &amp; Zn*. They stay in the environment.');
    expect(confirm.apiTokenCreated('U1', { name: 'docs <b>' })).toBe('<@U1> created the rights API token *docs &lt;b&gt;*.');
    expect(confirm.apiTokenRevoked('U1', { name: 'docs' })).toBe('<@U1> revoked the rights API token *docs*.');
    expect(confirm.notificationChannelChosen('U1')).toMatch(/^<@U1> chose this channel for eConnect notifications/);
  });
});
