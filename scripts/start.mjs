// `npm start`: runs the compiled app (dist/main.js), compiling the sources first when they changed
// since the last build (an edit in a fresh clone runs), in this same process so signals reach the app.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIfStale, dist } from './build.mjs';

// package.json's start runs this with --max-semi-space-size=1: a young generation of 1 MB instead of
// 16 keeps about 20 MB less resident (npm run bench:memory); set later, from here, it has no effect.

try {
  buildIfStale();
} catch {
  process.stderr.write('Start-up failed: the sources do not compile (see above); `npm run check` says where.\n');
  process.exit(1);
}
await import(pathToFileURL(path.join(dist, 'main.js')).href);
