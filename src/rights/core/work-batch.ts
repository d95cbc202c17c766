// Slack work is recorded before Slack's ack (src/slack/work.ts), so the insert is on the path of every
// ack. Commands arrive in bursts (a channel, a script, twenty people at once): the rows that arrive
// while the database is busy are written together, in one INSERT, so a burst of twenty costs a couple
// of statements and commits instead of twenty. Each caller is answered only once the statement with
// its row has committed: what Slack is acknowledged is in the database.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../db/database.ts';

interface Pending {
  key: string;
  payload: string;
  resolve(recorded: boolean): void;
  reject(err: unknown): void;
}

/** At most this many rows in one statement. */
const MAX_ROWS = 50;

const batchers = new WeakMap<object, WorkBatcher>();

/** The batcher of a database client: one per client, made on first use. */
export function workBatcher(prisma: Prisma): WorkBatcher {
  let b = batchers.get(prisma);
  if (!b) {
    b = new WorkBatcher(prisma);
    batchers.set(prisma, b);
  }
  return b;
}

export class WorkBatcher {
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(private readonly prisma: Prisma) {}

  /** Inserts a SLACK_WORK row; true when recorded now, false when its key was recorded before. */
  record(key: string, payload: unknown): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ key, payload: JSON.stringify(payload), resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // After the requests that arrived together have each reached this point.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.splice(0, MAX_ROWS);
    try {
      await this.write(batch).catch(async (err) => {
        // one bad row must not refuse the others: each on its own
        if (batch.length === 1) throw err;
        await Promise.all(batch.map((p) => this.write([p]).catch((e) => p.reject(e))));
      });
    } catch (err) {
      for (const p of batch) p.reject(err);
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async write(batch: Pending[]) {
    // One parameter whatever the number of rows (Prisma prepares a statement with many parameters
    // slowly); the times are UTC, as Prisma writes them, whatever the server's time zone.
    const rows = JSON.stringify(batch.map((p) => ({ id: randomUUID(), key: p.key, payload: p.payload })));
    const inserted = await this.prisma.$queryRaw<{ dedupeKey: string }[]>`
      INSERT INTO "OutboxMessage" (id, kind, "dedupeKey", payload, "nextAttemptAt", "createdAt")
      SELECT r.id, 'SLACK_WORK', r.key, r.payload::jsonb, now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
        FROM jsonb_to_recordset(${rows}::jsonb) AS r(id text, key text, payload text)
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "dedupeKey"`;
    const fresh = new Set(inserted.map((r) => r.dedupeKey));
    // the same request twice in one statement: the first is recorded, the second was seen before
    for (const p of batch) {
      const now = fresh.delete(p.key);
      p.resolve(now);
    }
  }
}
