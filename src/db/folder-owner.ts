// One process per embedded database folder. Two processes on one PGlite folder each run their own
// database over the same files and lose each other's writes; two on one PostgreSQL folder would
// stop each other's server. So the first claims the folder with a file next to it (`<folder>.owner`)
// and the second refuses to start, naming the folder and the process that holds it.
//
// The claim appears whole (a hard link to a complete file) and names its process by pid, process
// start time and boot, so a claim left by a killed process, or from before a restart of the
// machine, is recognised as stale and taken over. Taking over is serialised by a short-lived
// directory: of two processes that find the same stale claim, only one replaces it.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export class FolderInUseError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database folder ${folder} is in use by process ${pid}. ` +
        'Stop that process first, or start this one in another working folder.',
    );
    this.name = 'FolderInUseError';
  }
}

export interface FolderClaim {
  readonly file: string;
  /** gives the folder up; the next process to start takes it without waiting */
  release(): Promise<void>;
}

interface Holder {
  pid: number;
  /** the kernel's boot id: a claim from before a restart of the machine is stale */
  boot?: string;
  /** when the process started, in clock ticks since boot: a pid used again is another process */
  started?: string;
  since: string;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

const bootId = () => readText('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
async function processStart(pid: number): Promise<string | undefined> {
  const text = await readText(`/proc/${pid}/stat`);
  return text?.slice(text.lastIndexOf(')') + 2).split(' ')[19];
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to another user
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isAlive(holder: Holder): Promise<boolean> {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  if (holder.boot && holder.boot !== (await bootId())) return false;
  if (!processExists(holder.pid)) return false;
  if (holder.started) {
    const started = await processStart(holder.pid);
    if (started !== undefined && started !== holder.started) return false;
  }
  return true;
}

async function readHolder(file: string): Promise<Holder | undefined> {
  const text = await readText(file);
  if (!text) return undefined;
  try {
    const holder = JSON.parse(text) as Holder;
    return typeof holder.pid === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

const TAKEOVER_STALE_MS = 10_000;

/** Runs `fn` while holding `<file>.takeover`; a takeover directory older than 10 s was left by a crash. */
async function withTakeover<T>(file: string, fn: () => Promise<T>): Promise<T> {
  const dir = `${file}.takeover`;
  const deadline = Date.now() + 2 * TAKEOVER_STALE_MS;
  for (;;) {
    try {
      await mkdir(dir);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const age = await stat(dir).then((s) => Date.now() - s.mtimeMs, () => 0);
      if (age > TAKEOVER_STALE_MS) await rmdir(dir).catch(() => undefined);
      else if (Date.now() > deadline) throw new Error(`${dir} stays in the way; remove it if no other process is starting`);
      else await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await fn();
  } finally {
    await rmdir(dir).catch(() => undefined);
  }
}

/** Claims `folder` for this process, or throws FolderInUseError naming the process that holds it. */
export async function claimFolder(folder: string): Promise<FolderClaim> {
  const absolute = path.resolve(folder);
  const file = `${absolute}.owner`;
  await mkdir(path.dirname(file), { recursive: true });
  const me: Holder = { pid: process.pid, boot: await bootId(), started: await processStart(process.pid), since: new Date().toISOString() };
  const mine = JSON.stringify(me);
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${mine}\n`, { mode: 0o644 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(draft, file);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw err;
      }
      const holder = await readHolder(file);
      if (holder && (await isAlive(holder))) throw new FolderInUseError(absolute, holder.pid);
      await withTakeover(file, async () => {
        const again = await readHolder(file);
        if (again && (await isAlive(again))) throw new FolderInUseError(absolute, again.pid);
        await rm(file, { force: true });
      });
    }
  } finally {
    await rm(draft, { force: true });
  }
  return {
    file,
    async release() {
      // only our own claim: never one a later process took over
      if ((await readText(file)) === mine) await rm(file, { force: true });
    },
  };
}
