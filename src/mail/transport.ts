// Sends rendered emails: over SMTP when SMTP_URL is set, otherwise into ./data/mail as .eml files so
// the app runs with nothing else installed. Each message carries the outbox id as its Message-ID, so
// a resend after a crash is recognisable as the same message by the receiving side.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type nodemailer from 'nodemailer';
import type { Logger } from '../log.ts';
import type { RenderedEmail } from './templates/index.ts';

export interface OutgoingEmail extends RenderedEmail {
  /** the outbox message id; becomes the Message-ID */
  id: string;
  to: string;
  /** shown in the log in folder mode only, so a newcomer can activate without a mail server */
  link?: string;
}

export interface Mailer {
  mode: 'smtp' | 'folder';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** The SMTP server refused the message for good (5xx): retrying will not help. */
export class PermanentMailError extends Error {
  readonly permanent = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentMailError';
  }
}

export interface MailerOptions {
  smtpUrl?: string;
  mailFrom: string;
  /** the app's data folder; mail goes to <dataDir>/mail without SMTP */
  dataDir: string;
  logger: Logger;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

type Transport = ReturnType<typeof nodemailer.createTransport>;
type TransportOptions = Parameters<typeof nodemailer.createTransport>[0];

/**
 * A nodemailer transport made at the first email: nodemailer (about 10 MB resident) is loaded only
 * once there is something to send, which in many processes is hours after the start, or never.
 */
function lazyTransport(options: TransportOptions) {
  let made: Promise<Transport> | null = null;
  return {
    get: () => {
      made ??= import('nodemailer').then((m) => m.default.createTransport(options));
      return made;
    },
    close: () => {
      void made?.then((t) => t.close());
    },
  };
}

/** The domain part of MAIL_FROM, for Message-IDs. */
export function messageIdDomain(mailFrom: string): string {
  const m = mailFrom.match(/@([A-Za-z0-9.-]+)>?\s*$/);
  return m ? m[1]!.toLowerCase() : 'econnect.invalid';
}

/**
 * The message as nodemailer sends it: the same outbox message (id) always carries the same
 * Message-ID, so a resend is recognised.
 */
export function mailOptionsFor(mailFrom: string, email: OutgoingEmail) {
  return {
    from: mailFrom,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    messageId: `<${email.id}@${messageIdDomain(mailFrom)}>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

export function createMailer(opts: MailerOptions): Mailer {
  const mailOptions = (email: OutgoingEmail) => mailOptionsFor(opts.mailFrom, email);
  const log = opts.logger.child({ component: 'mail' });

  if (opts.smtpUrl) {
    const host = new URL(opts.smtpUrl.replace(/^smtps?:/, 'http:')).hostname;
    // Settings from the URL's query (e.g. ?tls.rejectUnauthorized=false for a test server) win.
    const transport = lazyTransport({
      url: opts.smtpUrl,
      pool: true,
      maxConnections: 3,
      maxMessages: 100,
      // A remote mail server must talk TLS (STARTTLS on 587, or smtps:// on 465) with a valid
      // certificate: credentials and activation links never cross the network in the clear.
      requireTLS: !LOOPBACK.has(host),
      tls: { minVersion: 'TLSv1.2', rejectUnauthorized: true, servername: host },
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as TransportOptions);
    return {
      mode: 'smtp',
      async send(email) {
        try {
          await (await transport.get()).sendMail(mailOptions(email));
        } catch (err) {
          const code = (err as { responseCode?: number }).responseCode;
          // 5xx: the server will never take this message (unknown mailbox, policy); 4xx and network errors pass.
          if (typeof code === 'number' && code >= 500 && code < 600) {
            throw new PermanentMailError(`mail server refused the message (${code}): ${(err as Error).message}`, { cause: err });
          }
          throw err;
        }
      },
      close: () => transport.close(),
    };
  }

  const folder = path.join(opts.dataDir, 'mail');
  log.warn(`SMTP_URL is not set: emails are written to ${folder} as .eml files and their links are logged`);
  const transport = lazyTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    mode: 'folder',
    async send(email) {
      const info = await (await transport.get()).sendMail(mailOptions(email));
      await mkdir(folder, { recursive: true });
      // Named by outbox id: a resend after a crash overwrites the same file instead of adding one.
      const file = path.join(folder, `${email.id}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
      // No mail server: the log is the only way a newcomer finds the link, so here (and only here) it is shown.
      if (email.link) log.info({ to: email.to, file }, `mail written to ${file}; open this link: ${email.link}`);
      else log.info({ to: email.to, file }, `mail written to ${file}`);
    },
    close: () => transport.close(),
  };
}
