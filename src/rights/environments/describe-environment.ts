// What an environment Administrator sees of the environment on the account page: its name and
// language, the domains it owns, whether a Slack workspace is connected, the notification channel,
// and how many people it has (the first administrator's next steps depend on these).
import { requireActor, type Actor } from '../core/actor.ts';
import type { RightsDeps } from '../core/deps.ts';
import { transaction } from '../core/transaction.ts';

export async function describeEnvironment(deps: RightsDeps, actor: Actor) {
  return transaction(deps, async (tx) => {
    const admin = await requireActor(tx, actor, 'environment:configure');
    const env = await tx.environment.findUniqueOrThrow({
      where: { id: admin.environmentId },
      select: { name: true, locale: true, slackTeamId: true, slackInstallation: { select: { teamName: true } }, notificationChannelId: true, domains: { select: { domain: true }, orderBy: { domain: 'asc' } } },
    });
    const people = await tx.user.count({ where: { environmentId: admin.environmentId, status: { in: ['ACTIVE', 'INVITED'] } } });
    return {
      name: env.name,
      locale: env.locale,
      domains: env.domains.map((d) => d.domain),
      slackTeamId: env.slackTeamId,
      slackTeamName: env.slackInstallation?.teamName ?? null,
      notificationChannelId: env.notificationChannelId,
      people,
    };
  });
}
