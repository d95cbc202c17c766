// Logging in with email and password. Every refusal (unknown email, wrong password, blocked, removed,
// invited but not yet activated) gets the same answer after the same work, so the page never tells
// whether an address is registered; blocked and removed users can never log in (rule 9).
import { z } from 'zod';
import type { RightsDeps } from '../core/deps.ts';
import { normaliseEmail } from '../email.ts';
import { AppError } from '../errors.ts';
import { parseInput, issue } from '../input.ts';
import { MAX_PASSWORD } from '../password-policy.ts';
import { verifyPassword } from '../secrets.ts';
import { createSession } from './create-session.ts';

const input = z.object({
  email: z.string({ error: issue('rights.input.enterEmail') }).max(320, issue('rights.input.enterEmail')).refine((s) => s.trim() !== '', issue('rights.input.enterEmail')),
  password: z.string({ error: issue('rights.input.enterPassword') }).min(1, issue('rights.input.enterPassword')).max(MAX_PASSWORD, issue('rights.input.enterPassword')),
  userAgent: z.string().optional(),
});

export type LoginInput = z.input<typeof input>;

export const loginRefused = () =>
  new AppError('not_authenticated', 'rights.login.refused');

export async function login(deps: RightsDeps, raw: LoginInput) {
  const data = parseInput(input, raw);
  const email = normaliseEmail(data.email);
  const user = email
    ? await deps.prisma.user.findUnique({ where: { email }, select: { id: true, status: true, passwordHash: true } })
    : null;
  // verifyPassword does a full argon2 hash even without a stored hash: same time either way.
  const ok = await verifyPassword(user?.passwordHash ?? null, data.password);
  if (!user || !ok || user.status !== 'ACTIVE') throw loginRefused();
  const session = await createSession(deps, user.id, data.userAgent);
  return { userId: user.id, ...session };
}
