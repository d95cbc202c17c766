// The questions the authorize benchmarks ask, and how a run of them is timed.
import type { Action } from '../../src/rights/index.ts';
import { organisationId, organisationOf, userId, type SeedSize } from './seed.ts';

export interface Question { user: string; action: Action; organisationId?: string }

/** A reproducible mix: members and non-members, document and member actions, some environment actions. */
export function questions(count: number, size: SeedSize): Question[] {
  let seed = 42;
  const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  const docs: Action[] = ['document:view', 'document:create', 'document:send'];
  const out: Question[] = [];
  for (let i = 0; i < count; i++) {
    const n = rnd(size.users);
    const kind = rnd(10);
    const member = organisationOf(n, rnd(3), size.organisations);
    if (kind < 5) out.push({ user: userId(n), action: docs[rnd(3)]!, organisationId: organisationId(member) });
    else if (kind < 8) out.push({ user: userId(n), action: docs[rnd(3)]!, organisationId: organisationId(rnd(size.organisations)) });
    else if (kind < 9) out.push({ user: userId(n), action: 'member:add', organisationId: organisationId(rnd(2) ? member : rnd(size.organisations)) });
    else out.push({ user: userId(n), action: 'user:invite' });
  }
  return out;
}

export interface Run { decisions: number; seconds: number; p50: number; p99: number; allowed: number }

/** Runs every question with `concurrency` in flight; per-call latency in ms. */
export async function measure(qs: Question[], concurrency: number, ask: (q: Question) => Promise<boolean>): Promise<Run> {
  const lat = new Float64Array(qs.length);
  let next = 0;
  let allowed = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < qs.length; i = next++) {
      const t0 = performance.now();
      if (await ask(qs[i]!)) allowed++;
      lat[i] = performance.now() - t0;
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  const sorted = Array.from(lat).sort((a, b) => a - b);
  return { decisions: qs.length / seconds, seconds, p50: sorted[Math.floor(sorted.length * 0.5)]!, p99: sorted[Math.floor(sorted.length * 0.99)]!, allowed };
}
