// Reading the environment: users, organisations, members, pending invitations (paged by cursor).
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import { requireActor, type Actor } from './core/actor.ts';
import { nowOf } from './core/clock.ts';
import type { RightsDeps } from './core/deps.ts';
import { requireOrganisation, requireUser } from './core/targets.ts';
import { transaction } from './core/transaction.ts';
import { idSchema, parseInput } from './input.ts';

const page = {
  query: z.string().max(200, 'Search for at most 200 characters.').optional(),
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(25),
};

const userListInput = z.object({ ...page, status: z.enum(['INVITED', 'ACTIVE', 'BLOCKED', 'REMOVED']).optional() });

const userRow = { id: true, email: true, name: true, role: true, status: true, slackUserId: true } as const;

/** Case-insensitive contains on the given fields; LIKE wildcards typed by people are literal. */
// Prisma passes `contains` to ILIKE as is, so %, _ and \ are escaped here (backslash is ILIKE's escape).
export const contains = (q: string) => ({ contains: q.trim().replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const });

export async function listUsers(deps: RightsDeps, actor: Actor, raw: z.input<typeof userListInput> = {}) {
  const data = parseInput(userListInput, raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'directory:read');
    const where: Prisma.UserWhereInput = {
      environmentId: me.environmentId,
      ...(data.status ? { status: data.status } : { status: { not: 'REMOVED' } }),
      ...(data.query?.trim() ? { OR: [{ email: contains(data.query) }, { name: contains(data.query) }] } : {}),
    };
    const items = await tx.user.findMany({
      where,
      select: userRow,
      orderBy: { email: 'asc' },
      take: data.limit + 1,
      ...(data.cursor ? { cursor: { email: data.cursor }, skip: 1 } : {}),
    });
    const more = items.length > data.limit;
    const rows = items.slice(0, data.limit);
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.email : null };
  });
}

const orgListInput = z.object(page);

export async function listOrganisations(deps: RightsDeps, actor: Actor, raw: z.input<typeof orgListInput> = {}) {
  const data = parseInput(orgListInput, raw);
  return transaction(deps, async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.userId }, select: { role: true, status: true, environmentId: true } });
    // Everyone active sees the organisations they belong to; advanced users and administrators see all.
    const all = me && me.status === 'ACTIVE' && me.role !== 'BASIC';
    if (!me || me.status !== 'ACTIVE') await requireActor(tx, actor, 'directory:read');
    const where: Prisma.OrganisationWhereInput = {
      environmentId: me!.environmentId,
      ...(all ? {} : { memberships: { some: { userId: actor.userId } } }),
      ...(data.query?.trim() ? { name: contains(data.query) } : {}),
    };
    const items = await tx.organisation.findMany({
      where,
      select: { id: true, name: true, kvkNumber: true, _count: { select: { memberships: true } } },
      orderBy: { nameKey: 'asc' },
      take: data.limit + 1,
      ...(data.cursor ? { cursor: { id: data.cursor }, skip: 1 } : {}),
    });
    const more = items.length > data.limit;
    const rows = items.slice(0, data.limit).map((o) => ({ id: o.id, name: o.name, kvkNumber: o.kvkNumber, members: o._count.memberships }));
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.id : null };
  });
}

export async function listMembers(deps: RightsDeps, actor: Actor, raw: { organisationId: string }) {
  const data = parseInput(z.object({ organisationId: idSchema('an organisation') }), raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'member:list', { organisationId: data.organisationId });
    const org = await requireOrganisation(tx, me.environmentId, data.organisationId);
    const members = await tx.membership.findMany({
      where: { organisationId: org.id },
      select: { role: true, user: { select: userRow } },
      orderBy: [{ role: 'desc' }, { user: { email: 'asc' } }],
      take: 1000,
    });
    return { organisation: org, members: members.map((m) => ({ ...m.user, organisationRole: m.role })) };
  });
}

