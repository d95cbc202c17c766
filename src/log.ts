// One pino logger; children per request. Secrets are redacted by key wherever they appear.
import { pino, type Logger } from 'pino';

export const redactedKeys = [
  'token', 'password', 'passwordHash', 'tokenHash', 'link', 'activationLink', 'url', 'authorization',
  'cookie', 'secret', 'signingSecret', 'botToken', 'appToken',
];

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [...redactedKeys, ...redactedKeys.map((k) => `*.${k}`), ...redactedKeys.map((k) => `*.*.${k}`)],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
