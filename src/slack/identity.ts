// Who is calling: the Slack account's verified email (users.info, cached briefly because Slack limits
// that method and every request needs it) matched to an active user of an environment. The caller
// carries the language of the answers to them (their own, else their environment's) and that of
// their environment's channels, so every listener answers in the right language without asking again.
import type { webApi } from '@slack/bolt';
import { isLocale, readerLocale, type Locale } from '../i18n/catalogue.ts';
import { findUserByEmail, findWorkspaceEnvironment, linkSlackUser, type Actor, type RightsDeps } from '../rights/index.ts';
import { SlackRefusal } from './refusal.ts';

export interface Caller extends Actor {
  /** always known in Slack: the account that sent the request */
  slackUserId: string;
  environmentId: string;
  email: string;
  role: 'BASIC' | 'ADVANCED' | 'ADMINISTRATOR';
  /** the language of answers to this person: their own, else their environment's */
  locale: Locale;
  /** the language of their environment's channel messages */
  environmentLocale: Locale;
}

interface SlackProfile {
  email: string | null;
  at: number;
}

export class Identity {
  private cache = new Map<string, SlackProfile>();
  /** the language each Slack account was last answered in, for answers given before the caller is known */
  private locales = new Map<string, Locale>();
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

  /** The language a Slack account was last answered in (English when never): for answers that cannot wait for the database. */
  lastLocale(teamId: string | undefined, slackUserId: string): Locale {
    return this.locales.get(`${teamId ?? ''}:${slackUserId}`) ?? 'en';
  }

  private remember(teamId: string | undefined, slackUserId: string, locale: Locale): Locale {
    if (this.locales.size > 10_000) this.locales.clear();
    this.locales.set(`${teamId ?? ''}:${slackUserId}`, locale);
    return locale;
  }

  /** After `/econnect language`: the person's answers are in this language from now on. */
  languageChanged(teamId: string | undefined, slackUserId: string, locale: Locale): void {
    this.remember(teamId, slackUserId, locale);
  }

  /** The language of an environment's channel messages; English for none. */
  private async environmentLocale(environmentId: string | null): Promise<Locale> {
    if (!environmentId) return 'en';
    const env = await this.deps.prisma.environment.findUnique({ where: { id: environmentId }, select: { locale: true } });
    return readerLocale(env);
  }

  /**
   * The language to answer a Slack account in when it needs no account (help, the App Home): its
   * user's, else the environment its workspace is connected to, else English. Never throws.
   */
  async localeOf(client: webApi.WebClient, slackUserId: string, teamId: string | undefined): Promise<Locale> {
    try {
      const email = await this.emailOf(client, slackUserId, teamId);
      const user = email ? await findUserByEmail(this.deps, email) : null;
      if (user && user.status !== 'REMOVED') return this.remember(teamId, slackUserId, readerLocale(user.environment, user));
      return this.remember(teamId, slackUserId, await this.environmentLocale(teamId ? await this.environmentOf(teamId) : null));
    } catch {
      return this.lastLocale(teamId, slackUserId);
    }
  }

  /** The environment a workspace is bound to; refuses an unbound one (the guard answers those first). */
  private async workspaceEnvironment(teamId: string | undefined): Promise<string> {
    const env = teamId ? await this.environmentOf(teamId) : null;
    if (!env) throw new SlackRefusal('forbidden', 'slack.refusal.workspaceNotConnected', {}, 'en');
    return env;
  }

  /** The calling administrator (or member) as an actor of the rights service; refuses everyone else. */
  async caller(client: webApi.WebClient, slackUserId: string, teamId: string | undefined, requestId: string | undefined): Promise<Caller> {
    // distribution: the workspace must be bound; single workspace: once bound (by the first command of
    // an administrator), it acts only for its environment too
    const workspace = this.mode === 'distribution' ? await this.workspaceEnvironment(teamId) : teamId ? await this.environmentOf(teamId) : null;
    const email = await this.emailOf(client, slackUserId, teamId);
    // someone without an account reads the language of the environment the workspace belongs to
    const outsider = async () => this.remember(teamId, slackUserId, await this.environmentLocale(workspace));
    if (!email) throw new SlackRefusal('not_authenticated', 'slack.refusal.noEmail', {}, await outsider());
    const user = await findUserByEmail(this.deps, email);
    if (!user || user.status === 'REMOVED') throw new SlackRefusal('not_authenticated', 'slack.refusal.noUser', { email }, await outsider());
    const locale = this.remember(teamId, slackUserId, readerLocale(user.environment, user));
    if (user.status === 'BLOCKED') throw new SlackRefusal('forbidden', 'slack.refusal.blocked', {}, locale);
    if (user.status === 'INVITED') throw new SlackRefusal('forbidden', 'slack.refusal.invited', {}, locale);
    if (workspace && user.environmentId !== workspace) {
      const how = this.mode === 'distribution' ? 'slack.refusal.otherEnvironment.distribution' : 'slack.refusal.otherEnvironment.single';
      throw new SlackRefusal('forbidden', 'slack.refusal.otherEnvironment', (t) => ({ email, how: t(how) }), locale);
    }
    // Remember the Slack account, so notifications can reach this person by direct message. With a
    // single workspace, the first command of an active Administrator binds it to their environment.
    const mayBind = this.mode === 'single' && workspace === null && user.role === 'ADMINISTRATOR' && teamId !== undefined && !this.boundTeams.has(teamId);
    if (user.slackUserId !== slackUserId || mayBind) {
      await linkSlackUser(this.deps, user.id, slackUserId, mayBind ? teamId : undefined);
      if (mayBind) this.boundTeams.add(teamId);
    }
    return {
      userId: user.id, slackUserId, requestId, environmentId: user.environmentId, email: user.email, role: user.role,
      locale, environmentLocale: isLocale(user.environment.locale) ? user.environment.locale : 'en',
    };
  }
}
