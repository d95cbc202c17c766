// No user-visible sentence is written in code: every text people read in Slack, on the pages, in the
// emails and in the rights service's messages comes from the message catalogue (src/i18n/messages),
// and so do the messages the outbox carries to them. The scan
// (test/support/literal-scan.ts) finds string literals and template texts that read like prose.
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Finding, scanFolder, scanSource } from '../support/literal-scan.ts';

/**
 * The folders whose texts must all come from the catalogue: every folder whose code makes text people
 * read. Not here: src/db, src/config.ts and src/main.ts speak only to the operator who starts the app
 * (start-up and configuration errors), and src/i18n is the catalogue.
 */
const CATALOGUED_FOLDERS = ['src/slack', 'src/web', 'src/mail', 'src/rights', 'src/messages', 'src/outbox'] as const;

/** Prose that people never read, by file, with the reason. Keep it small. */
const ALLOWED: { file: string; text: RegExp; why: string }[] = [
  { file: 'src/rights/policy.ts', text: /./, why: "Decision.reason: the rights API's English reason (JSON contract) and the audit trail; people read rights.reason.*" },
  { file: 'src/rights/authorization/authorize.ts', text: /^unknown (user|organisation)$/, why: "the rights API's English reason (JSON contract)" },
  { file: 'src/rights/passwords/request-password-reset.ts', text: /^the invited person \(forgotten password\)$/, why: 'a detail of an audit event, not shown to anyone' },
  { file: 'src/web/server.ts', text: /^(trust proxy|unreachable or migrations pending)$/, why: "an express setting's name; /readyz's answer to the load balancer" },
  { file: 'src/web/csrf.ts', text: /^invalid form token$/, why: "csrf-csrf's internal error; the page says its own words (respond.ts)" },
  { file: 'src/slack/body-limit.ts', text: /^(Request body too large: \/slack\/events accepts at most |The request body could not be read\.)$/, why: "an HTTP error to Slack's servers, before any person or language is known" },
  { file: 'src/messages/email.ts', text: /^must be an http\(s\) URL$/, why: 'a schema message in OutboxMessageError, for the programmer who queued a bad link' },
  { file: 'src/outbox/waiting.ts', text: /^dropped: /, why: "an outbox row's lastError, for the operator; nobody is sent it" },
];

const allowed = (f: Finding) => ALLOWED.some((a) => a.file === f.file && a.text.test(f.text));

describe('user-visible literals', () => {
  it.each(CATALOGUED_FOLDERS)('%s has no sentence outside the message catalogue', (folder) => {
    const found = scanFolder(folder)
      .map((f) => ({ ...f, file: relative(process.cwd(), f.file) }))
      .filter((f) => !allowed(f))
      .map((f) => `${f.file}:${f.line}: ${JSON.stringify(f.text)}`);
    expect(found).toEqual([]);
  });

  it('finds a sentence planted in code, in a template and in markup, and lets log lines, errors and SQL be', () => {
    const planted = `
      import { html } from './html.ts';
      export const a = 'Welcome to your new account';
      export const b = (n: number) => \`You have \${n} new invitations\`;
      export const c = html\`<p>Your password was changed</p>\`;
      export function d(log: { info(m: string): void }) {
        log.info('request failed twice');
        if (Math.random() > 2) throw new Error('this cannot happen at all');
        return sql\`SELECT id FROM users WHERE email = \${'x'}\`;
      }
      export const e = 'rights.invite.alreadyMember';
      export const f = 'max-width:40rem; margin:0 auto';
      export const g = (err: unknown, log: never) => unanswerable(err, log, 'could not publish the home');
      export class Late extends Error { constructor() { super('the notification waits a while'); } }
      export class Shown extends AppError { constructor() { super('forbidden', 'You may not do this here'); } }
    `;
    const texts = scanSource('planted.ts', planted).map((f) => f.text.trim());
    expect(texts).toEqual(['Welcome to your new account', 'You have', 'new invitations', '<p>Your password was changed</p>', 'You may not do this here']);
  });

  it('keeps its allowlist small and explained', () => {
    expect(ALLOWED.length).toBeLessThanOrEqual(8);
    for (const a of ALLOWED) expect(a.why.length).toBeGreaterThan(20);
  });
});
