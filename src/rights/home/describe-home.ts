// What a person's App Home in Slack shows, read in one transaction, by what they may see (the policy
// decides): an environment Administrator gets the environment's counts, its pending invitations, the
// people who joined by mail domain and have no organisation yet, and the last ten changes; an
// organisation administrator gets their organisations with their members; anyone else their own
// account, organisations and who their administrators are. Long lists come a page at a time.
import { z } from 'zod';
import { requireActor, type Actor } from '../core/actor.ts';
import { nowOf } from '../core/clock.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction, type Tx } from '../core/transaction.ts';
import { parseInput } from '../input.ts';
import { decide } from '../policy.ts';

/** Rows of each long list on one page of the home (a home view holds at most 100 blocks). */
export const HOME_PAGE_SIZE = 10;
/** Members listed per organisation on an organisation administrator's home. */
export const HOME_MEMBERS_SHOWN = 25;

const input = z.object({ page: z.number().int().min(0).max(10_000).default(0) });

export interface HomePerson {
  id: string;
  email: string;
  name: string | null;
  slackUserId: string | null;
}

const person = { id: true, email: true, name: true, slackUserId: true } as const;

async function environmentAdministrators(tx: Tx, environmentId: string): Promise<HomePerson[]> {
  return tx.user.findMany({ where: { environmentId, role: 'ADMINISTRATOR', status: 'ACTIVE' }, select: person, orderBy: { email: 'asc' }, take: 10 });
}

export async function describeHome(deps: RightsDeps, actor: Actor, raw: z.input<typeof input> = {}) {
  const { page } = parseInput(input, raw);
  const skip = page * HOME_PAGE_SIZE;
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'account:update');
    const environment = await tx.environment.findUniqueOrThrow({ where: { id: me.environmentId }, select: { name: true, locale: true } });
    const self = await tx.user.findUniqueOrThrow({ where: { id: me.id }, select: { ...person, role: true, locale: true } });
    const base = { me: self, environment, page, pageSize: HOME_PAGE_SIZE };
    const environmentId = me.environmentId;

    if (decide(me, 'user:invite').allowed) {
      const [active, invited, blocked, organisations] = await Promise.all([
        tx.user.count({ where: { environmentId, status: 'ACTIVE' } }),
        tx.user.count({ where: { environmentId, status: 'INVITED' } }),
        tx.user.count({ where: { environmentId, status: 'BLOCKED' } }),
        tx.organisation.count({ where: { environmentId } }),
      ]);
      const pending = await tx.user.findMany({
        where: { environmentId, status: 'INVITED' },
        select: { ...person, invitations: { where: { usedAt: null, revokedAt: null }, orderBy: { createdAt: 'desc' }, take: 1, select: { expiresAt: true, invitedById: true } } },
        orderBy: { email: 'asc' },
        skip,
        take: HOME_PAGE_SIZE,
      });
      const inviterIds = [...new Set(pending.map((u) => u.invitations[0]?.invitedById).filter((id): id is string => Boolean(id)))];
      const inviters = new Map((await tx.user.findMany({ where: { id: { in: inviterIds } }, select: person })).map((u) => [u.id, u]));
      const now = nowOf(deps).getTime();
      // Joined through the mail domain (their audit event says so), active, in no organisation.
      const joinedWhere = {
        environmentId,
        status: 'ACTIVE' as const,
        memberships: { none: {} },
        id: { in: (await tx.auditEvent.findMany({ where: { environmentId, action: 'user.auto_joined' }, select: { targetId: true }, take: 5_000 })).map((e) => e.targetId) },
      };
      const [joinedTotal, joined] = await Promise.all([
        tx.user.count({ where: joinedWhere }),
        tx.user.findMany({ where: joinedWhere, select: { ...person, createdAt: true }, orderBy: { email: 'asc' }, skip, take: HOME_PAGE_SIZE }),
      ]);
      const events = await tx.auditEvent.findMany({ where: { environmentId }, orderBy: { id: 'desc' }, take: 10, select: { action: true, actorUserId: true, actorSlackId: true, targetType: true, details: true, createdAt: true } });
      const actorIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => Boolean(id)))];
      const actors = new Map((await tx.user.findMany({ where: { id: { in: actorIds } }, select: person })).map((u) => [u.id, u]));
      return {
        kind: 'administrator' as const,
        ...base,
        counts: { active, invited, blocked, organisations },
        invitations: {
          total: invited,
          items: pending.map((u) => {
            const inv = u.invitations[0];
            return { user: { id: u.id, email: u.email, name: u.name, slackUserId: u.slackUserId }, invitedBy: inv?.invitedById ? (inviters.get(inv.invitedById) ?? null) : null, expiresAt: inv?.expiresAt ?? null, expired: !inv || inv.expiresAt.getTime() <= now };
          }),
        },
        joined: { total: joinedTotal, items: joined },
        audit: events.map((e) => ({ action: e.action, actor: e.actorUserId ? (actors.get(e.actorUserId) ?? null) : null, actorSlackId: e.actorSlackId, details: (e.details ?? {}) as Record<string, unknown>, at: e.createdAt })),
      };
    }

    const administrators = await environmentAdministrators(tx, environmentId);
    const administered = await tx.membership.findMany({ where: { userId: me.id, role: 'ADMINISTRATOR' }, select: { organisationId: true } });
    if (administered.length > 0) {
      const ids = administered.map((m) => m.organisationId);
      const orgs = await tx.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { nameKey: 'asc' }, skip, take: HOME_PAGE_SIZE });
      const organisations = await Promise.all(
        orgs.map(async (o) => {
          const [count, members] = await Promise.all([
            tx.membership.count({ where: { organisationId: o.id } }),
            tx.membership.findMany({ where: { organisationId: o.id }, select: { role: true, user: { select: { ...person, status: true } } }, orderBy: [{ role: 'desc' }, { user: { email: 'asc' } }], take: HOME_MEMBERS_SHOWN }),
          ]);
          return { ...o, memberCount: count, members: members.map((m) => ({ ...m.user, organisationRole: m.role })) };
        }),
      );
      return { kind: 'organisations' as const, ...base, administrators, organisations: { total: ids.length, items: organisations } };
    }

    const memberships = await tx.membership.findMany({
      where: { userId: me.id },
      select: { role: true, organisation: { select: { id: true, name: true, memberships: { where: { role: 'ADMINISTRATOR', user: { status: 'ACTIVE' } }, select: { user: { select: person } }, orderBy: { user: { email: 'asc' } }, take: 10 } } } },
      orderBy: { organisation: { nameKey: 'asc' } },
      take: 50,
    });
    return {
      kind: 'member' as const,
      ...base,
      role: me.role,
      administrators,
      organisations: memberships.map((m) => ({ id: m.organisation.id, name: m.organisation.name, role: m.role, administrators: m.organisation.memberships.map((a) => a.user) })),
    };
  });
}

export type HomeData = Awaited<ReturnType<typeof describeHome>>;
