// Delivers queued emails and Slack notifications. Safe to run in several processes at once (claims
// are leased rows, see store.ts). A failure is retried with back-off; a permanent failure, or the
// last allowed attempt, marks the message FAILED and reports it to the environment's administrators.
import type { Prisma } from '../db/database.ts';
import type { Logger } from '../log.ts';
import { retryDelayMs, isPermanent } from './backoff.ts';
import { reportFailure } from './report-failure.ts';
import { claimDue, extendLease, markFailed, markSent, postpone, reschedule, type ClaimedMessage, type OutboxKind } from './store.ts';
import { releaseWaiting } from './waiting.ts';

// The worker hands each delivery the payload it stored; the delivery checks it against its own contract.
export type Deliver = (payload: never, messageId: string, environmentId: string | null) => Promise<unknown>;

export interface OutboxWorkerOptions {
  prisma: Prisma;
  logger: Logger;
  deliverEmail?: Deliver;
  /** unset while Slack is not configured: SLACK messages then wait, PENDING */
  deliverSlack?: Deliver;
  /** Slack work done after its ack (src/slack/work.ts) */
  deliverWork?: Deliver;
  /** the kinds this worker takes; by default emails, and Slack notifications when deliverSlack is set */
  kinds?: OutboxKind[];
  batchSize?: number;
  pollIntervalMs?: number;
  /**
   * How long a claim holds without news. Renewed every third of it while a delivery runs, so it can be
   * short: after a crash, the dead process's messages are taken again this soon.
   */
  leaseMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** how often WAITING Slack notifications are looked at (released once someone can get them) */
  releaseIntervalMs?: number;
  /**
   * Resolves once no request waits for its answer (Slack's acks), briefly at most: a round, and each
   * message of it, starts only then, so work shares the thread with a burst of requests only after
   * they were answered.
   */
  quiet?: () => Promise<void>;
}

export interface OutboxWorker {
  start(): void;
  /** finishes the deliveries in flight, then stops */
  stop(): Promise<void>;
  /** one claim-and-deliver round; returns how many messages it handled */
  runOnce(): Promise<number>;
  /** something was just queued: look now instead of after the poll interval */
  nudge(): void;
}

export const outboxDefaults = {
  batchSize: 10,
  pollIntervalMs: 500,
  leaseMs: 15_000,
  // 1 s, 2 s, 4 s ... capped at 5 minutes: about half an hour of trying before giving up.
  maxAttempts: 12,
  baseDelayMs: 1_000,
  maxDelayMs: 300_000,
  releaseIntervalMs: 2_000,
};

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 500);

