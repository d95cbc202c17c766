// Keeps open App Homes current: when a change shows on someone's home (an invitation made, resent or
// revoked, an activation, a role, a block, a membership: every process hears of it from the database's rights-change
// notifications, src/db/rights-changes.ts, whichever surface made it), the homes of the affected
// administrators (and of the person) are published again, if they ever opened theirs
// (SlackHomeView). Debounced: at most one publication per person every `minGapMs`, the last one
// showing the latest state; several processes hearing the same change publish it once (the claim in
// claimHomePublish); a rate-limited publication waits for Slack's Retry-After.
import type { webApi } from '@slack/bolt';
import { claimHomePublish, homeViewersAffectedBy, invitationHomeViewers, type HomeViewer } from '../../rights/index.ts';
import type { SlackContext } from '../context.ts';
import { publishHome, type PublishOptions } from './publish.ts';

export interface HomeRefresherOptions {
  /** at most one publication per person this often (views.publish is rate limited per workspace) */
  minGapMs?: number;
  /** changes heard within this long are looked up together */
  settleMs?: number;
}

interface Pending {
  viewer: HomeViewer;
  /** the latest change heard that this home does not show yet */
  heardAt: number;
  timer?: NodeJS.Timeout;
  running: boolean;
  /** this process claimed the home and Slack refused the publication (rate limit): publish it anyway */
  force?: boolean;
}

const keyOf = (v: { teamId: string; slackUserId: string }) => `${v.teamId}:${v.slackUserId}`;
/** How long the outcome of a click stays at the top of a home that is refreshed meanwhile. */
const NOTICE_MS = 60_000;

export class HomeRefresher {
  private readonly minGapMs: number;
  private readonly settleMs: number;
  private readonly pending = new Map<string, Pending>();
  private readonly notices = new Map<string, { notice: PublishOptions['notice']; until: number }>();
  private changedUsers = new Map<string, number>();
  /** users whose invitations changed: only the environment Administrators' homes show them */
  private changedInvitations = new Map<string, number>();
  private flushTimer?: NodeJS.Timeout;
  private unsubscribe?: () => void;
  private stopped = false;
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    private readonly ctx: SlackContext,
    private readonly clientFor: (teamId: string) => Promise<webApi.WebClient>,
    options: HomeRefresherOptions = {},
  ) {
    this.minGapMs = options.minGapMs ?? 3_000;
    this.settleMs = options.settleMs ?? 200;
  }

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.ctx.deps.changes?.subscribe({
      changed: (what) => {
        const [kind, id] = what.split(':');
        if ((kind === 'u' || kind === 'm') && id) this.changed(id);
        else if (kind === 'i' && id) this.invitationChanged(id);
      },
      // changes may have been missed while the feed was down; homes catch up with the next one
      lost: () => undefined,
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    clearTimeout(this.flushTimer);
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
    await Promise.allSettled([...this.running]);
  }

  /** Nothing heard is waiting to be looked up or published (for shutdown and tests). */
  idle(): boolean {
    return this.flushTimer === undefined && this.changedUsers.size === 0 && this.changedInvitations.size === 0 && this.pending.size === 0 && this.running.size === 0;
  }

  /** A change about this user (its own home, its administrators' homes). */
  changed(userId: string, heardAt = Date.now()): void {
    if (this.stopped) return;
    this.changedUsers.set(userId, Math.max(heardAt, this.changedUsers.get(userId) ?? 0));
    this.flushTimer ??= setTimeout(() => this.track(this.flush()), this.settleMs);
  }

  /** A change of this user's invitations (resent, revoked): only the environment Administrators' homes show it. */
  invitationChanged(userId: string, heardAt = Date.now()): void {
    if (this.stopped) return;
    this.changedInvitations.set(userId, Math.max(heardAt, this.changedInvitations.get(userId) ?? 0));
    this.flushTimer ??= setTimeout(() => this.track(this.flush()), this.settleMs);
  }

  /** Keeps what a click did on the clicker's home while refreshes come in. */
  noticeShown(v: { teamId: string; slackUserId: string }, notice: PublishOptions['notice']): void {
    this.notices.set(keyOf(v), { notice, until: Date.now() + NOTICE_MS });
  }

  private track<T>(p: Promise<T>): void {
    this.running.add(p);
    void p.finally(() => this.running.delete(p));
  }

  private async flush(): Promise<void> {
    this.flushTimer = undefined;
    const changed = this.changedUsers;
    const invitations = this.changedInvitations;
    this.changedUsers = new Map();
    this.changedInvitations = new Map();
    try {
      // an invitation's user changed as well (invited, revoked) is looked up once, for all its homes
      const onlyInvitations = [...invitations.keys()].filter((id) => !changed.has(id));
      const viewers = [...(await homeViewersAffectedBy(this.ctx.deps, [...changed.keys()])), ...(await invitationHomeViewers(this.ctx.deps, onlyInvitations))];
      const heardAt = Math.max(...changed.values(), ...invitations.values());
      for (const v of viewers) this.schedule(v, heardAt);
    } catch (err) {
      this.ctx.logger.warn({ err }, 'could not find the App Homes to refresh');
    }
  }

  private schedule(viewer: HomeViewer, heardAt: number, delayMs = 0): void {
    if (this.stopped) return;
    const key = keyOf(viewer);
    const p = this.pending.get(key);
    if (p) {
      p.heardAt = Math.max(p.heardAt, heardAt);
      return;
    }
    const entry: Pending = { viewer, heardAt, running: false };
    this.pending.set(key, entry);
    this.wake(key, entry, delayMs);
  }

  private wake(key: string, entry: Pending, delayMs: number): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => this.track(this.run(key, entry)), Math.max(0, delayMs));
    entry.timer.unref?.();
  }

  private async run(key: string, entry: Pending): Promise<void> {
    if (this.stopped || entry.running) return;
    entry.running = true;
    const heardAt = entry.heardAt;
    let retryAt: number | null = null;
    try {
      // a forced retry ignores that the failed attempt marked the home as computed
      const claim = await claimHomePublish(this.ctx.deps, entry.viewer, entry.force ? Number.MAX_SAFE_INTEGER : heardAt, this.minGapMs);
      if (claim.publish) {
        entry.force = false;
        const client = await this.clientFor(entry.viewer.teamId);
        const kept = this.notices.get(key);
        const notice = kept && kept.until > Date.now() ? kept.notice : undefined;
        await publishHome(this.ctx, client, entry.viewer, { claimed: true, page: claim.page, notice });
      } else {
        retryAt = claim.retryAt;
      }
    } catch (err) {
      const limited = err as { code?: string; retryAfter?: number };
      if (limited.code === 'slack_webapi_rate_limited_error') {
        retryAt = Date.now() + Math.max(1, limited.retryAfter ?? 1) * 1000;
        entry.force = true;
        this.ctx.logger.info({ slackUser: entry.viewer.slackUserId, retryAfter: limited.retryAfter }, 'App Home refresh rate limited; trying again after Retry-After');
      } else {
        this.ctx.logger.warn({ err, slackUser: entry.viewer.slackUserId }, 'could not refresh an App Home');
      }
    } finally {
      entry.running = false;
    }
    if (this.stopped) return;
    if (retryAt !== null) return this.wake(key, entry, retryAt - Date.now());
    if (entry.heardAt > heardAt) return this.wake(key, entry, 0);
    this.pending.delete(key);
  }
}
