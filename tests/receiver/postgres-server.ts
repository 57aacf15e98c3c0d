import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// A real PostgreSQL server for one test file: Debian's postgresql package, a fresh cluster in a
// temporary folder, a Unix socket only (no TCP port to collide with other agents' tests).

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The newest installed server's bin folder, or null when PostgreSQL is not installed. */
export function postgresBinDir(): string | null {
  if (process.env.POSTGRES_BIN) return process.env.POSTGRES_BIN;
  if (!existsSync(DEBIAN_ROOT)) return null;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((version) => existsSync(join(DEBIAN_ROOT, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(DEBIAN_ROOT, versions[0], 'bin') : null;
}

export interface PostgresServer {
  /** A new, empty database on the server; its connection string. */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const PORT = 5432;

/** initdb refuses to run as root: as root, the cluster belongs to the package's postgres user. */
function asServerUser(bin: string, args: string[]): void {
  const command = join(bin, args[0]!);
  const rest = args.slice(1);
  const root = process.getuid?.() === 0;
  const result = root
    ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...rest], { encoding: 'utf8' })
    : spawnSync(command, rest, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`${args[0]} failed (${result.status}): ${result.stderr || result.stdout || result.error}`);
}

function postgresUid(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export interface PostgresServerOptions {
  /** Keep PostgreSQL's fsync on (its default): the bench measures what a durable commit costs. */
  fsync?: boolean;
}

export async function startPostgresServer(bin: string, options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const dir = await mkdtemp(join(tmpdir(), 'erratum-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUid();
    await chown(dir, uid, gid);
  }
  const data = join(dir, 'db');
  asServerUser(bin, ['initdb', '-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // fsync off for tests: a throwaway cluster; what is tested is what the database answers, not the disk.
  const serverOptions = `-k ${dir} -p ${PORT} -c listen_addresses='' -c fsync=${options.fsync ? 'on' : 'off'}`;
  asServerUser(bin, ['pg_ctl', '-D', data, '-o', serverOptions, '-l', join(dir, 'log'), '-w', 'start']);
  const url = (database: string) =>
    `postgresql://postgres@localhost/${database}?host=${encodeURIComponent(dir)}&port=${PORT}`;
  let databases = 0;
  return {
    async createDatabase() {
      databases += 1;
      const name = `receiver_${process.pid}_${databases}`;
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      try {
        asServerUser(bin, ['pg_ctl', '-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
