// One process per embedded database folder: the claim, its refusal, and claims that processes which
// no longer exist left behind. (Two real processes are in test/e2e/embedded-database.test.ts.)
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { claimFolder, FolderInUseError } from '../../src/db/folder-owner.ts';

let root: string;
let folder: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'econnect-owner-'));
  folder = path.join(root, 'data', 'postgres');
  await mkdir(path.dirname(folder));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The pid of a process that has ended. */
async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

it('a claimed folder is refused to the next claim, naming the folder and the process; released, it can be claimed again', async () => {
  const claim = await claimFolder(folder);
  const err = await claimFolder(folder).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FolderInUseError);
  expect((err as FolderInUseError).message).toBe(
    `the embedded database folder ${folder} is in use by process ${process.pid}. Stop that process first, or start this one in another working folder.`,
  );
  await claim.release();
  const again = await claimFolder(folder);
  await again.release();
});

it('a claim left by a process that has ended is taken over', async () => {
  const pid = await endedPid();
  await writeFile(`${folder}.owner`, JSON.stringify({ pid, since: new Date().toISOString() }));
  const claim = await claimFolder(folder);
  expect(JSON.parse(await readFile(claim.file, 'utf8')).pid).toBe(process.pid);
  await claim.release();
});

it('a claim whose pid now belongs to another process (a restart of the machine or container) is taken over', async () => {
  const mine = await claimFolder(folder);
  const holder = JSON.parse(await readFile(mine.file, 'utf8'));
  // same pid, alive, but started at another moment, or before another boot
  for (const stale of [{ ...holder, started: '1' }, { ...holder, boot: 'another-boot' }]) {
    await writeFile(mine.file, JSON.stringify(stale));
    const claim = await claimFolder(folder);
    expect(JSON.parse(await readFile(claim.file, 'utf8'))).not.toEqual(stale);
    await writeFile(mine.file, JSON.stringify(holder));
  }
  await mine.release();
});

it('of many claims at once on a stale folder, exactly one wins', async () => {
  const pid = await endedPid();
  await writeFile(`${folder}.owner`, JSON.stringify({ pid, since: new Date().toISOString() }));
  const results = await Promise.allSettled(Array.from({ length: 8 }, () => claimFolder(folder)));
  const won = results.filter((r) => r.status === 'fulfilled');
  expect(won).toHaveLength(1);
  for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(FolderInUseError);
  await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof claimFolder>>>).value.release();
});
