// Distribution mode's install flow on @slack/oauth's InstallProvider: our state store (states made by
// the rights service for a logged-in administrator, single use, 10 minutes), Slack's authorize page at
// the origin of SLACK_API_URL, the code exchanged only after state, cookie and session are checked,
// and the binding rules applied before anything is kept. The web route turns the outcome into a page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InstallProvider, type Installation, type InstallURLOptions, type StateStore } from '@slack/oauth';
import { webApi } from '@slack/bolt';
import { type AppError, checkSlackInstallGrant, isAppError, unbindSlackWorkspace, useSlackInstallState, WorkspaceRefusal, type Actor, type RightsDeps } from '../rights/index.ts';
import type { Logger } from '../log.ts';
import { boltLogger } from './bolt-logger.ts';
import { SlackRefusal } from './refusal.ts';
import { EnterpriseInstallRefused, type PrismaInstallationStore, type RefreshTokens } from './installation-store.ts';

/** The bot scopes the app asks for (the same as manifest.yml). */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'im:write', 'users:read', 'users:read.email', 'files:read'];
export const STATE_COOKIE = 'econnect_slack_state';

export type InstallOutcome =
  | { kind: 'bound' | 'reinstalled'; teamId: string; teamName: string | null }
  /** `error` says what happened and what to do, in the language of the page that shows it (`messageIn`) */
  | { kind: 'refused'; reason: 'state' | 'session' | 'forbidden' | 'workspace_bound_elsewhere' | 'environment_has_workspace' | 'enterprise' | 'cancelled' | 'failed'; error: AppError };

export interface SlackOAuth {
  /** Slack's authorize page for a state made by startSlackInstall */
  installUrl(state: string): Promise<string>;
  /** GET /slack/oauth_redirect: checks, exchanges the code, binds. Writes only cookies; the caller answers. */
  complete(req: IncomingMessage, res: ServerResponse, sessionToken: string | undefined): Promise<InstallOutcome>;
  /** apps.uninstall in the environment's workspace, then the installation is deleted */
  disconnect(actor: Actor, environmentId: string): Promise<{ teamId: string } | null>;
}

export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  apiUrl?: string;
  publicUrl: string;
  deps: RightsDeps;
  store: PrismaInstallationStore;
  logger: Logger;
}

