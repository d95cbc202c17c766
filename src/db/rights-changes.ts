// The changes of rights the database announces (the triggers of the migration rights_changes call
// pg_notify inside the changing transaction, so every listener hears of it at commit), for the
// decision cache of `authorize`.
//   - PostgreSQL: one connection of its own that LISTENs (a direct connection: a transaction-mode
//     pooler such as PgBouncer's does not carry LISTEN). While it is down, or has not answered its
//     heartbeat in time, the feed is not live and the cache is not used; when it listens again the
//     cache starts empty, since changes made meanwhile were not heard.
//   - PGlite: the notifications of its one connection, in this process: always live.
import pg from 'pg';
import type { RightsChangeListener, RightsChanges } from '../rights/core/deps.ts';
import { CONNECT_TIMEOUT_MS } from './connection-errors.ts';

export const RIGHTS_CHANNEL = 'econnect_rights';

export interface RightsChangeFeed extends RightsChanges {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** how often the listening connection must answer a query, and how long it has to answer */
  heartbeatMs?: number;
}

class Subscribers {
  private readonly listeners = new Set<RightsChangeListener>();
  subscribe(listener: RightsChangeListener) {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
  changed(what: string) {
    for (const l of this.listeners) l.changed(what);
  }
  lost() {
    for (const l of this.listeners) l.lost();
  }
}

const destroy = (client: pg.Client) => (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();

/** Listens on a PostgreSQL server; resolves once the first attempt to listen succeeded or failed (it keeps trying). */
export async function listenOnPostgres(url: string, options: ListenOptions = {}): Promise<RightsChangeFeed> {
  const heartbeatMs = options.heartbeatMs ?? 2_000;
  const subscribers = new Subscribers();
  let current: pg.Client | null = null;
  let closed = false;
  let retryMs = 100;
  let retry: NodeJS.Timeout | undefined;

  function down(client: pg.Client) {
    destroy(client);
    if (client !== current) return;
    current = null;
    subscribers.lost();
    if (!closed) retry = setTimeout(() => void connect(), retryMs);
  }

  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.min(CONNECT_TIMEOUT_MS, heartbeatMs * 2), application_name: 'econnect-rights-listener', keepAlive: true });
    client.on('error', () => down(client));
    client.on('end', () => down(client));
    client.on('notification', (n) => {
      if (client === current && n.channel === RIGHTS_CHANNEL) subscribers.changed(n.payload ?? '*');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${RIGHTS_CHANNEL}`);
    } catch {
      destroy(client);
      retryMs = Math.min(retryMs * 2, 2_000);
      if (!closed) retry = setTimeout(() => void connect(), retryMs);
      return;
    }
    if (closed) return void destroy(client);
    retryMs = 100;
    subscribers.lost(); // whatever was cached before this connection listened may be out of date
    current = client;
  }

  let beating = false;
  const heartbeat = setInterval(() => {
    const client = current;
    if (!client || beating) return;
    beating = true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), heartbeatMs);
    });
    Promise.race([client.query('SELECT 1'), late])
      .catch(() => down(client))
      .finally(() => {
        clearTimeout(timer);
        beating = false;
      });
  }, heartbeatMs);
  heartbeat.unref();

  await connect();
  return {
    live: () => current !== null,
    subscribe: (listener) => subscribers.subscribe(listener),
    async close() {
      closed = true;
      clearInterval(heartbeat);
      clearTimeout(retry);
      const client = current;
      current = null;
      if (client) await client.end().catch(() => destroy(client));
    },
  };
}

interface Notifying {
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
}

/** PGlite's own notifications: its one connection is this process's, so it never misses one. */
export async function listenOnPGlite(lite: Notifying): Promise<RightsChangeFeed> {
  const subscribers = new Subscribers();
  const unlisten = await lite.listen(RIGHTS_CHANNEL, (payload) => subscribers.changed(payload || '*'));
  return {
    live: () => true,
    subscribe: (listener) => subscribers.subscribe(listener),
    close: () => unlisten(),
  };
}
