// The Slack notifications the rights service queues, one schema per kind (src/slack/blocks/notifications.ts
// renders them). Each tells an environment's administrators about a person and offers the next step.
import { z } from 'zod';
import { deliveryFailure } from './delivery-failure.ts';

const person = {
  userId: z.string().min(1),
  userName: z.string().nullable(),
  email: z.string().min(3),
  environmentName: z.string().min(1),
};

/** An invited user activated their account (rule 5). */
export const userActivatedData = z.object({
  ...person,
  role: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR']),
  organisations: z.array(z.string()),
  inviterName: z.string().nullable(),
  /** sent to the person who invited them, rather than to the administrators */
  toInviter: z.literal(true).optional(),
});

/** Someone joined the environment through its mail domain (rule 7). */
export const userAutoJoinedData = z.object(person);

/**
 * Access given until a date (src/rights/access): three days before its end ('access.reminder', with
 * an "Extend 30 days" button) and at its end ('access.ended'). A role falls back to `fallbackRole`; a
 * membership of `organisationName` ends. `until` is the instant it ends (ISO), `locale` the reader's.
 */
export const accessEndData = z.object({
  ...person,
  target: z.enum(['role', 'membership']),
  role: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR', 'MEMBER']),
  fallbackRole: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR']).nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  until: z.string().min(10),
  locale: z.enum(['en', 'nl']),
});

/**
 * a channel id, or a user id for a direct message. An outbox row that WAITS for its first recipient
 * (src/rights/core/outbox.ts) stores null here until the worker releases it with one.
 */
const channel = z.string().min(1);

/** The data of each kind of notification, by the kind's name. */
export const slackNotificationData = {
  'user.activated': userActivatedData,
  'user.auto_joined': userAutoJoinedData,
  'outbox.failed': deliveryFailure,
  'access.reminder': accessEndData,
  'access.ended': accessEndData,
} as const;

export const slackNotification = z.discriminatedUnion('kind', [
  z.object({ channel, kind: z.literal('user.activated'), data: userActivatedData }),
  z.object({ channel, kind: z.literal('user.auto_joined'), data: userAutoJoinedData }),
  z.object({ channel, kind: z.literal('outbox.failed'), data: deliveryFailure }),
  z.object({ channel, kind: z.literal('access.reminder'), data: accessEndData }),
  z.object({ channel, kind: z.literal('access.ended'), data: accessEndData }),
]);

export type SlackNotification = z.input<typeof slackNotification>;
export type SlackNotificationKind = keyof typeof slackNotificationData;
export type SlackNotificationData<K extends SlackNotificationKind> = Extract<SlackNotification, { kind: K }>['data'];

/**
 * A notification as the outbox worker reads it back. A row queued by an older or newer version of the
 * app may carry another kind or other data, so the renderer takes every field as it comes (an unknown
 * kind still reaches the administrators).
 */
export type StoredSlackNotification = Pick<SlackNotification, 'channel'> & { kind: string; data: Record<string, unknown> };
