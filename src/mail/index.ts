// Email: templates rendered in the reader's language, sent over SMTP or into ./data/mail.
import type { EmailMessage } from '../messages/index.ts';
import { renderEmail } from './templates/index.ts';
import { createMailer, type MailerOptions } from './transport.ts';

export interface MailService {
  mode: 'smtp' | 'folder';
  /** renders and sends one queued email; `id` (the outbox id) becomes its Message-ID */
  deliver(payload: EmailMessage, id: string): Promise<void>;
  close(): void;
}

export function createMailService(opts: MailerOptions): MailService {
  const mailer = createMailer(opts);
  return {
    mode: mailer.mode,
    async deliver(payload, id) {
      const rendered = renderEmail(payload);
      const link = 'link' in payload.data && typeof payload.data.link === 'string' ? payload.data.link : undefined;
      await mailer.send({ ...rendered, id, to: payload.to, link });
    },
    close: () => mailer.close(),
  };
}

export { mailOptionsFor, PermanentMailError, messageIdDomain } from './transport.ts';
export { defineTemplate, renderEmail, templates, TemplateError } from './templates/index.ts';
