// The users of the environment, searched by email or name, page by page (advanced users and
// administrators: basic users see only their own account).
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.ts';
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { contains, page, userRow } from '../core/listing.ts';
import { transaction } from '../core/transaction.ts';
import { parseInput } from '../input.ts';

const userListInput = z.object({ ...page, status: z.enum(['INVITED', 'ACTIVE', 'BLOCKED', 'REMOVED']).optional() });

/**
 * How many users, in email order, a search reads before it asks the trigram indexes instead. A text
 * that most users match (a domain, "user") fills a page within the first few hundred rows of the
 * (environmentId, email) index and stops there; a rare text reads at most this many rows, then the
 * trigram indexes find its few matches. Either way the page is the same: the first matches by email.
 */
export const ORDERED_WINDOW = 2_000;

/** A user as lists show one (userRow), read by the search's own SQL. */
type UserRow = Prisma.UserGetPayload<{ select: typeof userRow }>;
const columns = Prisma.sql`u."id", u."email", u."name", u."role", u."status", u."slackUserId"`;

export async function listUsers(deps: RightsDeps, actor: Actor, raw: z.input<typeof userListInput> = {}) {
  const data = parseInput(userListInput, raw);
  return transaction(deps, async (tx) => {
    const me = await requireActor(tx, actor, 'directory:read');
    const text = data.query?.trim() ? contains(data.query).contains : null;
    const where: Prisma.UserWhereInput = {
      environmentId: me.environmentId,
      ...(data.status ? { status: data.status } : { status: { not: 'REMOVED' } }),
    };
    const take = data.limit + 1;
    if (text === null) {
      const items = await tx.user.findMany({
        where,
        select: userRow,
        orderBy: { email: 'asc' },
        take,
        ...(data.cursor ? { cursor: { email: data.cursor }, skip: 1 } : {}),
      });
      return pageOf(items, data.limit);
    }
    // Emails are stored in lower case: LIKE on the lowered text matches as ILIKE does, and cheaper.
    const pattern = `%${text}%`;
    const match = Prisma.sql`(u."email" LIKE lower(${pattern}) OR u."name" ILIKE ${pattern})`;
    const scope = Prisma.sql`u."environmentId" = ${me.environmentId}
      AND ${data.status ? Prisma.sql`u."status" = ${data.status}::"UserStatus"` : Prisma.sql`u."status" <> 'REMOVED'`}
      ${data.cursor ? Prisma.sql`AND u."email" > ${data.cursor}` : Prisma.empty}`;
    // The first matches after the cursor among the next ORDERED_WINDOW users in email order. Every
    // user before the last one read was looked at, so if a page's worth matched they are the page.
    let found = await tx.$queryRaw<UserRow[]>`
      SELECT ${columns} FROM (
        SELECT ${columns} FROM "User" u WHERE ${scope} ORDER BY u."email" LIMIT ${ORDERED_WINDOW}
      ) u
      WHERE ${match} ORDER BY u."email" LIMIT ${take}`;
    if (found.length < take) {
      // A rare text: the trigram indexes find its matches, sorted afterwards. Ordering by an expression
      // keeps the planner from walking the email index instead (it expects matches spread evenly, and
      // reads most of the table when they are not, as for "ser 7" in names "User 7…").
      found = await tx.$queryRaw<UserRow[]>`
        SELECT ${columns} FROM "User" u WHERE ${scope} AND ${match} ORDER BY u."email" || '' LIMIT ${take}`;
    }
    return pageOf(found, data.limit);
  });
}

function pageOf<T extends { email: string }>(items: T[], limit: number) {
  const more = items.length > limit;
  const rows = items.slice(0, limit);
  return { items: rows, nextCursor: more ? rows[rows.length - 1]!.email : null };
}
