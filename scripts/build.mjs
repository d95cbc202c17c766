// Compiles src/ (the generated Prisma client included) to dist/ with TypeScript's own compiler:
// one .js file per .ts file, relative imports rewritten from .ts to .js
// (rewriteRelativeImportExtensions), types stripped without checking them (noCheck; `npm run check`
// checks). dist/ mirrors src/, so paths a module finds from its own place (../../prisma/migrations)
// stay right. The build goes to a fresh folder that replaces dist/ at the end, and dist/.sources
// records which sources it was made from, so `npm start` knows when they changed since.
//   node scripts/build.mjs            build
//   import { buildIfStale } ...       what `npm start` does first (scripts/start.mjs)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.sources');
const inputs = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function* files(entry) {
  const stats = statSync(entry);
  if (!stats.isDirectory()) {
    yield [entry, stats];
    return;
  }
  for (const name of readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

/** Every input file's path, size and modification time, hashed: any edit, addition or removal changes it. */
export function sourcesId() {
  const hash = createHash('sha256');
  for (const input of inputs) {
    for (const [file, stats] of files(path.join(root, input))) hash.update(`${path.relative(root, file)}\0${stats.size}\0${stats.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function build() {
  const id = sourcesId();
  const fresh = path.join(root, `dist.building-${process.pid}`);
  rmSync(fresh, { recursive: true, force: true });
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  try {
    // tsc's messages go to stderr: stdout is the app's
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', fresh], { cwd: root, stdio: ['ignore', 2, 2] });
    writeFileSync(path.join(fresh, '.sources'), `${id}\n`);
    rmSync(dist, { recursive: true, force: true });
    renameSync(fresh, dist);
  } catch (err) {
    rmSync(fresh, { recursive: true, force: true });
    throw err;
  }
}

/** Builds when dist/ is missing or was made from other sources than the ones on disk now. */
export function buildIfStale() {
  let built = '';
  try {
    built = readFileSync(stampFile, 'utf8').trim();
  } catch {
    // never built
  }
  if (built === sourcesId()) return false;
  process.stderr.write(built ? 'The sources changed since the last build: compiling them again.\n' : 'Compiling the sources.\n');
  build();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) build();
