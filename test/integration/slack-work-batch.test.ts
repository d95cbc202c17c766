// Slack work recorded before the ack: requests that arrive together are written in one statement,
// each caller told whether its request was recorded now or before, on PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue } from '../../src/outbox/store.ts';
import { queueSlackWork } from '../../src/rights/index.ts';
import type { SlackWork } from '../../src/messages/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';

let t: OpenTestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t.close();
});

const command = (trigger: string): SlackWork => ({
  type: 'command',
  receivedAt: new Date().toISOString(),
  responseUrl: 'https://hooks.slack.com/commands/T1/1/abc',
  command: { command: '/econnect', text: `invite ${trigger}@example.test`, user_id: 'U1', team_id: 'T1', channel_id: 'C1', trigger_id: trigger },
});

describe('queueSlackWork', () => {
  it('records a burst of requests, each once, repeats within the burst and after it included', async () => {
    const tag = `burst-${Date.now()}`;
    const keys = Array.from({ length: 30 }, (_, i) => `${tag}:${i}`);
    // 30 requests at once, the first five delivered twice in the same burst
    const first = await Promise.all([...keys, ...keys.slice(0, 5)].map((k) => queueSlackWork(t.deps, k, command(k.replace(':', '-')))));
    expect(first.slice(0, 30)).toEqual(keys.map(() => true));
    expect(first.slice(30)).toEqual([false, false, false, false, false]);
    // delivered again later: seen before
    expect(await Promise.all(keys.slice(0, 3).map((k) => queueSlackWork(t.deps, k, command(k.replace(':', '-')))))).toEqual([false, false, false]);

    const rows = await t.db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: tag } } });
    expect(rows).toHaveLength(30);
    for (const r of rows) {
      expect(r).toMatchObject({ kind: 'SLACK_WORK', status: 'PENDING', attempts: 0, environmentId: null });
      expect((r.payload as { command: { trigger_id: string } }).command.trigger_id).toBe(r.dedupeKey.replace(':', '-'));
      // UTC, as Prisma writes times: due now, not hours off
      expect(Math.abs(r.nextAttemptAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(Math.abs(r.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    }
    // due at once for the worker
    const claimed = await claimDue(t.db.prisma, { limit: 100, leaseMs: 5_000, kinds: ['SLACK_WORK'] });
    expect(claimed.filter((m) => m.dedupeKey.startsWith(tag))).toHaveLength(30);
  });

  it('refuses work that does not match its contract and records nothing', async () => {
    const bad = { ...command('bad-1'), responseUrl: 'not a url' } as SlackWork;
    await expect(async () => queueSlackWork(t.deps, 'bad-1', bad)).rejects.toThrow(/does not match its schema/);
    expect(await t.db.prisma.outboxMessage.count({ where: { dedupeKey: 'bad-1' } })).toBe(0);
  });
});
