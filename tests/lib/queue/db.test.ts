// @vitest-environment node
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { QUEUE_DB_NAME, QUEUE_DB_VERSION, UPGRADE_STEPS } from '../../../lib/queue/db';
import { claimDue } from '../../../lib/queue/delivery-state';
import { getItem, listSummaries } from '../../../lib/queue/outbox';
import { getPdf } from '../../../lib/queue/pdf-store';
import { ENDPOINT, pdfBlob, sampleCorrection, T0, useQueueDb } from './fixtures';

const openQueueDb = useQueueDb();

/**
 * The database exactly as version 1 of the extension created and filled it, written with raw
 * IndexedDB so that later changes to lib/queue/db.ts cannot change it. When a step changes what
 * a record holds, add a `writtenByVersionN` beside it and test both against the current code.
 */
async function writtenByVersion1() {
  const correction = sampleCorrection();
  const blob = pdfBlob(7);
  const record = {
    id: correction.id,
    correction,
    status: 'retrying',
    attempts: 2,
    nextAttemptAt: T0 + 60_000,
    lastError: { kind: 'http', status: 503, message: 'The endpoint had a problem (HTTP 503).', at: T0 },
    hasPdf: true,
    createdAt: T0,
    updatedAt: T0,
  };
  const db = await openDB(QUEUE_DB_NAME, 1, {
    upgrade(raw) {
      const corrections = raw.createObjectStore('corrections', { keyPath: 'id' });
      corrections.createIndex('status', 'status');
      corrections.createIndex('status-nextAttemptAt', ['status', 'nextAttemptAt']);
      corrections.createIndex('createdAt', 'createdAt');
      raw.createObjectStore('pdfs');
    },
  });
  await db.put('corrections', record);
  await db.put('pdfs', { blob, size: blob.size, sha256: 'a'.repeat(64), stagedAt: T0 }, correction.id);
  db.close();
  return { record, blobSize: blob.size };
}

describe('queue database', () => {
  it('numbers its version by its list of upgrade steps', () => {
    expect(QUEUE_DB_VERSION).toBe(UPGRADE_STEPS.length);
    expect(QUEUE_DB_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('opens a database written by version 1 with every record and PDF intact', async () => {
    const { record, blobSize } = await writtenByVersion1();
    const db = await openQueueDb();
    expect(db.version).toBe(QUEUE_DB_VERSION);
    expect(await getItem(db, record.id)).toEqual(record);
    const pdf = await getPdf(db, record.id);
    expect(pdf?.blob.size).toBe(blobSize);
    const listing = await listSummaries(db, { limit: 10 });
    expect(listing.counts.retrying).toBe(1);
    // The indexes still work: the old retrying item is claimed once due.
    const claimed = await claimDue(db, { now: T0 + 60_000, max: 5, leaseMs: 1000, endpoint: ENDPOINT });
    expect(claimed.map((item) => item.id)).toEqual([record.id]);
  });

  it('creates the current schema on a fresh profile', async () => {
    const db = await openQueueDb();
    expect([...db.objectStoreNames].sort()).toEqual(['corrections', 'pdfs']);
    expect([...db.transaction('corrections').store.indexNames].sort()).toEqual(['createdAt', 'status-nextAttemptAt']);
  });

  it('hands out one shared connection', async () => {
    expect(await openQueueDb()).toBe(await openQueueDb());
  });
});
