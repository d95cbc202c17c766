// Who is calling: the Slack account's verified email (users.info, cached briefly because Slack limits
// that method and every request needs it) matched to an active user of an environment.
import type { webApi } from '@slack/bolt';
import { AppError, findUserByEmail, findWorkspaceEnvironment, linkSlackUser, type Actor, type RightsDeps } from '../rights/index.ts';

export interface Caller extends Actor {
  /** always known in Slack: the account that sent the request */
  slackUserId: string;
  environmentId: string;
  email: string;
  role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
}

interface SlackProfile {
  email: string | null;
  at: number;
}

export class Identity {
  private cache = new Map<string, SlackProfile>();
  /** single workspace: teams an administrator's command has offered to bind (bound then, or taken) */
  private boundTeams = new Set<string>();

  constructor(
    private deps: RightsDeps,
    private ttlMs = 60_000,
    /** distribution: a request acts only in the environment its workspace is bound to */
    private mode: 'single' | 'distribution' = 'single',
    /** distribution: the environment a workspace is bound to (the installation store's short cache) */
    private environmentOf: (teamId: string) => Promise<string | null> = async (teamId) => (await findWorkspaceEnvironment(deps, teamId))?.id ?? null,
  ) {}

  /** The verified email of a Slack user, or null (no email, unconfirmed, deleted, bot). */
  async emailOf(client: webApi.WebClient, slackUserId: string, teamId = ''): Promise<string | null> {
    // keyed by workspace and user: Slack ids are only unique inside a workspace's token's view
    const key = `${teamId}:${slackUserId}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.email;
    let email: string | null = null;
    try {
      const res = await client.users.info({ user: slackUserId });
      const u = res.user as { deleted?: boolean; is_bot?: boolean; is_email_confirmed?: boolean; profile?: { email?: string } } | undefined;
      email = u && !u.deleted && !u.is_bot && u.is_email_confirmed !== false ? (u.profile?.email ?? null) : null;
    } catch (err) {
      if ((err as { data?: { error?: string } }).data?.error !== 'user_not_found') throw err;
    }
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { email, at: Date.now() });
    return email;
  }

  /** The environment a workspace is bound to; refuses an unbound one (the guard answers those first). */
  private async workspaceEnvironment(teamId: string | undefined): Promise<string> {
    const env = teamId ? await this.environmentOf(teamId) : null;
    if (!env) throw new AppError('forbidden', 'rights.slack.workspaceNotConnected');
    return env;
  }

  /** The calling administrator (or member) as an actor of the rights service; refuses everyone else. */
  async caller(client: webApi.WebClient, slackUserId: string, teamId: string | undefined, requestId: string | undefined): Promise<Caller> {
    // distribution: the workspace must be bound; single workspace: once bound (by the first command of
    // an administrator), it acts only for its environment too
    const workspace = this.mode === 'distribution' ? await this.workspaceEnvironment(teamId) : teamId ? await this.environmentOf(teamId) : null;
    const email = await this.emailOf(client, slackUserId, teamId);
    if (!email) {
      throw new AppError('not_authenticated', 'rights.slack.noVerifiedEmail');
    }
    const user = await findUserByEmail(this.deps, email);
    if (!user || user.status === 'REMOVED') {
      throw new AppError('not_authenticated', 'rights.slack.noUser', { email });
    }
    if (user.status === 'BLOCKED') throw new AppError('forbidden', 'rights.slack.blocked');
    if (user.status === 'INVITED') throw new AppError('forbidden', 'rights.slack.notActivated');
    if (workspace && user.environmentId !== workspace) {
      throw new AppError('forbidden', 'rights.slack.wrongWorkspace', { email, mode: this.mode });
    }
    // Remember the Slack account, so notifications can reach this person by direct message. With a
    // single workspace, the first command of an active Administrator binds it to their environment.
    const mayBind = this.mode === 'single' && workspace === null && user.role === 'ADMINISTRATOR' && teamId !== undefined && !this.boundTeams.has(teamId);
    if (user.slackUserId !== slackUserId || mayBind) {
      await linkSlackUser(this.deps, user.id, slackUserId, mayBind ? teamId : undefined);
      if (mayBind) this.boundTeams.add(teamId);
    }
    return { userId: user.id, slackUserId, requestId, environmentId: user.environmentId, email: user.email, role: user.role };
  }
}
