import { describe, expect, it } from 'vitest';
import { environmentRole, mentionedUser, organisationRole, tokenize } from '../../src/slack/command-text.ts';

describe('command text', () => {
  it('keeps quoted names, mentions and escaped emails whole', () => {
    expect(tokenize('add-to-org <@U123|bob> "Acme Sales B.V." admin')).toEqual(['add-to-org', '<@U123|bob>', 'Acme Sales B.V.', 'admin']);
    expect(tokenize('invite <mailto:a@b.nl|a@b.nl>  basic')).toEqual(['invite', 'a@b.nl', 'basic']);
    expect(tokenize('org “Jansen & Zn”')).toEqual(['org', 'Jansen & Zn']);
    expect(tokenize('create-org Smit &amp; Co')).toEqual(['create-org', 'Smit', '&', 'Co']);
    expect(tokenize('   ')).toEqual([]);
  });

  it('reads mentions and roles', () => {
    expect(mentionedUser('<@U123ABC|bob>')).toBe('U123ABC');
    expect(mentionedUser('<@W9>')).toBe('W9');
    expect(mentionedUser('<#C1|general>')).toBeNull();
    expect(environmentRole('Admin')).toBe('ADMINISTRATOR');
    expect(environmentRole('advanced')).toBe('ADVANCED');
    expect(environmentRole('boss')).toBeNull();
    expect(organisationRole('member')).toBe('MEMBER');
    expect(organisationRole('administrator')).toBe('ADMINISTRATOR');
  });
});
