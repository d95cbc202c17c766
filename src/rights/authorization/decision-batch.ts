// What a decision needs, found with one indexed look-up: the user (by id or email) with at most one
// membership row and the organisation, joined in the same query.
import type { EnvironmentRole, OrganisationRole, UserStatus } from '../../generated/prisma/enums.ts';
import type { RightsDeps } from '../core/deps.ts';

export interface DecisionRow {
  id: string;
  status: UserStatus;
  role: EnvironmentRole;
  environmentId: string;
  organisationRole: OrganisationRole | null;
  organisationEnvironmentId: string | null;
  /** the role's end and the role it falls back to (src/rights/access) */
  roleUntil: Date | null;
  roleBefore: EnvironmentRole | null;
  /** the membership's end */
  membershipUntil: Date | null;
}

// Questions asked in the same turn of the event loop (the rights API and the surfaces under load) are
// answered by one query for all of them: one hand-written query, the user with their membership of O
// and O's environment, per question. Measured with bench/rights.ts on 100,000 users: Prisma's nested
// relation query gave ~300 decisions/s, one raw query per question ~1,700 (Prisma's client work per
// query dominates), the batch several thousand. A question asked alone still waits for nothing.
interface Pending {
  userId: string | null;
  email: string | null;
  organisationId: string | null;
  resolve(row: DecisionRow | undefined): void;
  reject(err: unknown): void;
}

const MAX_BATCH = 500;
/** Batch queries running at once per client; questions arriving meanwhile wait and go together. */
const MAX_IN_FLIGHT = 8;

interface Batcher { queue: Pending[]; inFlight: number; scheduled: boolean }
const batchers = new WeakMap<RightsDeps['prisma'], Batcher>();

export function lookUpForDecision(prisma: RightsDeps['prisma'], userId: string | null, email: string | null, organisationId: string | null) {
  let batcher = batchers.get(prisma);
  if (!batcher) {
    batcher = { queue: [], inFlight: 0, scheduled: false };
    batchers.set(prisma, batcher);
  }
  return new Promise<DecisionRow | undefined>((resolve, reject) => {
    batcher.queue.push({ userId, email, organisationId, resolve, reject });
    schedule(prisma, batcher);
  });
}

function schedule(prisma: RightsDeps['prisma'], b: Batcher) {
  if (b.scheduled || b.inFlight >= MAX_IN_FLIGHT || b.queue.length === 0) return;
  b.scheduled = true;
  setImmediate(() => {
    b.scheduled = false;
    while (b.queue.length > 0 && b.inFlight < MAX_IN_FLIGHT) {
      const batch = b.queue.splice(0, MAX_BATCH);
      b.inFlight++;
      void answer(prisma, batch).finally(() => {
        b.inFlight--;
        schedule(prisma, b);
      });
    }
  });
}

async function answer(prisma: RightsDeps['prisma'], batch: Pending[]) {
  try {
    const rows = await prisma.$queryRaw<(DecisionRow & { i: number })[]>`
      SELECT q.i::int AS i, u.id, u.status::text AS status, u.role::text AS role, u."environmentId",
             u."roleUntil", u."roleBefore"::text AS "roleBefore",
             m.role::text AS "organisationRole", m.until AS "membershipUntil", o."environmentId" AS "organisationEnvironmentId"
      FROM unnest(${batch.map((p) => p.userId)}::text[], ${batch.map((p) => p.email)}::text[], ${batch.map((p) => p.organisationId)}::text[])
           WITH ORDINALITY AS q(uid, email, org, i)
      CROSS JOIN LATERAL (SELECT x.id, x.status, x.role, x."environmentId", x."roleUntil", x."roleBefore" FROM "User" x WHERE x.id = COALESCE(q.uid, (SELECT e.id FROM "User" e WHERE e.email = q.email)) LIMIT 1) u
      LEFT JOIN LATERAL (SELECT x.role, x.until FROM "Membership" x WHERE x."userId" = u.id AND x."organisationId" = q.org LIMIT 1) m ON true
      LEFT JOIN LATERAL (SELECT x."environmentId" FROM "Organisation" x WHERE x.id = q.org LIMIT 1) o ON true`;
    // LATERAL ... LIMIT 1 keeps every lookup an index probe per question, whatever the batch size.
    const byIndex = new Map(rows.map((r) => [r.i, r]));
    for (const [i, p] of batch.entries()) p.resolve(byIndex.get(i + 1));
  } catch (err) {
    for (const p of batch) p.reject(err);
  }
}
