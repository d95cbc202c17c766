// Who has opened the app's Home tab in Slack (SlackHomeView): remembered when they open it, so that a
// change that shows on a home re-publishes only the homes of people who look at them, on their page.
// Not a change of rights: nothing here is audited.
import type { RightsDeps } from '../core/deps.ts';

export interface HomeViewer {
  teamId: string;
  slackUserId: string;
  page: number;
}

const key = (v: { teamId: string; slackUserId: string }) => ({ teamId_slackUserId: { teamId: v.teamId, slackUserId: v.slackUserId } });

/** Remembers that a Slack user opened their home; returns the page they were on (0 the first time). */
export async function rememberHomeView(deps: RightsDeps, v: { teamId: string; slackUserId: string; userId: string | null; environmentId: string | null }): Promise<HomeViewer> {
  const row = await deps.prisma.slackHomeView.upsert({
    where: key(v),
    create: { teamId: v.teamId, slackUserId: v.slackUserId, userId: v.userId, environmentId: v.environmentId },
    update: { userId: v.userId, environmentId: v.environmentId, openedAt: new Date() },
    select: { teamId: true, slackUserId: true, page: true },
  });
  return row;
}

/** The page a viewer turned to (Next / Previous). */
export async function setHomePage(deps: RightsDeps, v: { teamId: string; slackUserId: string }, page: number): Promise<void> {
  await deps.prisma.slackHomeView.updateMany({ where: { teamId: v.teamId, slackUserId: v.slackUserId }, data: { page: Math.max(0, Math.min(page, 10_000)) } });
}

/**
 * The homes a change about these users shows on: their own, and those of the administrators of their
 * environments (environment Administrators, and organisation administrators, whose lists of members
 * a membership change alters even after the membership is gone).
 */
export async function homeViewersAffectedBy(deps: RightsDeps, userIds: string[]): Promise<HomeViewer[]> {
  if (userIds.length === 0) return [];
  const environments = await deps.prisma.user.findMany({ where: { id: { in: userIds } }, select: { environmentId: true } });
  const environmentIds = [...new Set(environments.map((u) => u.environmentId))];
  return deps.prisma.slackHomeView.findMany({
    where: {
      OR: [
        { userId: { in: userIds } },
        {
          environmentId: { in: environmentIds },
          user: { status: 'ACTIVE', OR: [{ role: 'ADMINISTRATOR' }, { memberships: { some: { role: 'ADMINISTRATOR' } } }] },
        },
      ],
    },
    select: { teamId: true, slackUserId: true, page: true },
    take: 1_000,
  });
}

/** The homes a change of these users' invitations shows on (a resend, which no user row shows): the environment Administrators'. */
export async function invitationHomeViewers(deps: RightsDeps, userIds: string[]): Promise<HomeViewer[]> {
  if (userIds.length === 0) return [];
  const environments = await deps.prisma.user.findMany({ where: { id: { in: userIds } }, select: { environmentId: true } });
  const environmentIds = [...new Set(environments.map((u) => u.environmentId))];
  if (environmentIds.length === 0) return [];
  return deps.prisma.slackHomeView.findMany({
    where: { environmentId: { in: environmentIds }, user: { status: 'ACTIVE', role: 'ADMINISTRATOR' } },
    select: { teamId: true, slackUserId: true, page: true },
    take: 1_000,
  });
}

export type HomeClaim = { publish: true; page: number } | { publish: false; retryAt: number | null };

/**
 * Claims the right to publish one home for a change heard at `heardAt` (ms). Nobody needs to when the
 * home was computed after that (by another process, or by the click that made the change): then
 * `retryAt` is null. Within `minGapMs` of the last publication it must wait until `retryAt`. The
 * claim is a conditional update, so of several processes hearing the same change one publishes.
 */
export async function claimHomePublish(deps: RightsDeps, v: { teamId: string; slackUserId: string }, heardAt: number, minGapMs: number, now = Date.now()): Promise<HomeClaim> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = await deps.prisma.slackHomeView.findUnique({ where: key(v), select: { publishedAt: true, page: true } });
    if (!row) return { publish: false, retryAt: null };
    const last = row.publishedAt?.getTime() ?? null;
    if (last !== null && last >= heardAt) return { publish: false, retryAt: null };
    if (last !== null && now - last < minGapMs) return { publish: false, retryAt: last + minGapMs };
    const { count } = await deps.prisma.slackHomeView.updateMany({ where: { teamId: v.teamId, slackUserId: v.slackUserId, publishedAt: row.publishedAt }, data: { publishedAt: new Date(now) } });
    if (count === 1) return { publish: true, page: row.page };
  }
  return { publish: false, retryAt: null };
}

/** Marks a home as computed now, whatever came before (an open, a click): returns its page. */
export async function markHomePublished(deps: RightsDeps, v: { teamId: string; slackUserId: string }, now = Date.now()): Promise<number | null> {
  const row = await deps.prisma.slackHomeView.update({ where: key(v), data: { publishedAt: new Date(now) }, select: { page: true } }).catch(() => null);
  return row?.page ?? null;
}
