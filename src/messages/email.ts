// The emails the rights service queues, one schema per template (src/mail/templates renders them).
import { z } from 'zod';
import { deliveryFailure } from './delivery-failure.ts';
import { userActivatedData, userAutoJoinedData } from './slack.ts';

const url = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');

/** Who invited the person to which environment, the role, the organisations they will join, the link. */
export const invitationData = z.object({
  inviterName: z.string().min(1),
  inviterEmail: z.string().min(3),
  environmentName: z.string().min(1),
  role: z.enum(['BASIC', 'ADVANCED', 'ADMINISTRATOR']),
  organisations: z.array(z.string()).default([]),
  link: url,
  expiresAt: z.iso.datetime({ offset: true }),
});

/**
 * Rule 7, step 1. Two kinds, so the registration page can answer the same either way: `verify` carries
 * the link that proves the address; `existing` tells an address that already has an account to log in.
 */
export const registrationVerificationData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('verify'), link: url, expiresAt: z.iso.datetime({ offset: true }) }),
  z.object({ kind: z.literal('existing'), status: z.enum(['INVITED', 'ACTIVE', 'BLOCKED', 'REMOVED']), loginLink: url }),
]);

/** A forgotten password: the single-use link to choose a new one, and until when it works. */
export const passwordResetData = z.object({ link: url, expiresAt: z.iso.datetime({ offset: true }) });

/**
 * A Slack notification for the administrators, by email: nobody's Slack account was known when it
 * happened (no notification channel, no administrator who ever ran a command). The Slack message
 * waits meanwhile and is dropped if this email went out first.
 */
export const administratorNoticeData = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user.activated'), data: userActivatedData }),
  z.object({ kind: z.literal('user.auto_joined'), data: userAutoJoinedData }),
]);
/** The environment's Slack workspace was disconnected: how, which workspace, and how to connect again. */
export const slackDisconnectedData = z.object({
  environmentName: z.string().min(1),
  teamId: z.string().regex(/^T[A-Z0-9]+$/),
  reason: z.enum(['disconnected', 'app_uninstalled', 'tokens_revoked']),
  accountLink: url,
});

/** The data of each email template, by the template's name. */
export const emailData = {
  invitation: invitationData,
  'registration-verification': registrationVerificationData,
  'password-reset': passwordResetData,
  'delivery-failed': deliveryFailure,
  'administrator-notice': administratorNoticeData,
  'slack-disconnected': slackDisconnectedData,
} as const;

export type EmailTemplateName = keyof typeof emailData;

const to = z.string().min(1);
/** the environment's language (en, nl); a template falls back to English for any other */
const locale = z.string();

/** An email as the outbox stores it: `{to, template, locale, data}`, its data checked by its template. */
export const emailMessage = z.discriminatedUnion('template', [
  z.object({ to, template: z.literal('invitation'), locale, data: invitationData }),
  z.object({ to, template: z.literal('registration-verification'), locale, data: registrationVerificationData }),
  z.object({ to, template: z.literal('password-reset'), locale, data: passwordResetData }),
  z.object({ to, template: z.literal('delivery-failed'), locale, data: deliveryFailure }),
  z.object({ to, template: z.literal('administrator-notice'), locale, data: administratorNoticeData }),
  z.object({ to, template: z.literal('slack-disconnected'), locale, data: slackDisconnectedData }),
]);

export type EmailMessage = z.input<typeof emailMessage>;
export type InvitationData = z.output<typeof invitationData>;
export type RegistrationVerificationData = z.output<typeof registrationVerificationData>;
export type PasswordResetData = z.output<typeof passwordResetData>;
export type AdministratorNoticeData = z.output<typeof administratorNoticeData>;
export type SlackDisconnectedData = z.output<typeof slackDisconnectedData>;
