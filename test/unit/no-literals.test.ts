// No user-visible sentence is written in code: every text people read on the pages, in the emails
// and in the rights service's messages comes from the message catalogue (src/i18n/messages). The scan
// (test/support/literal-scan.ts) finds string literals and template texts that read like prose.
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Finding, scanFolder, scanSource } from '../support/literal-scan.ts';

/** The folders whose texts must all come from the catalogue; src/slack joins when its texts are in it. */
const CATALOGUED_FOLDERS = ['src/web', 'src/mail', 'src/rights'] as const;

/** Prose that people never read, by file, with the reason. Keep it small. */
const ALLOWED: { file: string; text: RegExp; why: string }[] = [
  { file: 'src/rights/policy.ts', text: /./, why: "Decision.reason: the rights API's English reason (JSON contract) and the audit trail; people read rights.reason.*" },
  { file: 'src/rights/authorization/authorize.ts', text: /^unknown (user|organisation)$/, why: "the rights API's English reason (JSON contract)" },
  { file: 'src/rights/passwords/request-password-reset.ts', text: /^the invited person \(forgotten password\)$/, why: 'a detail of an audit event, not shown to anyone' },
  { file: 'src/web/server.ts', text: /^(trust proxy|unreachable or migrations pending)$/, why: "an express setting's name; /readyz's answer to the load balancer" },
  { file: 'src/web/account/rate-limits.ts', text: /^too many attempts$/, why: "TooManyAttempts's Error message, for logs; the pages say web.common.tooMany" },
  { file: 'src/web/csrf.ts', text: /^invalid form token$/, why: "csrf-csrf's internal error; the page says its own words (respond.ts)" },
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
    `;
    const texts = scanSource('planted.ts', planted).map((f) => f.text.trim());
    expect(texts).toEqual(['Welcome to your new account', 'You have', 'new invitations', '<p>Your password was changed</p>']);
  });

  it('keeps its allowlist small and explained', () => {
    expect(ALLOWED.length).toBeLessThanOrEqual(8);
    for (const a of ALLOWED) expect(a.why.length).toBeGreaterThan(20);
  });
});
