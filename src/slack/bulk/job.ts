// A checked list of invitations, done in the background and durably: the list is recorded in the
// outbox as Slack work (kind SLACK_WORK, type 'bulk') before the administrator is answered, and the
// Slack work worker takes it in parts of about a second each, so commands of other people still get
// their turn. Each part invites its rows (each row a change of its own with the request id
// bulk:<list>:<row>, so a part taken again after a crash gives the first result back instead of
// inviting twice), then records the next part with the rows still to do and the tally so far (once,
// by its dedupe key). The administrator gets ONE message: posted by the first part (its channel and
// ts are written into the part's own row at once, so a retry updates it instead of posting another),
// updated in place at most every 3 seconds, and finally replaced by the summary.
import type { webApi } from '@slack/bolt';
import { readerLocale, t, type Locale } from '../../i18n/catalogue.ts';
import type { SlackWork } from '../../messages/index.ts';
import { type AppError, inviteBatch, inviteListed, inviterLanguage, isAppError, nowOf, queueSlackWork } from '../../rights/index.ts';
import { progressMessage, summaryMessage, type Tally } from '../blocks/bulk.ts';
import type { SlackContext } from '../context.ts';
import type { Caller } from '../identity.ts';
import type { Answerer } from '../work.ts';
import type { BulkRow } from './list.ts';

type BulkWork = Extract<SlackWork, { type: 'bulk' }>;

/** How long one part works before it hands over to the next. */
const PART_MS = 1000;
/** Rows invited one by one (known addresses, odd organisations) between two pauses for the acks. */
const ONE_BY_ONE = 5;
/** Rows invited in one transaction (inviteBatch). */
const BATCH = 50;
/** The progress message changes at most this often. */
export const UPDATE_EVERY_MS = 3000;

const partKey = (jobId: string, part: number) => `slack-work:bulk:${jobId}:${part}`.slice(0, 500);

/** Records a checked list's invitations; false when this list was recorded before (the same request twice). */
export async function queueBulkInvitation(ctx: SlackContext, job: { jobId: string; caller: Caller; teamId: string; rows: BulkRow[] }): Promise<boolean> {
  const work: BulkWork = {
    type: 'bulk',
    receivedAt: nowOf(ctx.deps).toISOString(),
    responseUrl: null,
    jobId: job.jobId,
    part: 0,
    user_id: job.caller.slackUserId,
    team_id: job.teamId,
    actorUserId: job.caller.userId,
    total: job.rows.length,
    rows: job.rows,
    tally: { invited: 0, reinvited: 0, existing: [], refused: [] },
    progress: null,
  };
  const recorded = await queueSlackWork(ctx.deps, partKey(job.jobId, 0), work);
  ctx.queued();
  return recorded;
}

/** Why a row was refused, in the administrator's language where the reason is a known one. */
function refusal(locale: Locale, err: AppError): string {
  if (err.code === 'forbidden' || err.code === 'not_authenticated') return t(locale, 'bulk.refused.forbidden');
  if (err.code === 'invalid_input' && err.field === 'email') return t(locale, 'bulk.refused.elsewhere');
  if (err.code === 'not_found' && err.field?.startsWith('organisation')) return t(locale, 'bulk.refused.organisation');
  return err.userMessage;
}

