// Bad configuration stops start-up with one message naming the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

function failure(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

const signing = '0123456789abcdef0123456789abcdef';

const distribution = { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'abcdef0123456789', SLACK_SIGNING_SECRET: 'abcdef0123456789abcdef' };

describe('configuration', () => {
  it('starts with nothing set: embedded database, local mail, port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ databaseUrl: undefined, embeddedDatabase: undefined, smtpUrl: undefined, port: 3000, publicUrl: 'http://localhost:3000', logLevel: 'info' });
    expect(c.slack.botToken).toBeUndefined();
  });

  it('reads every variable and treats blank as unset', () => {
    const c = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: signing, SLACK_APP_TOKEN: 'xapp-1-A-b',
      SLACK_API_URL: 'http://127.0.0.1:9999/api', DATABASE_URL: 'postgresql://u@h/db', EMBEDDED_DATABASE: 'pglite', SMTP_URL: 'smtp://mail:25',
      MAIL_FROM: 'eConnect <no-reply@acme.nl>', PUBLIC_URL: 'https://rights.acme.nl/', PORT: '8080', LOG_LEVEL: 'debug',
    });
    expect(c).toMatchObject({
      slack: { botToken: 'xoxb-1-2-abc', signingSecret: signing, appToken: 'xapp-1-A-b', apiUrl: 'http://127.0.0.1:9999/api/' },
      databaseUrl: 'postgresql://u@h/db', embeddedDatabase: 'pglite', smtpUrl: 'smtp://mail:25', mailFrom: 'eConnect <no-reply@acme.nl>',
      publicUrl: 'https://rights.acme.nl', port: 8080, logLevel: 'debug',
    });
    expect(loadConfig({ PORT: '  ', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    ['SLACK_BOT_TOKEN', { SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: signing }, /xoxb-/],
    ['SLACK_SIGNING_SECRET', { SLACK_SIGNING_SECRET: 'not hex!' }, /hexadecimal/],
    ['SLACK_APP_TOKEN', { SLACK_APP_TOKEN: 'xoxb-wrong' }, /xapp-/],
    ['SLACK_API_URL', { SLACK_API_URL: 'ftp://slack' }, /http\(s\) URL/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db' }, /postgres:\/\//],
    ['EMBEDDED_DATABASE', { EMBEDDED_DATABASE: 'sqlite' }, /postgres or pglite/],
    ['SMTP_URL', { SMTP_URL: 'http://mail' }, /smtp:\/\//],
    ['MAIL_FROM', { MAIL_FROM: 'x'.repeat(400) }, /at most 320/],
    ['PUBLIC_URL', { PUBLIC_URL: 'rights.acme.nl' }, /http\(s\) URL/],
    ['PORT', { PORT: '70000' }, /port number/],
    ['PORT', { PORT: 'eighty' }, /port number/],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, /one of fatal/],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: 'xoxb-1' }, /must be set when SLACK_BOT_TOKEN/],
    ['SLACK_BOT_TOKEN', { SLACK_APP_TOKEN: 'xapp-1' }, /must be set when SLACK_APP_TOKEN/],
    ['SLACK_CLIENT_ID', { SLACK_CLIENT_ID: 'abc' }, /Client ID/],
    ['SLACK_CLIENT_SECRET', { SLACK_CLIENT_SECRET: 'not hex' }, /Client Secret/],
    ['TOKEN_ENCRYPTION_KEY', { TOKEN_ENCRYPTION_KEY: 'short' }, /32 random bytes/],
    ['SLACK_APP_TOKEN', { ...distribution, SLACK_APP_TOKEN: 'xapp-1' }, /Socket Mode/],
    ['SLACK_BOT_TOKEN', { ...distribution, SLACK_BOT_TOKEN: 'xoxb-1' }, /not both/],
    ['PUBLIC_URL', { ...distribution, PUBLIC_URL: 'http://rights.acme.nl' }, /https/],
    ['SLACK_SIGNING_SECRET', { SLACK_CLIENT_ID: '123.456', SLACK_CLIENT_SECRET: 'abcdef0123456789' }, /must be set when SLACK_CLIENT_ID/],
    ['SLACK_CLIENT_SECRET', { SLACK_CLIENT_ID: '123.456', SLACK_SIGNING_SECRET: signing }, /must be set when SLACK_CLIENT_ID/],
  ])('%s: one message naming it', (variable, env, expected) => {
    const err = failure(env as Record<string, string>);
    expect(err.variable).toBe(variable);
    expect(err.message).toMatch(new RegExp(`^Configuration error: ${variable} `));
    expect(err.message).toMatch(expected);
    expect(err.message.split('\n')).toHaveLength(1);
    // a value problem names only that variable (a missing partner may mention the alternative)
    if (Object.keys(env).length === 1 && Object.keys(env)[0] === variable) {
      const others = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'DATABASE_URL', 'EMBEDDED_DATABASE', 'SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL', 'PORT', 'LOG_LEVEL'];
      for (const o of others.filter((v) => v !== variable)) expect(err.message).not.toContain(o);
    }
  });

  it('distribution mode: client id, secret and signing secret without a bot token; https or a local PUBLIC_URL', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const c = loadConfig({ ...distribution, PUBLIC_URL: 'https://rights.acme.nl', TOKEN_ENCRYPTION_KEY: key });
    expect(c.slack).toMatchObject({ mode: 'distribution', clientId: '123.456', clientSecret: 'abcdef0123456789', botToken: undefined });
    expect(c.tokenEncryptionKey).toBe(key);
    expect(loadConfig(distribution).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ ...distribution, PUBLIC_URL: 'http://127.0.0.1:4000' }).slack.mode).toBe('distribution');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: signing }).slack.mode).toBe('single');
    expect(loadConfig({}).slack.mode).toBeUndefined();
  });

  it('several bad variables: still one message, about one of them', () => {
    const err = failure({ PORT: 'x', LOG_LEVEL: 'loud', DATABASE_URL: 'nope' });
    expect(['PORT', 'LOG_LEVEL', 'DATABASE_URL']).toContain(err.variable);
    expect(err.message.match(/Configuration error/g)).toHaveLength(1);
  });
});
