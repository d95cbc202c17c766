// The email templates, by the name the rights service puts in an outbox payload ({to, template,
// locale, data}). To add one: write a file with a zod schema for its data and a render function,
// and add a line here.
import type { z } from 'zod';
import { deliveryFailedData, renderDeliveryFailed } from './delivery-failed.ts';
import { invitationData, renderInvitation } from './invitation.ts';
import { mailLocale, type MailLocale, type RenderedEmail } from './layout.ts';
import { registrationVerificationData, renderRegistrationVerification } from './registration-verification.ts';

export interface EmailTemplate<S extends z.ZodType = z.ZodType> {
  data: S;
  render(data: z.output<S>, locale: MailLocale): RenderedEmail;
}

export const defineTemplate = <S extends z.ZodType>(data: S, render: (d: z.output<S>, locale: MailLocale) => RenderedEmail): EmailTemplate =>
  ({ data, render }) as EmailTemplate;

export const templates: Record<string, EmailTemplate> = {
  invitation: defineTemplate(invitationData, renderInvitation),
  'delivery-failed': defineTemplate(deliveryFailedData, renderDeliveryFailed),
  'registration-verification': defineTemplate(registrationVerificationData, renderRegistrationVerification),
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
  const t = Object.hasOwn(templates, message.template) ? templates[message.template] : undefined;
  if (!t) throw new TemplateError(`unknown email template "${message.template}"`);
  const parsed = t.data.safeParse(message.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TemplateError(`email template "${message.template}": ${['data', ...issue.path.map(String)].join('.')}: ${issue.message}`);
  }
  return t.render(parsed.data, mailLocale(message.locale));
}

export type { MailLocale, RenderedEmail };
