// Who is asking: the surfaces identify a person by an email address they trust (a Slack account's
// verified email) and then decide what the user's status allows.
import type { RightsDeps } from '../core/deps.ts';
import { normaliseEmail } from '../email.ts';

/** The user with this address, whatever their status (the caller decides what a status means), or null. */
export async function findUserByEmail(deps: RightsDeps, rawEmail: string) {
  const email = normaliseEmail(rawEmail);
  if (!email) return null;
  const user = await deps.prisma.user.findUnique({
    where: { email },
    select: { id: true, environmentId: true, email: true, name: true, role: true, status: true, slackUserId: true, locale: true, environment: { select: { locale: true } } },
  });
  return user;
}
