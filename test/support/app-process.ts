// The app under test as a process: the real composition root (src/main.ts) started with the
// environment variables an operator would set, and nothing else of the test runner's environment,
// so a DATABASE_URL or SMTP_URL in the shell cannot leak into a test.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const appEntry = path.join(repoRoot, 'src/main.ts');

/** what `npm start` runs (with its node flags): compiles src/ to dist/ when it changed since the last build, then runs dist/main.js */
export const compiledEntry = ['--max-semi-space-size=1', path.join(repoRoot, 'scripts/start.mjs')];

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface AppOptions {
  /** the operator's variables; undefined values are left out. PORT is set by the launcher. */
  env: Record<string, string | undefined>;
  /** the working directory: PGlite keeps ./data there, and the mail folder is ./data/mail */
  cwd: string;
  /** a fixed port (e.g. one PUBLIC_URL already names); a free one otherwise */
  port?: number;
  /** how long start-up may take before the test fails */
  startTimeoutMs?: number;
  /** the script and its arguments; src/main.ts unless a benchmark starts something to compare with */
  entry?: string[];
  /** run it as `npm start` does: the compiled dist/main.js (compiled first when the sources changed), no tsx */
  compiled?: boolean;
}

export interface AppProcess {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  /** where Slack sends requests */
  readonly eventsUrl: string;
  /** the current process's id */
  readonly pid: number;
  /** everything the app wrote to stdout and stderr, over all its runs */
  output(): string;
  /** SIGTERM, as an orchestrator stops it; SIGKILL if it has not exited after the grace period */
  stop(): Promise<void>;
  /** SIGKILL: a crash */
  kill(): Promise<void>;
  /** starts it again on the same port, with the same variables and folder (stops it first if it runs) */
  restart(): Promise<AppProcess>;
}

const STOP_GRACE_MS = 10_000;

/** Starts the app and resolves once /readyz answers 200 (the database answers, migrations applied). */
export async function startApp(options: AppOptions): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const loader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn' };
  for (const [k, v] of Object.entries(options.env)) if (v !== undefined) env[k] = v;
  env.PORT = String(port);
  let out = '';
  let child: ChildProcess;
  let exited: Promise<void>;

  async function spawnAndWait(): Promise<void> {
    const args = options.compiled ? compiledEntry : ['--import', loader, ...(options.entry ?? [appEntry])];
    child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (out += d));
    child.stderr!.on('data', (d) => (out += d));
    const current = child;
    exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (current.exitCode !== null || current.signalCode !== null) throw new Error(`the app exited with ${current.exitCode ?? current.signalCode} during start-up:\n${out}`);
      try {
        if ((await fetch(`${baseUrl}/readyz`)).status === 200) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        current.kill('SIGKILL');
        await exited;
        throw new Error(`the app was not ready within ${timeoutMs} ms:\n${out}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const running = () => child.exitCode === null && child.signalCode === null;
  async function end(signal: NodeJS.Signals): Promise<void> {
    if (!running()) return;
    child.kill(signal);
    const force = signal === 'SIGKILL' ? undefined : setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(force);
  }

  await spawnAndWait();
  const app: AppProcess = {
    port,
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    get pid() {
      return child.pid!;
    },
    output: () => out,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
    async restart() {
      await end('SIGTERM');
      out += '\n--- restarted ---\n';
      await spawnAndWait();
      return app;
    },
  };
  return app;
}
