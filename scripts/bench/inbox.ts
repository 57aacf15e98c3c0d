import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { postgresBinDir, startPostgresServer } from '../../tests/receiver/postgres-server';
import { sampleCorrection } from '../../tests/receiver/sample-correction';
import type { Database } from '../receiver/db/database';
import { openDatabase, pgliteDir } from '../receiver/db/open';
import { openPglite } from '../receiver/db/pglite';
import { startReceiver } from '../receiver/server';
import { median, type Row } from './common';

// The curator's inbox at scale, and what the database's durable commit costs the receiver:
// - 100,000 corrections stored in PGlite (seeded with one INSERT … SELECT per 10,000), then
//   the inbox's first page fetched over HTTP as a curator gets it (bearer curator token, the
//   whole HTML body), unfiltered, filtered by state, and searched by title;
// - corrections accepted per second over HTTP (4 at a time), with the database's durable
//   commit and with `synchronous_commit = off`, in rounds ordered on, off, off, on, on PGlite
//   and, when Debian's postgresql is installed, on a server with fsync on.

const STORED = 100_000;
const SEED_BATCH = 10_000;
const PAGE_TARGET_MS = 300;
const PAGE_RUNS = 15;
const POSTS = 300;
const CONCURRENCY = 4;
const CURATOR_TOKEN = 'bench-curator-token';
const ORDER = ['durable', 'relaxed', 'relaxed', 'durable'] as const;
type Commit = (typeof ORDER)[number];

const STATES = "ARRAY['received','accepted','rejected','applied']";
const SITES = "ARRAY['arxiv','acl-anthology','pubmed','generic','jstage']";

/** STORED corrections, newest first one second apart, their titles and sites and states varied. */
async function seed(db: Database): Promise<void> {
  const template = JSON.stringify(sampleCorrection());
  for (let first = 1; first <= STORED; first += SEED_BATCH) {
    await db.query(
      `INSERT INTO corrections (id, received_at, correction, state)
       SELECT s.id, now() - make_interval(secs => s.n),
         jsonb_set(jsonb_set(jsonb_set($1::jsonb, '{id}', to_jsonb(s.id::text)),
           '{paper,title}', to_jsonb('Paper ' || s.n || ' on attention')),
           '{detected,site}', to_jsonb((${SITES})[1 + s.n % 5])),
         (${STATES})[1 + s.n % 4]
       FROM (SELECT n, gen_random_uuid() AS id FROM generate_series($2::int, $3::int) AS n) AS s`,
      [template, first, Math.min(first + SEED_BATCH - 1, STORED)],
    );
  }
}

async function timePage(url: string): Promise<{ cold: number; median: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let run = 0; run <= PAGE_RUNS; run++) {
    const start = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${CURATOR_TOKEN}` } });
    const html = await response.text();
    times.push(performance.now() - start);
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
    rows = (html.match(/<td><a href="\/inbox\/c\//g) ?? []).length;
  }
  return { cold: times[0]!, median: median(times.slice(1)), rows };
}

async function listRows(): Promise<Row[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'erratum-bench-inbox-'));
  try {
    const db = await openDatabase({ dataDir });
    const seeding = performance.now();
    await seed(db);
    const seeded = ((performance.now() - seeding) / 1000).toFixed(0);
    await db.close();
    const receiver = await startReceiver({ port: 0, dataDir, curatorToken: CURATOR_TOKEN });
    try {
      const rows: Row[] = [];
      const pages = [
        ['first page', ''],
        ['first page, state = accepted', '?state=accepted'],
        ['title search, first page', '?title=99999'],
      ] as const;
      for (const [label, query] of pages) {
        const timing = await timePage(`${receiver.inbox}${query}`);
        rows.push({
          measure: `Inbox of ${STORED.toLocaleString('en')} (PGlite, HTTP): ${label}`,
          value: `${timing.median.toFixed(0)} ms median of ${PAGE_RUNS} (first ${timing.cold.toFixed(0)} ms; ${timing.rows} rows${rows.length === 0 ? `; seeded in ${seeded} s` : ''})`,
          target: `< ${PAGE_TARGET_MS} ms`,
          met: timing.median < PAGE_TARGET_MS,
        });
      }
      return rows;
    } finally {
      await receiver.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Corrections accepted per second by a receiver at `endpoint`, CONCURRENCY at a time. */
async function acceptedPerSecond(endpoint: string): Promise<number> {
  const bodies = Array.from({ length: POSTS }, () => sampleCorrection());
  let next = 0;
  const post = async () => {
    while (next < bodies.length) {
      const correction = bodies[next++]!;
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': correction.id },
        body: JSON.stringify(correction),
      });
      await response.arrayBuffer();
      if (response.status !== 201 && response.status !== 200) throw new Error(`POST: ${response.status}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, post));
  return POSTS / ((performance.now() - start) / 1000);
}

