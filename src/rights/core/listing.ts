// What every list shares: a search text, a cursor and a page size, and a search that takes what people
// type literally.
import { z } from 'zod';
import { issue } from '../input.ts';

export const page = {
  query: z.string().max(200, issue('rights.listing.queryTooLong')).optional(),
  cursor: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(100).default(25),
};

/** A user as lists show one. */
export const userRow = { id: true, email: true, name: true, role: true, status: true, slackUserId: true } as const;

/** Case-insensitive contains on the given fields; LIKE wildcards typed by people are literal. */
// Prisma passes `contains` to ILIKE as is, so %, _ and \ are escaped here (backslash is ILIKE's escape).
export const contains = (q: string) => ({ contains: q.trim().replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' as const });