export function createSlackOAuth(o: SlackOAuthOptions): SlackOAuth {
  const log = o.logger.child({ component: 'slack-oauth' });
  const redirectUri = `${o.publicUrl}/slack/oauth_redirect`;
  // the authorize page lives at the Web API's origin (slack.com, or a fake Slack in tests)
  const authorizationUrl = `${o.apiUrl ? new URL(o.apiUrl).origin : 'https://slack.com'}/oauth/v2/authorize`;
  const clientOptions = { ...(o.apiUrl ? { slackApiUrl: o.apiUrl } : {}), retryConfig: { retries: 1 }, timeout: 10_000 };
  const stateStore: StateStore = {
    // states are made by the rights service (startSlackInstall), never by the provider
    generateStateParam: async () => {
      throw new Error('install states are made by startSlackInstall');
    },
    verifyStateParam: async (_now, state): Promise<InstallURLOptions> => {
      const grant = await useSlackInstallState(o.deps, state);
      return { scopes: BOT_SCOPES, redirectUri, metadata: JSON.stringify(grant) };
    },
  };
  const installer = new InstallProvider({
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    stateStore,
    installationStore: o.store,
    authorizationUrl,
    stateCookieName: STATE_COOKIE,
    logger: boltLogger(log),
    clientOptions,
  });
  const appClient = new webApi.WebClient(undefined, clientOptions);

  async function uninstall(token: string) {
    await appClient.apps.uninstall({ token, client_id: o.clientId, client_secret: o.clientSecret }).catch((err) => {
      log.warn({ error: (err as { data?: { error?: string } }).data?.error ?? String(err) }, 'apps.uninstall failed');
    });
  }

  return {
    installUrl: (state) => installer.generateInstallUrl({ scopes: BOT_SCOPES, redirectUri }, true, state),

    async complete(req, res, sessionToken) {
      let outcome: InstallOutcome = { kind: 'refused', reason: 'failed', error: new SlackRefusal('unavailable', 'web.slack.installFailed') };
      await installer.handleCallback(req, res, {
        beforeInstallation: async (options) => {
          try {
            await checkSlackInstallGrant(o.deps, JSON.parse(options.metadata ?? '{}'), sessionToken);
            return true;
          } catch (err) {
            if (!isAppError(err)) throw err;
            outcome = { kind: 'refused', reason: err.code === 'forbidden' ? 'forbidden' : 'session', error: err };
            return false;
          }
        },
        afterInstallation: async (installation: Installation) => {
          const token = installation.bot?.token;
          try {
            const meta = JSON.parse(installation.metadata ?? '{}') as { userId: string };
            const result = await o.store.bind({ ...installation, metadata: JSON.stringify({ userId: meta.userId }) });
            outcome = { kind: result.outcome, teamId: installation.team!.id, teamName: installation.team?.name ?? null };
          } catch (err) {
            if (err instanceof EnterpriseInstallRefused) {
              // an organisation-wide token is never kept; take the app off the organisation again
              if (token) await uninstall(token);
              outcome = { kind: 'refused', reason: 'enterprise', error: new SlackRefusal('invalid_input', 'web.slack.installEnterprise') };
            } else if (err instanceof WorkspaceRefusal) {
              // a workspace bound elsewhere keeps its installation and token: uninstalling would cut off
              // the environment it belongs to. A new workspace refused for this environment is uninstalled.
              if (err.reason === 'environment_has_workspace' && token) await uninstall(token);
              outcome = { kind: 'refused', reason: err.reason, error: err };
            } else if (isAppError(err)) {
              outcome = { kind: 'refused', reason: 'forbidden', error: err };
            } else throw err;
          }
          // bound (or refused) here, so the provider stores nothing more
          return false;
        },
        failureAsync: async (error) => {
          if (isAppError(error)) outcome = { kind: 'refused', reason: 'state', error };
          else if (error.code === 'slack_oauth_invalid_state' || error.code === 'slack_oauth_missing_state') {
            outcome = { kind: 'refused', reason: 'state', error: new SlackRefusal('forbidden', 'web.slack.installState') };
          } else if (error.code === 'slack_oauth_installer_authorization_error') {
            outcome = { kind: 'refused', reason: 'cancelled', error: new SlackRefusal('invalid_input', 'web.slack.installCancelled') };
          } else log.warn({ code: error.code, error: error.message }, 'Slack installation failed');
        },
      });
      return outcome;
    },

    async disconnect(actor, environmentId) {
      const found = await o.store.fetchByEnvironment(environmentId);
      if (!found) return null;
      // only the environment's own administrator gets this far (unbind checks it again in its transaction)
      await checkAdministrator(o.deps, actor, environmentId);
      await uninstall(found.installation.bot!.token!);
      await unbindSlackWorkspace(o.deps, { teamId: found.teamId, reason: 'disconnected', actor });
      o.store.forget(found.teamId);
      return { teamId: found.teamId };
    },
  };
}

async function checkAdministrator(deps: RightsDeps, actor: Actor, environmentId: string) {
  const user = await deps.prisma.user.findUnique({ where: { id: actor.userId }, select: { role: true, status: true, environmentId: true } });
  if (user?.status !== 'ACTIVE' || user.role !== 'ADMINISTRATOR' || user.environmentId !== environmentId) {
    throw new SlackRefusal('forbidden', 'slack.refusal.disconnectAdminsOnly');
  }
}

/** Token rotation's refresh call (oauth.v2.access with grant_type refresh_token), for the installation store. */
export function tokenRefresher(clientId: string, clientSecret: string, apiUrl: string | undefined): RefreshTokens {
  const client = new webApi.WebClient(undefined, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), retryConfig: { retries: 1 }, timeout: 10_000 });
  return async (refreshToken) => {
    const res = await client.oauth.v2.access({ client_id: clientId, client_secret: clientSecret, grant_type: 'refresh_token', refresh_token: refreshToken });
    if (!res.access_token || !res.refresh_token || !res.expires_in) throw new Error('Slack did not return a rotated token');
    return { token: res.access_token, refreshToken: res.refresh_token, expiresInSeconds: res.expires_in };
  };
}
