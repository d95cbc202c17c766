// Several instances: three app processes on one PostgreSQL database, signed Slack commands spread
// round-robin over them, conflicting ones among them. Afterwards the rules hold as with one process:
// an active administrator remains, the organisation keeps an active organisation administrator, each
// invitation sent one email (real SMTP server), each change has one audit event; and the login
// limiter's counters are shared, so three processes do not give three times the limit.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formClient } from './registration-support.ts';
import { PASSWORD } from '../support/slack-workspace.ts';
import { runMix, startCluster, type Cluster } from './cluster-support.ts';

const COMMANDS = 150;
let cl: Cluster;

beforeAll(async () => {
  cl = await startCluster(3);
}, 180_000);
afterEach(() => cl?.fake.assertClean());
afterAll(async () => {
  await cl?.stop();
}, 60_000);

describe('three processes on one PostgreSQL', () => {
  it(`${COMMANDS} mixed commands round-robin: every rule holds, one email per invitation, one audit event per change`, async () => {
    const started = new Date();
    const { sent } = await runMix(cl, COMMANDS);
    expect(new Set(sent.map((s) => s.app))).toEqual(new Set([0, 1, 2]));
    const prisma = cl.db.prisma;
    const envId = cl.ws.environmentId;
    // at least one active administrator
    expect(await prisma.user.count({ where: { environmentId: envId, role: 'ADMINISTRATOR', status: 'ACTIVE' } })).toBeGreaterThanOrEqual(1);
    // Acme Sales had an active organisation administrator (Olga): it still has one
    const sales = await prisma.membership.findMany({ where: { organisationId: cl.ws.orgs.sales.id, role: 'ADMINISTRATOR', user: { status: 'ACTIVE' } } });
    expect(sales.length).toBeGreaterThanOrEqual(1);
    // each command did its work once: at most one audit event per request, and each change was confirmed once
    const triggers = sent.map((s) => s.triggerId);
    const audits = await prisma.auditEvent.findMany({ where: { requestId: { in: triggers } }, select: { requestId: true, action: true } });
    const perRequest = new Map<string, number>();
    for (const a of audits) perRequest.set(a.requestId!, (perRequest.get(a.requestId!) ?? 0) + 1);
    expect([...perRequest.values()].filter((n) => n > 1)).toEqual([]);
    const actions = new Set(audits.map((a) => a.action));
    for (const action of ['user.invited', 'user.role_changed', 'member.added', 'member.removed']) expect(actions).toContain(action);
    // the duplicates invited through two processes at once: each address once, with one invitation and one email
    const invitees = await prisma.user.findMany({ where: { environmentId: envId, email: { startsWith: 'c' } }, select: { id: true, email: true } });
    // (an invite by an administrator just demoted by the other is refused: not every address is invited)
    expect(invitees.length).toBeGreaterThan(0);
    expect(invitees.length).toBeLessThanOrEqual(Math.ceil(COMMANDS / 10));
    const invited = audits.filter((a) => a.action === 'user.invited');
    expect(invited).toHaveLength(invitees.length);
    expect(await prisma.invitation.count({ where: { userId: { in: invitees.map((u) => u.id) } } })).toBe(invitees.length);
    for (const u of invitees) expect(cl.smtp.messages.filter((m) => m.to.includes(u.email))).toHaveLength(1);
    // every audit event of the run belongs to a command sent (nothing done twice or by nobody)
    expect(await prisma.auditEvent.count({ where: { environmentId: envId, createdAt: { gte: started }, OR: [{ requestId: null }, { requestId: { notIn: triggers } }] } })).toBe(0);
  }, 600_000);

  it('the login limiter is shared: five failures spread over three processes refuse the sixth try at every one of them', async () => {
    const email = cl.ws.users.basic.email;
    const clients = await Promise.all(cl.apps.map((a) => formClient({ base: a.baseUrl } as never, '10.7.0.1')));
    for (let i = 0; i < 5; i++) expect((await clients[i % 3]!.post('/login', { email, password: `wrong guess ${i}` })).status).toBe(401);
    expect(await cl.db.prisma.rateLimiterFlexible.findUnique({ where: { key: `login-account:${email}` } })).toMatchObject({ points: 5 });
    for (const c of clients) expect((await c.post('/login', { email, password: PASSWORD })).status).toBe(429);
    expect(await cl.db.prisma.session.count({ where: { userId: cl.ws.users.basic.id } })).toBe(0);
  }, 120_000);
});
