// Whether the caller may use the buttons of a notification (policy: decideNotificationButtons). The
// Slack handlers ask here before anything else; each button's own use case decides again.
import type { Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { AppError } from '../errors.ts';
import { decideNotificationButtons } from '../policy.ts';

export async function checkNotificationButtons(deps: RightsDeps, actor: Actor): Promise<void> {
  const me = await deps.prisma.user.findUnique({ where: { id: actor.userId }, select: { role: true, status: true } });
  if (!me || !decideNotificationButtons(me).allowed) {
    throw new AppError('forbidden', 'rights.slack.buttonsAdministrators');
  }
}