/** The Slack work worker's handler for one part of a list. */
export function bulkInvitationWork(ctx: SlackContext) {
  return async (work: BulkWork, _answer: Answerer, client: webApi.WebClient, id: string): Promise<void> => {
    const logger = ctx.logger.child({ bulk: work.jobId, part: work.part });
    const language = await inviterLanguage(ctx.deps, work.actorUserId);
    const locale = readerLocale({ locale: language.environment }, { locale: language.user });
    const tally: Tally = structuredClone(work.tally);
    let progress = work.progress;
    if (!progress) {
      const posted = await client.chat.postMessage({ channel: work.user_id, ...progressMessage(locale, work.total, tally) } as never);
      progress = { channel: posted.channel!, ts: posted.ts!, updatedAt: new Date().toISOString() };
      // At once: a retry of this part updates this message instead of posting a second one.
      await ctx.deps.prisma.outboxMessage.update({ where: { id }, data: { payload: { ...work, progress } as never } });
    }
    const actor = { userId: work.actorUserId, slackUserId: work.user_id };
    const started = Date.now();
    const refuse = (row: { email: string }, err: unknown) => {
      // anything but a refusal (the database went away): this part is taken again; rows done replay
      if (!isAppError(err)) throw err;
      tally.refused.push({ email: row.email, reason: refusal(locale, err).slice(0, 600) });
    };
    // Other people's requests go first: the queries of a part resolve one after another without
    // letting a waiting request in (and PGlite runs its SQL on this thread), so between steps the part
    // lets the event loop turn and waits while a Slack request waits for its ack.
    const breathe = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      await ctx.quiet?.();
    };
    // Batches of BATCH rows from the start of the part (so a batch is the same rows however often the
    // part is taken again), as long as the part has time left.
    let i = 0;
    while (i < work.rows.length && (i === 0 || Date.now() - started < PART_MS)) {
      if (i > 0) await breathe();
      const batch = work.rows.slice(i, i + BATCH);
      i += batch.length;
      let left: number[];
      try {
        const done = await inviteBatch(ctx.deps, { ...actor, requestId: `bulk:${work.jobId}:batch:${batch[0]!.line}` }, batch);
        tally.invited += done.invited.length;
        left = done.left;
      } catch (err) {
        for (const row of batch) refuse(row, err);
        continue;
      }
      // the rest one by one: known addresses (invited again, already a user, elsewhere), odd organisations
      for (const [n, at] of left.entries()) {
        if (n % ONE_BY_ONE === ONE_BY_ONE - 1) await breathe();
        const row = batch[at]!;
        try {
          const outcome = await inviteListed(ctx.deps, { ...actor, requestId: `bulk:${work.jobId}:${row.line}` }, row);
          if (outcome === 'existing') tally.existing.push(row.email);
          else tally[outcome]++;
        } catch (err) {
          refuse(row, err);
        }
      }
    }
    const rest = work.rows.slice(i);
    const shown = progress;
    const since = () => Date.now() - Date.parse(shown.updatedAt);
    if (rest.length === 0 && since() >= UPDATE_EVERY_MS) {
      await show(client, progress, summaryMessage(locale, work.total, tally));
      logger.info({ total: work.total, invited: tally.invited, reinvited: tally.reinvited, existing: tally.existing.length, refused: tally.refused.length }, 'list of invitations done');
      return;
    }
    if (rest.length === 0 && work.rows.length === 0) {
      // Only the summary is left, and the last update was less than 3 s ago: wait for Slack's pace
      // (the outbox postpones this part without counting it as a failed attempt).
      throw Object.assign(new Error('the summary waits until 3 s after the last update'), { waitMs: UPDATE_EVERY_MS - since() });
    }
    const next = rest.length > 0 && since() >= UPDATE_EVERY_MS ? await show(client, shown, progressMessage(locale, work.total, tally)) : shown;
    await queueSlackWork(ctx.deps, partKey(work.jobId, work.part + 1), { ...work, part: work.part + 1, rows: rest, tally, progress: next });
    ctx.queued();
  };
}

/** Updates the progress message in place; when it is gone (deleted), posts it again. Returns where it is now. */
async function show(client: webApi.WebClient, at: NonNullable<BulkWork['progress']>, message: { text: string; blocks: unknown[] }) {
  try {
    await client.chat.update({ channel: at.channel, ts: at.ts, ...message } as never);
    return { ...at, updatedAt: new Date().toISOString() };
  } catch (err) {
    const code = (err as { data?: { error?: string } }).data?.error;
    if (code !== 'message_not_found' && code !== 'cant_update_message') throw err;
    const posted = await client.chat.postMessage({ channel: at.channel, ...message } as never);
    return { channel: posted.channel!, ts: posted.ts!, updatedAt: new Date().toISOString() };
  }
}
