// Email: templates rendered in the reader's language, sent over SMTP or into ./data/mail.
import { renderEmail } from './templates/index.ts';
import { createMailer, type MailerOptions } from './transport.ts';

/** What the rights service queues as an outbox payload. */
export interface EmailPayload {
  to: string;
  template: string;
  locale?: string;
  data: Record<string, unknown>;
}

export interface MailService {
  mode: 'smtp' | 'folder';
  /** renders and sends one queued email; `id` (the outbox id) becomes its Message-ID */
  deliver(payload: EmailPayload, id: string): Promise<void>;
  close(): void;
}

export function createMailService(opts: MailerOptions): MailService {
  const mailer = createMailer(opts);
  return {
    mode: mailer.mode,
    async deliver(payload, id) {
      const rendered = renderEmail(payload);
      const link = typeof payload.data?.link === 'string' ? payload.data.link : undefined;
      await mailer.send({ ...rendered, id, to: payload.to, link });
    },
    close: () => mailer.close(),
  };
}

export { PermanentMailError, messageIdDomain } from './transport.ts';
export { defineTemplate, renderEmail, templates, TemplateError } from './templates/index.ts';