export async function getOrganisation(deps: RightsDeps, actor: Actor, raw: { organisationId: string }) {
  const data = parseInput(z.object({ organisationId: idSchema('an organisation') }), raw);
  return transaction(deps, async (tx) => {
    const me = await tx.user.findUnique({ where: { id: actor.userId }, select: { role: true, status: true, environmentId: true } });
    const mine = me ? await tx.membership.findUnique({ where: { userId_organisationId: { userId: actor.userId, organisationId: data.organisationId } } }) : null;
    // Members see their own organisation, but only while active: blocked and removed users see nothing (rule 9).
    if (!mine || me?.status !== 'ACTIVE') await requireActor(tx, actor, 'directory:read');
    await requireOrganisation(tx, me!.environmentId, data.organisationId);
    const org = await tx.organisation.findUniqueOrThrow({
      where: { id: data.organisationId },
      select: { id: true, name: true, legalName: true, kvkNumber: true, vatNumber: true, peppolId: true, street: true, postalCode: true, city: true, country: true, invoiceEmail: true, createdAt: true, _count: { select: { memberships: true } } },
    });
    return org;
  });
}

export async function getUser(deps: RightsDeps, actor: Actor, raw: { userId: string }) {
  const data = parseInput(z.object({ userId: idSchema('a user') }), raw);
  return transaction(deps, async (tx) => {
    const me = data.userId === actor.userId
      ? await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { environmentId: true } })
      : await requireActor(tx, actor, 'directory:read');
    const user = await requireUser(tx, me.environmentId, data.userId);
    const detail = await tx.user.findUniqueOrThrow({
      where: { id: user.id },
      select: {
        ...userRow,
        activatedAt: true,
        createdAt: true,
        environment: { select: { id: true, name: true } },
        memberships: { select: { role: true, organisation: { select: { id: true, name: true } } }, orderBy: { organisation: { nameKey: 'asc' } } },
      },
    });
    return {
      ...detail,
      memberships: detail.memberships.map((m) => ({ organisationId: m.organisation.id, organisationName: m.organisation.name, role: m.role })),
    };
  });
}

export async function listPendingInvitations(deps: RightsDeps, actor: Actor, raw: { cursor?: string; limit?: number } = {}) {
  const data = parseInput(z.object({ cursor: page.cursor, limit: page.limit }), raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'user:invite');
    const users = await tx.user.findMany({
      where: { environmentId: me.environmentId, status: 'INVITED' },
      select: {
        id: true, email: true, role: true, createdAt: true,
        invitations: { where: { usedAt: null, revokedAt: null }, orderBy: { createdAt: 'desc' }, take: 1, select: { expiresAt: true, createdAt: true, invitedById: true } },
      },
      orderBy: { email: 'asc' },
      take: data.limit + 1,
      ...(data.cursor ? { cursor: { email: data.cursor }, skip: 1 } : {}),
    });
    const more = users.length > data.limit;
    const rows = users.slice(0, data.limit).map((u) => ({
      id: u.id, email: u.email, role: u.role,
      expiresAt: u.invitations[0]?.expiresAt.toISOString() ?? null,
      sentAt: u.invitations[0]?.createdAt.toISOString() ?? null,
      expired: !u.invitations[0] || u.invitations[0].expiresAt.getTime() <= nowOf(deps).getTime(),
    }));
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.email : null };
  });
}

const auditInput = z.object({ targetId: z.string().max(100).optional(), cursor: z.string().regex(/^\d+$/).optional(), limit: page.limit });

export async function readAudit(deps: RightsDeps, actor: Actor, raw: z.input<typeof auditInput> = {}) {
  const data = parseInput(auditInput, raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'audit:read');
    const events = await tx.auditEvent.findMany({
      where: {
        environmentId: me.environmentId,
        ...(data.targetId ? { OR: [{ targetId: data.targetId }, { targetId: { startsWith: `${data.targetId}:` } }, { targetId: { endsWith: `:${data.targetId}` } }] } : {}),
        ...(data.cursor ? { id: { lt: BigInt(data.cursor) } } : {}),
      },
      orderBy: { id: 'desc' },
      take: data.limit + 1,
    });
    const more = events.length > data.limit;
    const rows = events.slice(0, data.limit).map((e) => ({ ...e, id: e.id.toString(), createdAt: e.createdAt.toISOString() }));
    return { items: rows, nextCursor: more ? rows[rows.length - 1]!.id : null };
  });
}
