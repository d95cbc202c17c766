// One pino logger; children per request. Secrets are redacted by key wherever they appear.
import { pino, type DestinationStream, type Logger } from 'pino';

export const redactedKeys = [
  'token', 'password', 'passwordHash', 'tokenHash', 'link', 'activationLink', 'url', 'authorization',
  'cookie', 'secret', 'signingSecret', 'botToken', 'appToken',
];

/** Writes to stdout; tests pass a `destination` to read what the app logged. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: {
      paths: [...redactedKeys, ...redactedKeys.map((k) => `*.${k}`), ...redactedKeys.map((k) => `*.*.${k}`)],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
