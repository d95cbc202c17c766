// All configuration comes from the environment variables named in the README's configuration table, checked once at start.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const schema = z.object({
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().regex(/^xoxb-[\w-]+$/, 'must be a bot token starting with xoxb-').optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText.pipe(
    z.string().regex(/^[0-9a-f]{16,}$/i, 'must be the hexadecimal signing secret from the app settings').optional(),
  ),
  SLACK_CLIENT_ID: optionalText.pipe(
    z.string().regex(/^\d+\.\d+$/, 'must be the Client ID from the app settings (digits, a dot, digits)').optional(),
  ),
  SLACK_CLIENT_SECRET: optionalText.pipe(
    z.string().regex(/^[0-9a-f]{16,}$/i, 'must be the hexadecimal Client Secret from the app settings').optional(),
  ),
  TOKEN_ENCRYPTION_KEY: optionalText.pipe(
    z
      .string()
      .regex(/^([0-9a-f]{64}|[A-Za-z0-9+/]{43}=)$/i, 'must be 32 random bytes as base64 or 64 hex digits (e.g. `openssl rand -base64 32`); leave it unset to keep a key file in ./data')
      .optional(),
  ),
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().regex(/^xapp-[\w-]+$/, 'must be an app-level token starting with xapp-').optional(),
  ),
  SLACK_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL (leave it unset for the embedded database)')
      .optional(),
  ),
  EMBEDDED_DATABASE: optionalText.pipe(
    z.enum(['postgres', 'pglite'], { error: 'must be postgres or pglite' }).optional(),
  ),
  SMTP_URL: optionalText.pipe(
    z.string().regex(/^smtps?:\/\/.+/, 'must be an smtp:// or smtps:// URL (leave it unset to write mail to ./data/mail)').optional(),
  ),
  MAIL_FROM: optionalText.pipe(z.string().max(320, 'must be one sender address of at most 320 characters, such as "eConnect <no-reply@company.nl>"').optional()),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://rights.example.com' }).optional()),
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, 'must be a port number (0-65535)')
      .transform(Number)
      .refine((n) => n <= 65535, 'must be a port number (0-65535)')
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'must be one of fatal, error, warn, info, debug, trace, silent',
    }).optional(),
  ),
});

export interface Config {
  slack: {
    /** single: one workspace (SLACK_BOT_TOKEN); distribution: many workspaces through OAuth; unset: no Slack */
    mode?: 'single' | 'distribution';
    botToken?: string;
    clientId?: string;
    clientSecret?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    command: string;
  };
  /** the key that encrypts Slack tokens at rest; unset: a key file in dataDir */
  tokenEncryptionKey?: string;
  databaseUrl?: string;
  /** the embedded database when there is no databaseUrl, in dataDir/<engine>; unset: PostgreSQL from npm */
  embeddedDatabase?: 'postgres' | 'pglite';
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  port: number;
  logLevel: string;
  dataDir: string;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}.`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws one ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const v = parsed.data;
  const port = v.PORT ?? 3000;
  if (v.SLACK_BOT_TOKEN && !v.SLACK_SIGNING_SECRET && !v.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'must be set when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  const oauth = Boolean(v.SLACK_CLIENT_ID || v.SLACK_CLIENT_SECRET);
  if (oauth && v.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'must not be set together with SLACK_CLIENT_ID/SLACK_CLIENT_SECRET: set SLACK_BOT_TOKEN for one workspace, or the client id and secret for many workspaces (distribution), not both');
  }
  if (oauth && v.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_APP_TOKEN', 'cannot be used with SLACK_CLIENT_ID/SLACK_CLIENT_SECRET: installing in many workspaces (OAuth) needs Slack to reach /slack/events over HTTPS, not Socket Mode; unset SLACK_APP_TOKEN');
  }
  if (oauth && !v.SLACK_CLIENT_ID) throw new ConfigError('SLACK_CLIENT_ID', 'must be set when SLACK_CLIENT_SECRET is set');
  if (oauth && !v.SLACK_CLIENT_SECRET) throw new ConfigError('SLACK_CLIENT_SECRET', 'must be set when SLACK_CLIENT_ID is set');
  if (oauth && !v.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET', 'must be set when SLACK_CLIENT_ID is set (Basic Information > Signing Secret)');
  const publicUrl = (v.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  if (oauth && !/^https:\/\//.test(publicUrl) && !/^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL', 'must be an https:// URL when SLACK_CLIENT_ID is set: Slack sends the installer back to PUBLIC_URL/slack/oauth_redirect (only localhost or 127.0.0.1 may use http, for trying it out)');
  }
  if (v.SLACK_APP_TOKEN && !v.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'must be set when SLACK_APP_TOKEN is set');
  }
  return {
    slack: {
      ...(oauth ? { mode: 'distribution' as const } : v.SLACK_BOT_TOKEN ? { mode: 'single' as const } : {}),
      botToken: v.SLACK_BOT_TOKEN,
      clientId: v.SLACK_CLIENT_ID,
      clientSecret: v.SLACK_CLIENT_SECRET,
      signingSecret: v.SLACK_SIGNING_SECRET,
      appToken: v.SLACK_APP_TOKEN,
      apiUrl: v.SLACK_API_URL && (v.SLACK_API_URL.endsWith('/') ? v.SLACK_API_URL : `${v.SLACK_API_URL}/`),
      command: '/econnect',
    },
    tokenEncryptionKey: v.TOKEN_ENCRYPTION_KEY,
    databaseUrl: v.DATABASE_URL,
    embeddedDatabase: v.EMBEDDED_DATABASE,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM ?? 'eConnect rights <no-reply@localhost>',
    publicUrl,
    port,
    logLevel: v.LOG_LEVEL ?? 'info',
    dataDir: 'data',
  };
}
