// The email templates, by the name the rights service puts in an outbox payload ({to, template,
// locale, data}). To add one: add its data schema to src/messages/email.ts, write a file with its
// render function, and add a line here (the registry does not compile until every template has one).
import type { z } from 'zod';
import { emailData, type EmailTemplateName } from '../../messages/index.ts';
import { renderAdministratorNotice } from './administrator-notice.ts';
import { renderDeliveryFailed } from './delivery-failed.ts';
import { renderInvitation } from './invitation.ts';
import { mailLocale, type MailLocale, type RenderedEmail } from './layout.ts';
import { renderPasswordReset } from './password-reset.ts';
import { renderRegistrationVerification } from './registration-verification.ts';
import { renderSlackDisconnected } from './slack-disconnected.ts';

export interface EmailTemplate<S extends z.ZodType = z.ZodType> {
  data: S;
  render(data: z.output<S>, locale: MailLocale): RenderedEmail;
}

export const defineTemplate = <S extends z.ZodType>(data: S, render: (d: z.output<S>, locale: MailLocale) => RenderedEmail): EmailTemplate =>
  ({ data, render }) as EmailTemplate;

export const templates: Record<EmailTemplateName, EmailTemplate> = {
  invitation: defineTemplate(emailData.invitation, renderInvitation),
  'delivery-failed': defineTemplate(emailData['delivery-failed'], renderDeliveryFailed),
  'registration-verification': defineTemplate(emailData['registration-verification'], renderRegistrationVerification),
  'password-reset': defineTemplate(emailData['password-reset'], renderPasswordReset),
  'administrator-notice': defineTemplate(emailData['administrator-notice'], renderAdministratorNotice),
  'slack-disconnected': defineTemplate(emailData['slack-disconnected'], renderSlackDisconnected),
};

/** A payload that can never be rendered: retrying will not help. */
export class TemplateError extends Error {
  readonly permanent = true;
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

export function renderEmail(message: { template: string; locale?: string; data: unknown }): RenderedEmail {
  // The template name comes from a stored row: it may be one this version does not know.
  const t = Object.hasOwn(templates, message.template) ? templates[message.template as EmailTemplateName] : undefined;
  if (!t) throw new TemplateError(`unknown email template "${message.template}"`);
  const parsed = t.data.safeParse(message.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TemplateError(`email template "${message.template}": ${['data', ...issue.path.map(String)].join('.')}: ${issue.message}`);
  }
  return t.render(parsed.data, mailLocale(message.locale));
}

export type { MailLocale, RenderedEmail };
