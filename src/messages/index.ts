// The contract of every message the outbox carries: the rights service queues them, src/mail and
// src/slack deliver them. Schemas and their check, nothing else, so all three can import this without
// importing each other. A message is checked when it is queued, in the change's transaction: a payload
// its deliverer could not render fails the change that caused it, instead of failing at delivery later.
import type { z } from 'zod';
import { emailMessage, type EmailMessage } from './email.ts';
import { slackWork, type SlackWork } from './slack-work.ts';
import { slackNotification, slackNotificationData, type SlackNotification, type SlackNotificationData, type SlackNotificationKind } from './slack.ts';

export * from './delivery-failure.ts';
export * from './email.ts';
export * from './slack.ts';
export * from './slack-work.ts';

export type OutboxMessage = { email: EmailMessage } | { slack: SlackNotification } | { work: SlackWork };

/** Raised when code queues a message that does not match its schema: a bug, never a person's mistake. */
export class OutboxMessageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OutboxMessageError';
  }
}

type Kind = 'email' | 'work' | 'notification';

export function checkOutboxMessage(message: OutboxMessage): void {
  if ('email' in message) check('email', message.email.template, emailMessage, message.email);
  else if ('work' in message) check('work', message.work.type, slackWork, message.work);
  else check('notification', message.slack.kind, slackNotification, message.slack);
}

/** Checks a notification's data before its recipients are known, so it fails even when nobody would get it. */
export function checkSlackNotificationData<K extends SlackNotificationKind>(kind: K, data: SlackNotificationData<K>): void {
  check('notification', kind, slackNotificationData[kind], data, ['data']);
}

function check(kind: Kind, name: string, schema: z.ZodType, value: unknown, under: string[] = []): void {
  const result = schema.safeParse(value);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const path = [...under, ...issue.path.map(String)];
  // a programmer's error, in English: which message, which field, what is wrong with it
  throw new OutboxMessageError(`The ${kind === 'email' ? 'email' : kind === 'work' ? 'Slack work' : 'Slack notification'} "${name}" does not match its schema: ${path.length ? path.join('.') : 'the message'}: ${issue.message}`, { cause: result.error });
}