export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const o = { ...outboxDefaults, ...options };
  const log = o.logger.child({ component: 'outbox' });
  const kinds: OutboxKind[] = o.kinds ?? (o.deliverSlack ? ['EMAIL', 'SLACK'] : ['EMAIL']);
  const deliveries: Record<OutboxKind, Deliver | undefined> = { EMAIL: o.deliverEmail, SLACK: o.deliverSlack, SLACK_WORK: o.deliverWork };
  let running = false;
  let loop: Promise<void> | null = null;
  let wake: (() => void) | null = null;
  let nudged = false;
  let releaser: ReturnType<typeof setInterval> | null = null;
  let releasing: Promise<void> | null = null;

  async function handle(m: ClaimedMessage) {
    const deliver = deliveries[m.kind];
    try {
      if (!deliver) throw new Error('no delivery for this kind of message');
      await deliver(m.payload as never, m.id, m.environmentId);
    } catch (err) {
      await failed(m, err);
      return;
    }
    await markSent(o.prisma, m.id);
    log.debug({ messageId: m.id, kind: m.kind }, 'message delivered');
  }

  async function failed(m: ClaimedMessage, err: unknown) {
    const error = errorText(err);
    // Nothing to deliver through yet (the environment's Slack workspace is not connected, or Slack asked
    // that workspace to wait before calling this method again): the message waits without using up its
    // attempts, and goes out once a workspace is connected again, or once the Retry-After has passed.
    const waitMs = (err as { waitMs?: unknown } | null)?.waitMs;
    if (typeof waitMs === 'number') {
      await postpone(o.prisma, m.id, waitMs, error);
      log.info({ messageId: m.id, kind: m.kind, retryInMs: waitMs, error }, 'delivery waits');
      return;
    }
    const attempt = m.attempts + 1;
    if (!isPermanent(err) && attempt < o.maxAttempts) {
      const delay = retryDelayMs(attempt, err, o);
      await reschedule(o.prisma, m.id, delay, error);
      log.warn({ messageId: m.id, kind: m.kind, attempt, retryInMs: delay, error }, 'delivery failed; will retry');
      return;
    }
    await o.prisma.$transaction(async (tx) => {
      if (await markFailed(tx, m.id, error)) await reportFailure(tx, m, error, { slackAvailable: Boolean(o.deliverSlack) });
    });
    log.error({ messageId: m.id, kind: m.kind, attempt, error }, 'delivery failed for good; reported to the administrators');
  }

  async function runOnce(): Promise<number> {
    nudged = false;
    // A macrotask boundary first: on PGlite (SQL on this thread) requests waiting to be read and
    // acknowledged go before the next round of work.
    await new Promise((resolve) => setImmediate(resolve));
    await o.quiet?.();
    const batch = await claimDue(o.prisma, { limit: o.batchSize, leaseMs: o.leaseMs, kinds });
    const inFlight = new Set(batch.map((m) => m.id));
    const renew = setInterval(() => {
      extendLease(o.prisma, [...inFlight], o.leaseMs).catch((err) => log.warn({ error: errorText(err) }, 'could not renew the outbox lease'));
    }, Math.max(100, Math.floor(o.leaseMs / 3)));
    // Each message on its own: one slow or failing recipient does not hold back the others. Each
    // starts only once the requests in flight were answered (work gives way to acks).
    let gate = Promise.resolve();
    const turn = (i: number) => {
      if (i > 0 && o.quiet) gate = gate.then(o.quiet);
      return gate;
    };
    await Promise.all(
      batch.map((m, i) =>
        turn(i).then(() => handle(m))
          .catch((err) => {
            // Bookkeeping failed (database gone): the lease runs out and the message is taken again.
            log.error({ messageId: m.id, error: errorText(err) }, 'could not record the delivery result');
          })
          .finally(() => inFlight.delete(m.id)),
      ),
    ).finally(() => clearInterval(renew));
    return batch.length;
  }

  // Waiting Slack notifications are looked at on their own timer, so a delivery that hangs (a mail
  // server that does not answer) does not keep them waiting. Only with Slack: without it they have
  // nowhere to go anyway.
  function releaseRound() {
    if (releasing || !o.deliverSlack || !kinds.includes('SLACK')) return;
    releasing = releaseWaiting(o.prisma)
      .then((decided) => {
        if (decided.released || decided.dropped) log.info(decided, 'waiting Slack notifications released or dropped');
      })
      .catch((err) => log.warn({ error: errorText(err) }, 'could not look at the waiting Slack notifications; trying again shortly'))
      .finally(() => {
        releasing = null;
      });
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => { wake = null; resolve(); }, ms);
      wake = () => { clearTimeout(t); wake = null; resolve(); };
    });

  async function run() {
    while (running) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        log.error({ error: errorText(err) }, 'outbox round failed; trying again shortly');
      }
      if (running && handled < o.batchSize && !nudged) await pause(o.pollIntervalMs);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
      releaseRound();
      releaser = setInterval(releaseRound, o.releaseIntervalMs);
    },
    async stop() {
      running = false;
      if (releaser) clearInterval(releaser);
      releaser = null;
      wake?.();
      await releasing;
      await loop;
      loop = null;
    },
    runOnce,
    nudge() {
      nudged = true;
      wake?.();
    },
  };
}
