// Housekeeping removes only rows that stopped mattering more than a day ago.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../src/rights/secrets.ts';
import { sweepExpired } from '../../src/rights/index.ts';
import { openTestDatabase, type OpenTestDatabase } from '../support/database.ts';
import { newActiveUser, newEnvironment } from '../support/factories.ts';

let t: OpenTestDatabase;
beforeAll(async () => { t = await openTestDatabase(); });
afterAll(async () => { await t?.close(); });

const HOUR = 3600_000;

describe('sweepExpired', () => {
  it('deletes old verifications, forgotten-password links, ended sessions and request ids, and keeps everything else', async () => {
    const p = t.db.prisma;
    const now = Date.now();
    const at = (offsetHours: number) => new Date(now + offsetHours * HOUR);
    const { admin, domain } = await newEnvironment(t.deps);
    const bob = await newActiveUser(t.deps, admin, `bob@${domain}`);
    const verification = (expiresAt: Date, usedAt: Date | null = null) =>
      p.emailVerification.create({ data: { email: `x${newToken().slice(0, 6)}@${domain}`, tokenHash: hashToken(newToken()), expiresAt, usedAt } });
    const session = (expiresAt: Date, revokedAt: Date | null = null) =>
      p.session.create({ data: { userId: bob.userId, tokenHash: hashToken(newToken()), expiresAt, revokedAt } });

    const reset = (expiresAt: Date, usedAt: Date | null = null, revokedAt: Date | null = null) =>
      p.passwordReset.create({ data: { userId: bob.userId, tokenHash: hashToken(newToken()), expiresAt, usedAt, revokedAt } });
    await reset(at(-30));
    await reset(at(-20), at(-25));
    await reset(at(-20), null, at(-26));
    const liveReset = await reset(at(1));
    const recentlyUsedReset = await reset(at(-1), at(-2));

    const oldExpired = await verification(at(-30));
    const oldUsed = await verification(at(10), at(-25));
    const recentExpired = await verification(at(-2));
    const live = await verification(at(20));
    const oldSession = await session(at(-48));
    const revokedLongAgo = await session(at(5), at(-26));
    const liveSession = await session(at(10));
    await p.idempotencyKey.create({ data: { key: 'old', result: true, createdAt: at(-30) } });
    await p.idempotencyKey.create({ data: { key: 'fresh', result: true } });
    const invitations = await p.invitation.count();
    const audits = await p.auditEvent.count();

    const removed = await sweepExpired(t.deps);
    expect(removed).toEqual({ verifications: 2, passwordResets: 3, sessions: 2, requestIds: 1, rateLimitCounters: 0 });
    expect((await p.passwordReset.findMany({ select: { id: true } })).map((r) => r.id).sort()).toEqual([liveReset.id, recentlyUsedReset.id].sort());

    const keptVerifications = (await p.emailVerification.findMany({ select: { id: true } })).map((r) => r.id).sort();
    expect(keptVerifications).toEqual([recentExpired.id, live.id].sort());
    expect(keptVerifications).not.toContain(oldExpired.id);
    expect(keptVerifications).not.toContain(oldUsed.id);
    const keptSessions = (await p.session.findMany({ select: { id: true } })).map((r) => r.id);
    expect(keptSessions).toEqual([liveSession.id]);
    expect(keptSessions).not.toContain(oldSession.id);
    expect(keptSessions).not.toContain(revokedLongAgo.id);
    expect((await p.idempotencyKey.findMany()).map((k) => k.key)).toEqual(['fresh']);
    expect(await p.invitation.count()).toBe(invitations);
    expect(await p.auditEvent.count()).toBe(audits);
  });
});
