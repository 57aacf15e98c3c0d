// @vitest-environment node
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../scripts/receiver/db/migrations';
import { postJson } from './harness';
import { type PostgresServer, postgresBinDir, startPostgresServer } from './postgres-server';
import { sampleCorrection } from './sample-correction';

// Two receivers behind one load balancer: two real processes (`npm run receiver`'s script) on one
// PostgreSQL database, hit with the same correction at once, must store it once.

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const bin = postgresBinDir();
if (!bin) console.warn('Two receiver processes on one PostgreSQL database: skipped, PostgreSQL is not installed');

interface ReceiverProcess {
  child: ChildProcess;
  endpoint: string;
}

/** Starts scripts/receiver/main.ts on a free port and reads its endpoint from what it prints. */
async function startProcess(databaseUrl: string, dataDir: string): Promise<ReceiverProcess> {
  const child = spawn(TSX, ['scripts/receiver/main.ts', '--port', '0', '--quiet', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stderr?.on('data', (chunk) => {
    printed += String(chunk);
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      printed += String(chunk);
      const match = /^Endpoint[^:]*: (http\S+)$/m.exec(printed);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`The receiver exited (${code}) before listening:\n${printed}`)));
  });
  return { child, endpoint };
}

async function stopProcess({ child }: ReceiverProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  await exited;
}

describe.skipIf(!bin)('two receiver processes on one PostgreSQL database', () => {
  let server: PostgresServer;
  let databaseUrl: string;
  let dataDir: string;
  let receivers: ReceiverProcess[] = [];

  beforeAll(async () => {
    server = await startPostgresServer(bin!);
    databaseUrl = await server.createDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'erratum-receiver-'));
    // Both start at once: the migrations must run once between them.
    receivers = await Promise.all([startProcess(databaseUrl, dataDir), startProcess(databaseUrl, dataDir)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all(receivers.map(stopProcess));
    await server?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The ids stored under `id`, asked of the database directly. */
  async function storedIds(id: string): Promise<string[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const rows = await client.query<{ id: string }>('SELECT id::text AS id FROM corrections WHERE id = $1', [id]);
      return rows.rows.map((row) => row.id);
    } finally {
      await client.end();
    }
  }

  /** Resolves once some process holds an advisory lock (bounded polling: PostgreSQL sends no event). */
  async function advisoryLockTaken(): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
        const rows = await client.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted");
        if (rows.rowCount) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('No advisory lock taken in 10 s');
    } finally {
      await client.end();
    }
  }

  it('store a correction sent to both at once exactly once, and answer every retry alike', async () => {
    const correction = sampleCorrection();
    const attempts = Array.from({ length: 12 }, (_, i) => receivers[i % 2]!.endpoint);
    const answers = await Promise.all(
      attempts.map(async (endpoint) => {
        const response = await postJson(endpoint, correction);
        return {
          status: response.status,
          retryAfter: response.headers.get('retry-after'),
          body: await response.json(),
        };
      }),
    );

    // Counted by asking the database directly, not the receivers.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const rows = await client.query('SELECT id::text AS id FROM corrections');
      expect(rows.rows).toEqual([{ id: correction.id }]);
      // Each migration recorded once, though both processes started on the empty database.
      const migrations = await client.query('SELECT version FROM schema_migrations ORDER BY version');
      expect(migrations.rows.map((row) => row.version)).toEqual(MIGRATIONS.map((migration) => migration.version));
    } finally {
      await client.end();
    }

    // draft-ietf-httpapi-idempotency-key-header: the same receipt to each, or 409 to come back.
    const stored = answers.filter((answer) => answer.status === 201);
    expect(stored.length).toBeGreaterThanOrEqual(1);
    const receipt = stored[0]!.body;
    expect(receipt.id).toBe(correction.id);
    for (const answer of answers)
      if (answer.status === 409) expect(answer.retryAfter).toBe('1');
      else expect(answer).toEqual({ status: 201, retryAfter: null, body: receipt });
    for (const { endpoint } of receivers) {
      const retry = await postJson(endpoint, correction);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(receipt);
    }
  });

  it('tell a retry to the other process to come back while the first holds the key, then store it once', async () => {
    const [held, other] = receivers as [ReceiverProcess, ReceiverProcess];
    const faults = await fetch(new URL('/__faults', held.endpoint), {
      method: 'POST',
      body: JSON.stringify({ holdThenFailNext: { count: 1, holdMs: 3000, status: 503 } }),
    });
    expect(faults.status).toBe(200);
    const correction = sampleCorrection();
    const first = postJson(held.endpoint, correction);
    await advisoryLockTaken();
    // Only the database can tell the other process that the key is in flight.
    const retry = await postJson(other.endpoint, correction);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('retry-after')).toBe('1');
    expect((await first).status).toBe(503);
    expect(await storedIds(correction.id)).toEqual([]);
    expect((await postJson(other.endpoint, correction)).status).toBe(201);
    expect(await storedIds(correction.id)).toEqual([correction.id]);
  });

  it('refuse the same key with another correction, whichever process has it', async () => {
    const correction = sampleCorrection();
    expect((await postJson(receivers[0]!.endpoint, correction)).status).toBe(201);
    const changed = await postJson(receivers[1]!.endpoint, { ...correction, comment: 'Another text' });
    expect(changed.status).toBe(422);
  });
});
