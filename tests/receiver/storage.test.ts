// @vitest-environment node
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../scripts/receiver/db/database';
import { MIGRATIONS, migrate } from '../../scripts/receiver/db/migrations';
import { openDatabase } from '../../scripts/receiver/db/open';
import { checkCorrection } from '../../scripts/receiver/submission';
import { forEachDatabase } from './databases';
import { pdfAttachment, pdfBytes, postJson, postMultipart, startReceiverForTest, type TestReceiver } from './harness';
import { sampleCorrection } from './sample-correction';

let receiver: TestReceiver | undefined;
let db: Database | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await receiver?.dispose();
  await db?.close();
  receiver = undefined;
  db = undefined;
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('migrations', () => {
  it('only add: no statement drops, truncates, deletes or rewrites stored rows', () => {
    const statements = MIGRATIONS.flatMap((migration) => migration.statements);
    for (const statement of statements) expect(statement).not.toMatch(/\b(DROP|TRUNCATE|DELETE|UPDATE|RENAME)\b/i);
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  });
});

forEachDatabase((database) => {
  const start = (options: Parameters<typeof startReceiverForTest>[0] = {}) =>
    startReceiverForTest({ ...options, database });
  const freshDatabase = async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'erratum-receiver-'));
    dirs.push(dataDir);
    return { dataDir, ...(await database.fresh(dataDir)) };
  };

  describe('schema versions', () => {
    it('are applied once, recorded in schema_migrations, and kept with the data on reopening', async () => {
      const where = await freshDatabase();
      db = await openDatabase(where);
      const applied = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(applied.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(db)).toEqual([]);
      await db.close();
      db = undefined;

      receiver = await start(where);
      const correction = sampleCorrection();
      expect((await postJson(receiver.endpoint, correction)).status).toBe(201);
      await receiver.close();
      receiver = await start(where);
      expect((await receiver.records()).map((record) => record.id)).toEqual([correction.id]);
    });

    it('refuse to run on a database from a newer receiver, saying so', async () => {
      const where = await freshDatabase();
      db = await openDatabase(where);
      await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')");
      await db.close();
      db = undefined;
      await expect(openDatabase(where)).rejects.toThrow(/schema version 999.*update the receiver/);
    });
  });

  describe('revisions (supersedes)', () => {
    it('keeps both revisions and marks the newer one current', async () => {
      receiver = await start();
      const first = sampleCorrection();
      const revision = { ...sampleCorrection(), supersedes: first.id };
      expect((await postJson(receiver.endpoint, first)).status).toBe(201);
      expect((await postJson(receiver.endpoint, revision)).status).toBe(201);
      const byId = new Map((await receiver.records()).map((record) => [record.id, record]));
      expect(byId.get(first.id)).toMatchObject({ current: false, supersededBy: revision.id, supersedes: null });
      expect(byId.get(revision.id)).toMatchObject({ current: true, supersededBy: null, supersedes: first.id });
      expect(byId.get(revision.id)?.correction).toEqual(revision);
    });

    it('marks an older revision that arrives after its replacement as not current', async () => {
      receiver = await start();
      const first = sampleCorrection();
      const revision = { ...sampleCorrection(), supersedes: first.id };
      expect((await postJson(receiver.endpoint, revision)).status).toBe(201);
      expect((await postJson(receiver.endpoint, first)).status).toBe(201);
      const byId = new Map((await receiver.records()).map((record) => [record.id, record]));
      expect(byId.get(first.id)).toMatchObject({ current: false, supersededBy: revision.id });
      expect(byId.get(revision.id)).toMatchObject({ current: true });
    });

    it('refuses a revision that names itself or an id that is not a correction id', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const self = await postJson(receiver.endpoint, { ...correction, supersedes: correction.id });
      expect(self.status).toBe(422);
      expect((await self.json()).error).toMatch(/supersedes/);
      const notAnId = await postJson(receiver.endpoint, { ...correction, supersedes: '../../etc' });
      expect(notAnId.status).toBe(422);
      expect((await notAnId.json()).error).toMatch(/supersedes/);
      expect(await receiver.records()).toHaveLength(0);
    });
  });

  describe('the old file store', () => {
    it('is brought into the database on start: listed, its PDF served, its retries recognised', async () => {
      const where = await freshDatabase();
      const bytes = pdfBytes(4096);
      const correction = sampleCorrection({ pdf: pdfAttachment(bytes) });
      const verdict = checkCorrection(JSON.stringify(correction), correction.id);
      if (!verdict.ok) throw new Error(verdict.error);
      // The layout the receiver wrote before the database: <data>/<id>/{correction.json,paper.pdf,answer.json}.
      const answer = {
        status: 201,
        body: { id: correction.id, url: `http://127.0.0.1:8787/corrections/${correction.id}` },
      };
      const dir = join(where.dataDir, correction.id);
      await mkdir(dir);
      await writeFile(join(dir, 'correction.json'), JSON.stringify(correction, null, 2));
      await writeFile(join(dir, 'paper.pdf'), bytes);
      const receivedAt = '2026-11-30T10:00:00.000Z';
      await writeFile(
        join(dir, 'answer.json'),
        JSON.stringify({ receivedAt, fingerprint: verdict.value.fingerprint, answer, hasPdf: true }),
      );
      // A write cut short (no answer.json) counted as nothing received then, and still does.
      await mkdir(join(where.dataDir, sampleCorrection().id));

      receiver = await start(where);
      const records = await receiver.records();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ id: correction.id, receivedAt, correction, hasPdf: true });
      const download = await fetch(`${receiver.endpoint}/${correction.id}/paper.pdf`);
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
      // The old receipt, replayed to a retry of the old delivery.
      const retry = await postMultipart(receiver.endpoint, correction, bytes);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(answer.body);
      await receiver.close();

      // A second start adds nothing twice.
      receiver = await start(where);
      expect(await receiver.records()).toHaveLength(1);
    });
  });
});
