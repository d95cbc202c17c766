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
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    command: string;
  };
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
  if (v.SLACK_APP_TOKEN && !v.SLACK_BOT_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN', 'must be set when SLACK_APP_TOKEN is set');
  }
  return {
    slack: {
      botToken: v.SLACK_BOT_TOKEN,
      signingSecret: v.SLACK_SIGNING_SECRET,
      appToken: v.SLACK_APP_TOKEN,
      apiUrl: v.SLACK_API_URL && (v.SLACK_API_URL.endsWith('/') ? v.SLACK_API_URL : `${v.SLACK_API_URL}/`),
      command: '/econnect',
    },
    databaseUrl: v.DATABASE_URL,
    embeddedDatabase: v.EMBEDDED_DATABASE,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM ?? 'eConnect rights <no-reply@localhost>',
    publicUrl: (v.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    port,
    logLevel: v.LOG_LEVEL ?? 'info',
    dataDir: 'data',
  };
}
