// `npm start`: runs the compiled app (dist/main.js), compiling the sources first when they changed
// since the last build (an edit in a fresh clone runs), in this same process so signals reach the app.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { buildIfStale, dist } from './build.mjs';

try {
  buildIfStale();
} catch {
  process.stderr.write('Start-up failed: the sources do not compile (see above); `npm run check` says where.\n');
  process.exit(1);
}
await import(pathToFileURL(path.join(dist, 'main.js')).href);
