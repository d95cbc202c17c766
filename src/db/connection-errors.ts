// What went wrong reaching a PostgreSQL server, in words an operator can act on. The URL is shown
// without its password.

export class DatabaseUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/** The URL without its password, for messages and logs. */
export function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '';
    return u.toString().replace(/^(\w+:\/\/[^:@/]*):?@/, '$1@');
  } catch {
    return 'an unreadable URL';
  }
}

/** Connection settings every client of ours uses: a server that never answers fails within this. */
export const CONNECT_TIMEOUT_MS = 8_000;

/** Turns a failed connection into one sentence naming the server and what to do. */
export function explainConnectionError(err: unknown, url: string): DatabaseUnavailableError {
  const e = err as { code?: string; message?: string };
  let server = 'the server';
  let database = 'the database';
  let user = 'the user';
  try {
    const u = new URL(url);
    const host = u.searchParams.get('host') ?? (u.hostname || 'localhost');
    server = `${host}:${u.port || 5432}`;
    database = `"${decodeURIComponent(u.pathname.slice(1)) || 'postgres'}"`;
    user = `"${decodeURIComponent(u.username) || 'postgres'}"`;
  } catch {
    /* described generically */
  }
  const message = e.message ?? String(err);
  const reason = (() => {
    switch (e.code) {
      case 'ECONNREFUSED':
        return `nothing accepts connections at ${server} (connection refused): start PostgreSQL there, or correct the host and port`;
      case 'ENOTFOUND':
      case 'EAI_AGAIN':
      case 'EAI_NONAME':
        return `the host name of ${server} is unknown (DNS lookup failed): correct the host`;
      case 'ETIMEDOUT':
      case 'EHOSTUNREACH':
      case 'ENETUNREACH':
        return `${server} cannot be reached over the network (${e.code})`;
      case 'ECONNRESET':
        return `${server} closed the connection at once: is PostgreSQL listening there, and does it require TLS (add ?sslmode=require)?`;
      case '3D000':
        return `the database ${database} does not exist on ${server}: create it (CREATE DATABASE), or correct the database name`;
      case '28P01':
        return `the server at ${server} refused the password of user ${user}: correct the user or password`;
      case '28000':
        return `the server at ${server} does not let user ${user} in (role missing, or pg_hba.conf refuses it): ${message}`;
      case '53300':
        return `the server at ${server} has no free connections left (too many clients)`;
      case '57P03':
        return `the server at ${server} is starting up or shutting down: try again in a moment`;
    }
    if (/timeout/i.test(message)) {
      return `${server} accepted the connection but did not answer within ${CONNECT_TIMEOUT_MS / 1000} s: is it a PostgreSQL server, and is it overloaded?`;
    }
    if (/password must be a string|SASL/i.test(message)) {
      return `the server at ${server} asks for a password and the URL gives none: add it (postgres://user:password@host/db)`;
    }
    if (/terminated unexpectedly|Connection terminated/i.test(message)) {
      return `${server} closed the connection before PostgreSQL answered: is it a PostgreSQL server?`;
    }
    return `${message}${e.code ? ` (${e.code})` : ''}`;
  })();
  return new DatabaseUnavailableError(`cannot use the database at ${safeUrl(url)}: ${reason}.`);
}
