import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { pgliteDir } from '../../scripts/receiver/db/open';
import { openPglite } from '../../scripts/receiver/db/pglite';
import { type PostgresServer, postgresBinDir, startPostgresServer } from './postgres-server';

// The receiver suite runs once per database: always on the embedded PGlite, and on a real
// PostgreSQL server started here when Debian's postgresql is installed.

export interface TestDatabase {
  label: string;
  /** Gives a receiver on `dataDir` an empty database of its own: a server URL, or PGlite in dataDir. */
  fresh(dataDir: string): Promise<{ databaseUrl?: string }>;
}

let pgliteTemplate: Promise<string> | undefined;

/**
 * A new PGlite cluster takes seconds to create (initdb in WebAssembly) and one already created
 * opens in a fraction of that, so each test file creates one, unmigrated, and copies it into
 * every receiver's data folder: the receiver still opens it and runs every migration itself.
 */
function emptyPgliteDir(): Promise<string> {
  pgliteTemplate ??= (async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'erratum-pglite-template-')), 'pglite');
    await (await openPglite(dir)).close();
    return dir;
  })();
  return pgliteTemplate;
}

const pglite: TestDatabase = {
  label: 'pglite',
  async fresh(dataDir) {
    await cp(await emptyPgliteDir(), pgliteDir(dataDir), { recursive: true });
    return {};
  },
};

const NOT_INSTALLED =
  'PostgreSQL server: skipped, PostgreSQL is not installed (apt-get install postgresql, or set POSTGRES_BIN)';

/** Runs `suite` on PGlite, then on a PostgreSQL server (or says visibly that it was skipped). */
export function forEachDatabase(suite: (database: TestDatabase) => void): void {
  describe('on PGlite (embedded)', () => {
    beforeAll(() => emptyPgliteDir(), 60_000);
    suite(pglite);
  });
  const bin = postgresBinDir();
  if (!bin) {
    console.warn(NOT_INSTALLED);
    describe.skip(NOT_INSTALLED, () => it('runs the same suite on a PostgreSQL server', () => undefined));
    return;
  }
  describe('on a PostgreSQL server', () => {
    let server: PostgresServer | undefined;
    beforeAll(async () => {
      server = await startPostgresServer(bin);
    }, 60_000);
    afterAll(async () => {
      await server?.stop();
    });
    suite({
      label: 'postgres',
      fresh: async () => {
        if (!server) throw new Error('The PostgreSQL server did not start');
        return { databaseUrl: await server.createDatabase() };
      },
    });
  });
}