interface Backend {
  label: string;
  /** A receiver's data folder and database, committing durably or not; returns its databaseUrl. */
  prepare(dataDir: string, commit: Commit): Promise<string | undefined>;
  done(): Promise<void>;
}

async function pgliteBackend(): Promise<Backend> {
  // One cluster made once (initdb takes seconds) and copied for each round, as the tests do.
  const template = await mkdtemp(join(tmpdir(), 'erratum-bench-pglite-'));
  await (await openPglite(pgliteDir(template))).close();
  return {
    label: 'PGlite',
    async prepare(dataDir, commit) {
      await cp(pgliteDir(template), pgliteDir(dataDir), { recursive: true });
      if (commit === 'relaxed') {
        // PGlite runs one session in single-user mode: a per-database setting is not read
        // there, postgresql.auto.conf (ALTER SYSTEM) is.
        const db = await openPglite(pgliteDir(dataDir));
        await db.query('ALTER SYSTEM SET synchronous_commit = off');
        await db.close();
      }
      return undefined;
    },
    done: () => rm(template, { recursive: true, force: true }),
  };
}

async function serverBackend(bin: string): Promise<Backend> {
  const server = await startPostgresServer(bin, { fsync: true });
  return {
    label: 'PostgreSQL server (fsync on)',
    async prepare(_dataDir, commit) {
      const url = await server.createDatabase();
      if (commit === 'relaxed') {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const name = (await client.query<{ d: string }>('SELECT current_database() AS d')).rows[0]!.d;
        await client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
        await client.end();
      }
      return url;
    },
    done: () => server.stop(),
  };
}

async function throughputRow(backend: Backend): Promise<Row> {
  const rates: Record<Commit, number[]> = { durable: [], relaxed: [] };
  for (const commit of ORDER) {
    const dataDir = await mkdtemp(join(tmpdir(), 'erratum-bench-receiver-'));
    try {
      const databaseUrl = await backend.prepare(dataDir, commit);
      const receiver = await startReceiver({ port: 0, dataDir, databaseUrl });
      try {
        rates[commit].push(await acceptedPerSecond(receiver.endpoint));
      } finally {
        await receiver.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  const durable = median(rates.durable);
  const relaxed = median(rates.relaxed);
  return {
    measure: `Receiver throughput, ${backend.label}: durable commit · synchronous_commit off`,
    value: `${durable.toFixed(0)}/s · ${relaxed.toFixed(0)}/s · off / on ×${(relaxed / durable).toFixed(2)} (${POSTS} corrections, ${CONCURRENCY} at a time, ${ORDER.length} rounds)`,
  };
}

export async function measureInbox(): Promise<Row[]> {
  const rows = await listRows();
  const backends = [await pgliteBackend()];
  const bin = postgresBinDir();
  if (bin) backends.push(await serverBackend(bin));
  for (const backend of backends) {
    try {
      rows.push(await throughputRow(backend));
    } finally {
      await backend.done();
    }
  }
  if (!bin)
    rows.push({ measure: 'Receiver throughput, PostgreSQL server', value: 'skipped: PostgreSQL is not installed' });
  return rows;
}
