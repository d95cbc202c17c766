// The App Home's Block Kit stays within Slack's limits with the longest values a page can hold: at most
// 100 blocks, section texts of at most 3000 characters, buttons of at most 75, unique block ids.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/catalogue.ts';
import type { HomeData } from '../../src/rights/index.ts';
import { renderHome } from '../../src/slack/home/render.ts';

const long = (n: number, c = 'x') => c.repeat(n);
const person = (i: number) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, email: `${long(60, 'e')}${i}@${long(180, 'd')}.nl`, name: `${long(195, 'N')}${i}`, slackUserId: null });
const environment = { name: long(100, 'E'), locale: 'en' };
const me = { ...person(0), role: 'ADMINISTRATOR' as const, locale: null };

function limits(blocks: any[]) {
  expect(blocks.length).toBeLessThanOrEqual(100);
  const ids = blocks.map((b) => b.block_id).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
  for (const b of blocks) {
    if (b.type === 'section' && b.text) expect([...b.text.text].length).toBeLessThanOrEqual(3000);
    if (b.type === 'header') expect([...b.text.text].length).toBeLessThanOrEqual(150);
    for (const e of b.elements ?? []) if (e.type === 'button') expect([...e.text.text].length).toBeLessThanOrEqual(75);
  }
}

describe('renderHome within Slack limits', () => {
  for (const locale of ['en', 'nl'] as const) {
    it(`an administrator's full page (${locale})`, () => {
      const people = Array.from({ length: 10 }, (_, i) => person(i + 1));
      const data: HomeData = {
        kind: 'administrator', me, environment, page: 3, pageSize: 10,
        counts: { active: 12_345, invited: 678, blocked: 9, organisations: 4_321 },
        invitations: { total: 678, items: people.map((p, i) => ({ user: p, invitedBy: person(99), expiresAt: new Date(), expired: i % 2 === 0 })) },
        joined: { total: 200, items: people.map((p) => ({ ...p, createdAt: new Date() })) },
        audit: people.map((p) => ({ action: 'member.added', actor: p, actorSlackId: null, details: { email: p.email, organisation: long(100, 'O') }, at: new Date() })),
      };
      const view = renderHome(translator(locale), data, '/econnect', { ok: false, text: long(5000, '!') });
      limits(view.blocks as any[]);
      expect(JSON.stringify(view)).toContain('"home_page"');
    });

    it(`an organisation administrator's full page (${locale})`, () => {
      const members = Array.from({ length: 25 }, (_, i) => ({ ...person(i + 1), status: 'ACTIVE' as const, organisationRole: 'MEMBER' as const }));
      const data: HomeData = {
        kind: 'organisations', me, environment, page: 0, pageSize: 10,
        administrators: [person(98), person(99)],
        organisations: { total: 30, items: Array.from({ length: 10 }, (_, i) => ({ id: `org-${i}`, name: long(100, 'O'), memberCount: 1_000, members })) },
      };
      const view = renderHome(translator(locale), data, '/econnect');
      limits(view.blocks as any[]);
      expect(JSON.stringify(view)).toContain(locale === 'en' ? '975 more members are not shown here.' : '975 andere leden staan hier niet.');
    });
  }
});
