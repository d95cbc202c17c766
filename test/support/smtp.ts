// A real SMTP server (smtp-server) for tests: collects every message it accepts, parsed with
// mailparser. stop() and start() again on the same port simulate a mail server that is down for a
// while; rejectWith() makes it answer with a temporary (4xx) or permanent (5xx) error; slowDown() and
// hold() make it slow, or hang until released.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** the Message-ID header, e.g. <id@host> */
  messageId: string;
  /** envelope recipients */
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  parsed: ParsedMail;
  raw: Buffer;
}

export class TestSmtpServer {
  readonly messages: ReceivedMail[] = [];
  port = 0;
  private server?: SMTPServer;
  private rejection?: { code: number; message: string };
  private delayMs = 0;
  private gate?: Promise<void>;
  private waiting = 0;

  /** smtp://127.0.0.1:<port>, for SMTP_URL */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return Boolean(this.server);
  }

  /** Starts listening; after stop(), starts again on the same port. */
  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      // plain SMTP on loopback: no STARTTLS offered, so the client does not try the self-signed default
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      size: 10 * 1024 * 1024,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
          if (this.gate) {
            this.waiting++;
            await this.gate;
            this.waiting--;
          }
          if (this.rejection) {
            const err = Object.assign(new Error(this.rejection.message), { responseCode: this.rejection.code });
            callback(err);
            return;
          }
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              this.messages.push({
                messageId: parsed.messageId ?? '',
                to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                subject: parsed.subject ?? '',
                text: parsed.text ?? '',
                html: typeof parsed.html === 'string' ? parsed.html : '',
                parsed,
                raw,
              });
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });
    server.on('error', () => {
      /* connection errors while stopping are expected */
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  /** Stops accepting connections and drops the open ones (the mail server is "down"). */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answers every following message with this SMTP error until rejectWith(undefined). */
  rejectWith(rejection?: { code: number; message: string }): void {
    this.rejection = rejection;
  }

  /** Answers each message only after `ms` (a slow mail server); 0 restores the normal pace. */
  slowDown(ms: number): void {
    this.delayMs = ms;
  }

  /**
   * Holds every message after its data has arrived, unanswered, until release() is called: a
   * delivery that hangs for as long as the test needs.
   */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.gate = undefined;
      release();
    };
  }

  /** How many messages are being held right now. */
  get holding(): number {
    return this.waiting;
  }

  /** Messages whose envelope includes `address`. */
  to(address: string): ReceivedMail[] {
    const a = address.toLowerCase();
    return this.messages.filter((m) => m.to.includes(a));
  }

  /** Waits until at least `count` messages match. */
  async waitFor(predicate: (m: ReceivedMail) => boolean = () => true, count = 1, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.filter(predicate);
      if (found.length >= count) return found;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${count} message(s); received ${found.length} matching of ${this.messages.length}: ${this.messages.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits for the first message to `address`. */
  async waitForMessageTo(address: string, timeoutMs = 15_000): Promise<ReceivedMail> {
    const a = address.toLowerCase();
    const [m] = await this.waitFor((x) => x.to.includes(a), 1, timeoutMs);
    return m!;
  }
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  return new TestSmtpServer().start();
}

/** The first link in a message's text that starts with `prefix` (e.g. http://host/activate?token=). */
export function findLink(mail: ReceivedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = mail.text.match(new RegExp(`${escaped}[^\\s<>"]*`));
  if (!match) throw new Error(`no link starting with ${prefix} in "${mail.subject}":\n${mail.text}`);
  return match[0];
}
