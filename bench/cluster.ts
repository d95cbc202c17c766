// Several instances: three app processes (src/main.ts) on one PostgreSQL database (a fresh one per run,
// on the server at 5432 or TEST_POSTGRES_URL) take 1,000 signed /econnect commands round-robin:
// invites (the same address twice through two processes at once), role changes, adds and removes,
// administrators demoting each other. Prints the acks' p50/p99, the time until all work (commands,
// confirmations, emails) is done, and whether every rule held afterwards. Timings on 2 cores are for
// information only; the rules are what must hold.
//   npm run bench:cluster            (BENCH_COMMANDS=..., BENCH_CONCURRENCY=...)
import { runMix, startCluster } from '../test/e2e/cluster-support.ts';

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 6);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)]!;

const cl = await startCluster(3);
try {
  const started = new Date();
  const { sent, totalMs } = await runMix(cl, COMMANDS, CONCURRENCY);
  const prisma = cl.db.prisma;
  const envId = cl.ws.environmentId;
  const triggers = sent.map((s) => s.triggerId);
  const audits = await prisma.auditEvent.findMany({ where: { requestId: { in: triggers } }, select: { requestId: true, action: true } });
  const perRequest = new Map<string, number>();
  for (const a of audits) perRequest.set(a.requestId!, (perRequest.get(a.requestId!) ?? 0) + 1);
  const invitees = await prisma.user.findMany({ where: { environmentId: envId, email: { startsWith: 'c' } }, select: { id: true, email: true } });
  const checks: [string, boolean][] = [
    ['an active administrator remains', (await prisma.user.count({ where: { environmentId: envId, role: 'ADMINISTRATOR', status: 'ACTIVE' } })) >= 1],
    ['Acme Sales keeps an active organisation administrator', (await prisma.membership.count({ where: { organisationId: cl.ws.orgs.sales.id, role: 'ADMINISTRATOR', user: { status: 'ACTIVE' } } })) >= 1],
    ['at most one audit event per request', [...perRequest.values()].every((n) => n === 1)],
    ['no audit event without a request of the run', (await prisma.auditEvent.count({ where: { environmentId: envId, createdAt: { gte: started }, OR: [{ requestId: null }, { requestId: { notIn: triggers } }] } })) === 0],
    ['one user.invited event per invited address', audits.filter((a) => a.action === 'user.invited').length === invitees.length],
    ['one invitation per invited address', (await prisma.invitation.count({ where: { userId: { in: invitees.map((u) => u.id) } } })) === invitees.length],
    ['one email per invited address', invitees.every((u) => cl.smtp.messages.filter((m) => m.to.includes(u.email)).length === 1)],
  ];
  const acks = sent.map((s) => s.ackMs);
  const byAction = new Map<string, number>();
  for (const a of audits) byAction.set(a.action, (byAction.get(a.action) ?? 0) + 1);
  console.log(`\n${COMMANDS} commands, ${CONCURRENCY} at a time, round-robin over 3 processes on one PostgreSQL (timings for information only on 2 cores)`);
  console.log(`ack p50 / p99: ${pct(acks, 0.5).toFixed(1)} / ${pct(acks, 0.99).toFixed(1)} ms; all work done (commands, confirmations, emails) after ${(totalMs / 1000).toFixed(1)} s (${(COMMANDS / (totalMs / 1000)).toFixed(0)} commands/s)`);
  console.log(`per process: ${[0, 1, 2].map((i) => sent.filter((s) => s.app === i).length).join(' / ')} commands`);
  console.log(`changes made (audit events): ${[...byAction].map(([k, v]) => `${k} ${v}`).join(', ')}; refused or no change: ${COMMANDS - audits.length}; invited addresses ${invitees.length}, emails ${cl.smtp.messages.filter((m) => invitees.some((u) => m.to.includes(u.email))).length}`);
  for (const [what, ok] of checks) console.log(`${ok ? 'held ' : 'BROKEN'} ${what}`);
  process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
} finally {
  await cl.stop();
}
