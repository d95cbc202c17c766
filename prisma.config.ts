// The Prisma CLI runs on its JS/WASM engines through a driver adapter: nothing is downloaded.
import path from 'node:path';
import { defineConfig } from 'prisma/config';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (url && !url.includes('@unused')) {
      const { PrismaPg } = await import('@prisma/adapter-pg-migrate');
      return new PrismaPg({ connectionString: url });
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { PrismaPGlite } = await import('pglite-prisma-adapter');
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
    // In memory: the CLI is used here to write migrations (migrate dev / diff), never on app data;
    // the app applies migrations itself on start-up (src/db/migrate.ts).
    return new PrismaPGlite(new PGlite({ extensions: { pg_trgm } })) as never;
  },
});
