// `npm start` runs compiled JavaScript: scripts/start.mjs compiles src/ to dist/ when the sources
// changed since the last build (an edit in a fresh clone runs), then runs dist/main.js without tsx.
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, startApp } from '../support/app-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const run = promisify(execFile);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

/** A project with the repository's build scripts and settings and two source files of its own. */
async function project(greeting: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'econnect-build-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, 'scripts'));
  await mkdir(path.join(dir, 'src'));
  for (const file of ['scripts/build.mjs', 'scripts/start.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json']) {
    await copyFile(path.join(repoRoot, file), path.join(dir, file));
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'src/main.ts'), "import { greeting } from './greeting.ts';\nconst words: string = greeting();\nconsole.log(words);\n");
  await writeFile(path.join(dir, 'src/greeting.ts'), `export const greeting = (): string => '${greeting}';\n`);
  return dir;
}

const start = (dir: string) => run(process.execPath, [path.join(dir, 'scripts/start.mjs')], { cwd: dir });

describe('npm start', () => {
  it('runs the compiled sources and compiles them again after an edit, only then', async () => {
    const dir = await project('hello');
    const first = await start(dir);
    expect(first.stdout).toBe('hello\n');
    expect(first.stderr).toContain('Compiling the sources.');
    // relative imports rewritten for Node, types gone
    const main = await readFile(path.join(dir, 'dist/main.js'), 'utf8');
    expect(main).toContain("from './greeting.js'");
    expect(main).not.toContain(': string');

    const again = await start(dir);
    expect(again.stdout).toBe('hello\n');
    expect(again.stderr).toBe('');

    await writeFile(path.join(dir, 'src/greeting.ts'), "export const greeting = (): string => 'edited';\n");
    const edited = await start(dir);
    expect(edited.stdout).toBe('edited\n');
    expect(edited.stderr).toContain('The sources changed since the last build');
  });

  it('does not run an old build when the sources no longer compile', async () => {
    const dir = await project('hello');
    await start(dir);
    await writeFile(path.join(dir, 'src/greeting.ts'), 'export const greeting = ( => ;\n');
    const broken = await start(dir).then(
      () => undefined,
      (err: { code: number; stdout: string; stderr: string }) => err,
    );
    expect(broken?.code).toBe(1);
    expect(broken?.stdout).toBe('');
    expect(broken?.stderr).toContain('Start-up failed: the sources do not compile');
  });

  it('starts the app compiled, with its pages, on PostgreSQL', async () => {
    const database: TestDatabase = await createTestDatabase('postgres', 'compiled');
    cleanups.push(() => database.drop());
    const app = await startApp({ env: database.env, cwd: database.cwd, compiled: true, startTimeoutMs: 120_000 });
    cleanups.unshift(() => app.stop());
    const cmdline = await readFile(`/proc/${app.pid}/cmdline`, 'utf8');
    expect(cmdline).not.toContain('tsx');
    expect(cmdline).toContain('scripts/start.mjs');
    const page = await fetch(`${app.baseUrl}/register`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form');
  });
});
