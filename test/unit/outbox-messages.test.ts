// The contract of every outbox message (src/messages): what the rights service queues is checked
// there, so a payload its deliverer could not render fails the change that queues it.
import { describe, expect, it } from 'vitest';
import { checkOutboxMessage, checkSlackNotificationData, OutboxMessageError, type OutboxMessage } from '../../src/messages/index.ts';

const later = new Date(Date.now() + 3600_000).toISOString();

const valid: OutboxMessage[] = [
  {
    email: {
      to: 'new@acme.test', template: 'invitation', locale: 'nl',
      data: { inviterName: 'Ann', inviterEmail: 'ann@acme.test', environmentName: 'Acme', role: 'BASIC', organisations: ['Acme BV'], link: 'https://rights.example/activate?token=x', expiresAt: later },
    },
  },
  { email: { to: 'new@acme.test', template: 'registration-verification', locale: 'en', data: { kind: 'verify', link: 'https://rights.example/register/verify?token=x', expiresAt: later } } },
  { email: { to: 'old@acme.test', template: 'registration-verification', locale: 'en', data: { kind: 'existing', status: 'BLOCKED', loginLink: 'https://rights.example/login' } } },
  { email: { to: 'boss@acme.test', template: 'delivery-failed', locale: 'en', data: { what: 'invitation', description: 'the invitation email', recipient: 'x@acme.test', attempts: 12, lastError: '550', messageId: 'm-1' } } },
  {
    slack: {
      channel: 'U0INVITER', kind: 'user.activated',
      data: { userId: 'u-1', userName: 'Carl', email: 'carl@acme.test', role: 'ADVANCED', environmentName: 'Acme', organisations: [], inviterName: null, toInviter: true },
    },
  },
  { slack: { channel: 'C0ADMINS', kind: 'user.auto_joined', data: { userId: 'u-2', userName: null, email: 'dora@acme.test', environmentName: 'Acme' } } },
  { slack: { channel: 'C0ADMINS', kind: 'outbox.failed', data: { what: 'email', description: 'an email (invitation)', recipient: 'x@acme.test', attempts: 3, lastError: 'timeout' } } },
  {
    work: {
      type: 'command', receivedAt: later, responseUrl: 'https://hooks.slack.com/commands/T1/1/x',
      command: { command: '/econnect', text: 'invite carl@acme.test', user_id: 'U0ADA', team_id: 'T1', channel_id: 'C0ADMINS', trigger_id: '1.2.abc' },
    },
  },
];

const problem = (message: unknown) => {
  try {
    checkOutboxMessage(message as OutboxMessage);
  } catch (err) {
    expect(err).toBeInstanceOf(OutboxMessageError);
    return (err as Error).message;
  }
  return null;
};

describe('outbox message contract', () => {
  it.each(valid.map((m) => ['email' in m ? m.email.template : 'work' in m ? `work ${m.work.type}` : m.slack.kind, m] as const))('accepts %s as the rights service queues it', (_name, message) => {
    expect(problem(message)).toBeNull();
  });

  it('refuses a payload its template could not render, naming the field', () => {
    const invitation = valid[0] as { email: { data: object } };
    expect(problem({ email: { ...invitation.email, data: { ...invitation.email.data, link: 'javascript:alert(1)' } } })).toBe(
      'The email "invitation" does not match its schema: data.link: must be an http(s) URL',
    );
    expect(problem({ email: { ...invitation.email, data: { ...invitation.email.data, role: 'OWNER' } } })).toMatch(/^The email "invitation" does not match its schema: data\.role: /);
    expect(problem({ email: { to: 'a@b.nl', template: 'no-such-template', locale: 'en', data: {} } })).toMatch(/^The email "no-such-template" does not match its schema: template: /);
  });

  it('refuses a Slack notification of an unknown kind or with missing data', () => {
    expect(problem({ slack: { channel: 'C1', kind: 'user.activated', data: { email: 'a@b.nl' } } })).toMatch(/^The Slack notification "user.activated" does not match its schema: data\.userId: /);
    expect(problem({ slack: { channel: '', kind: 'user.auto_joined', data: { userId: 'u', userName: null, email: 'a@b.nl', environmentName: 'E' } } })).toMatch(/: channel: /);
    expect(problem({ slack: { channel: 'C1', kind: 'something.new', data: {} } })).toMatch(/^The Slack notification "something.new" does not match its schema: kind: /);
  });

  it('checks a notification before its recipients are known', () => {
    expect(() => checkSlackNotificationData('user.auto_joined', { userId: 'u-2', userName: null, email: 'dora@acme.test', environmentName: 'Acme' })).not.toThrow();
    // @ts-expect-error the data of an auto-join names the environment
    expect(() => checkSlackNotificationData('user.auto_joined', { userId: 'u-2', userName: null, email: 'dora@acme.test' })).toThrow(
      'The Slack notification "user.auto_joined" does not match its schema: data.environmentName: ',
    );
  });
});
