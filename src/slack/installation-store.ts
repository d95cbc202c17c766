// @slack/oauth's InstallationStore over the rights service: installations live in the database, the
// tokens sealed with the token cipher. storeInstallation binds the workspace to the environment of
// the administrator who started "Add to Slack" (carried in the installation's metadata by our state
// store), and refuses what the binding rules refuse.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { bindSlackWorkspace, findSlackInstallation, refreshSlackInstallation, unbindSlackWorkspace, type RightsDeps } from '../rights/index.ts';
import type { TokenCipher } from './token-cipher.ts';

/** What the install route puts in the state's metadata, read back when Slack returns. */
export interface InstallMetadata {
  userId: string;
  environmentId: string;
  requestId?: string;
}

/** Token rotation: exchanges a refresh token for a new bot token (oauth.v2.access, grant_type refresh_token). */
export type RefreshTokens = (refreshToken: string) => Promise<{ token: string; refreshToken: string; expiresInSeconds: number }>;

/** a token this close to its expiry is refreshed before use */
const REFRESH_MARGIN_MS = 5 * 60_000;

/** An organisation-wide (Enterprise Grid) install: the install page says why in the reader's language. */
export class EnterpriseInstallRefused extends Error {
  readonly code = 'enterprise_install_refused';

  constructor() {
    super('organisation-wide install');
    this.name = 'EnterpriseInstallRefused';
  }
}

type Found = NonNullable<Awaited<ReturnType<PrismaInstallationStore['load']>>>;

export class PrismaInstallationStore implements InstallationStore {
  /**
   * Every request asks for its workspace's installation before Slack gets its ack: kept a few
   * seconds per workspace (decrypted, in memory only). This process forgets a workspace at once when
   * it binds or unbinds it; another process serving the same database sees the change within ttlMs.
   */
  private cache = new Map<string, { found: Found | null; at: number }>();

  constructor(
    private deps: RightsDeps,
    private cipher: TokenCipher,
    private ttlMs = 5_000,
    /** with token rotation on: how to refresh (the one path Bolt and the outbox share) */
    private refreshTokens?: RefreshTokens,
  ) {}

  /** Drops what this process remembers about a workspace (after it was bound, unbound or disconnected). */
  forget(teamId: string): void {
    this.cache.delete(teamId);
  }

  async storeInstallation<V extends 'v1' | 'v2'>(installation: Installation<V, boolean>): Promise<void> {
    await this.bind(installation);
  }

  /** storeInstallation with its outcome, for the redirect page */
  async bind(installation: Installation<'v1' | 'v2', boolean>) {
    if (installation.isEnterpriseInstall || !installation.team?.id) throw new EnterpriseInstallRefused();
    const bot = installation.bot;
    if (!bot?.token) throw new Error('the installation has no bot token (the app must request bot scopes)');
    const meta = JSON.parse(installation.metadata ?? '{}') as InstallMetadata;
    this.forget(installation.team.id);
    return bindSlackWorkspace(this.deps, { userId: meta.userId, requestId: meta.requestId }, {
      teamId: installation.team.id,
      teamName: installation.team.name ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      appId: installation.appId ?? null,
      botUserId: bot.userId,
      botId: bot.id ?? null,
      botScopes: bot.scopes,
      sealedBotToken: this.cipher.seal(bot.token),
      sealedRefreshToken: bot.refreshToken ? this.cipher.seal(bot.refreshToken) : null,
      tokenExpiresAt: bot.expiresAt ? new Date(bot.expiresAt * 1000) : null,
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<'v1' | 'v2', boolean>> {
    const found = query.teamId ? await this.fetchByTeam(query.teamId) : null;
    if (!found) throw new Error(`no installation for workspace ${query.teamId ?? query.enterpriseId}`);
    return found.installation;
  }

  /** The installation of a bound workspace and its environment, or null. */
  async fetchByTeam(teamId: string) {
    const hit = this.cache.get(teamId);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.found;
    const found = await this.load(teamId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(teamId, { found, at: Date.now() });
    return found;
  }

  private async load(teamId: string) {
    return this.fresh(await findSlackInstallation(this.deps, { teamId }));
  }

  async fetchByEnvironment(environmentId: string) {
    return this.fresh(await findSlackInstallation(this.deps, { environmentId }));
  }

  /** The installation, its bot token refreshed first when rotation is on and it expires soon. */
  private async fresh(row: Awaited<ReturnType<typeof findSlackInstallation>>) {
    if (!row) return null;
    const refresh = this.refreshTokens;
    if (refresh && row.refreshToken && row.tokenExpiresAt && row.tokenExpiresAt.getTime() - Date.now() < REFRESH_MARGIN_MS) {
      const renewed = await refreshSlackInstallation(this.deps, row.teamId, REFRESH_MARGIN_MS, async (sealed) => {
        const next = await refresh(this.cipher.open(sealed));
        return {
          sealedBotToken: this.cipher.seal(next.token),
          sealedRefreshToken: this.cipher.seal(next.refreshToken),
          tokenExpiresAt: new Date(Date.now() + next.expiresInSeconds * 1000),
        };
      });
      this.forget(row.teamId);
      return renewed ? this.toInstallation(renewed) : null;
    }
    return this.toInstallation(row);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    if (!query.teamId) return;
    this.forget(query.teamId);
    await unbindSlackWorkspace(this.deps, { teamId: query.teamId, reason: 'app_uninstalled' });
    this.forget(query.teamId);
  }

  private toInstallation(row: NonNullable<Awaited<ReturnType<typeof findSlackInstallation>>>) {
    const installation: Installation<'v2', false> = {
      team: { id: row.teamId, ...(row.teamName ? { name: row.teamName } : {}) },
      enterprise: row.enterpriseId ? { id: row.enterpriseId } : undefined,
      user: { id: row.installedById ?? '', token: undefined, scopes: undefined },
      bot: {
        token: this.cipher.open(row.botToken),
        userId: row.botUserId,
        id: row.botId ?? '',
        scopes: row.botScopes ? row.botScopes.split(',') : [],
        ...(row.refreshToken ? { refreshToken: this.cipher.open(row.refreshToken) } : {}),
        ...(row.tokenExpiresAt ? { expiresAt: Math.floor(row.tokenExpiresAt.getTime() / 1000) } : {}),
      },
      appId: row.appId ?? undefined,
      isEnterpriseInstall: false,
      authVersion: 'v2',
    };
    return { installation, environmentId: row.environmentId, teamId: row.teamId };
  }
}
