// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { QueueDb } from '../../../lib/queue/db';
import { claimDue } from '../../../lib/queue/delivery-state';
import { enqueue, getCounts, getItem } from '../../../lib/queue/outbox';
import { getPdf, stagePdf } from '../../../lib/queue/pdf-store';
import type { QueueSummary } from '../../../lib/schema/queue';
import { createDeliveryScheduler, type DeliverySchedulerOptions } from '../../../lib/sync/scheduler';
import { attachmentFor, ENDPOINT, pdfBlob, sampleCorrection, T0, useQueueDb } from '../queue/fixtures';
import { type Answer, empty, fakeEndpoint, json, neverAnswers, opaqueRedirect } from './fake-endpoint';

const openQueueDb = useQueueDb();
const OTHER_ENDPOINT = 'https://other.example.org/corrections';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** A scheduler on a fresh outbox, with a clock, settings and an endpoint the test controls. */
async function setUp(answer: Answer, options: Partial<DeliverySchedulerOptions> = {}) {
  const db = await openQueueDb();
  const clock = { now: T0 };
  const settings = { endpointUrl: ENDPOINT, token: 'token-A' };
  const endpoint = fakeEndpoint(answer);
  const changes: { summary: QueueSummary }[] = [];
  const loadSettings = vi.fn(async () => ({ ...settings }));
  const scheduler = createDeliveryScheduler({
    db: openQueueDb, // as the background passes it: the getter, not the connection
    loadSettings,
    fetch: endpoint.fetch,
    now: () => clock.now,
    random: () => 0.5,
    timeoutMs: 10_000,
    onChange: (summary) => changes.push({ summary }),
    ...options,
  });
  const add = async (correction = sampleCorrection()) => (await enqueue(db, correction, clock.now)).id;
  return { db, clock, settings, endpoint, changes, scheduler, add, loadSettings };
}

const statusOf = async (db: QueueDb, id: string) => (await getItem(db, id))?.status;

describe('delivery scheduler', () => {
  it('delivers a queued correction and reports each step', async () => {
    const { db, scheduler, add, changes, endpoint } = await setUp(() => json(201, { id: 'R-1' }));
    const id = await add();
    expect(await scheduler.run()).toEqual({ delivered: 1, attempted: 1 });
    expect(await getItem(db, id)).toMatchObject({ status: 'sent', receipt: { id: 'R-1' }, attempts: 1 });
    expect(changes.map((c) => c.summary.status)).toEqual(['sending', 'sent']);
    expect(changes.map((c) => c.summary.attempts)).toEqual([1, 1]);
    expect(endpoint.requests[0]?.headers.get('Idempotency-Key')).toBe(`"${id}"`);
  });

  it('attempts nothing while no endpoint is set up', async () => {
    const { db, scheduler, add, settings, endpoint } = await setUp(() => empty(200));
    settings.endpointUrl = '';
    const id = await add();
    expect(await scheduler.run()).toEqual({ delivered: 0, attempted: 0 });
    expect(await statusOf(db, id)).toBe('queued');
    expect(endpoint.requests).toHaveLength(0);
    expect(await scheduler.nextWakeAt()).toBeUndefined();
  });

  it('keeps a 409 (still in flight) queued for a retry, then takes the replayed 2xx as sent', async () => {
    const { db, scheduler, add, clock } = await setUp((_, n) =>
      n === 0 ? json(409, { error: 'in flight' }, { 'Retry-After': '1' }) : json(201, { id: 'R-1' }),
    );
    const id = await add();
    await scheduler.run();
    expect(await statusOf(db, id)).toBe('retrying');
    clock.now += 60_000;
    await scheduler.run();
    expect(await statusOf(db, id)).toBe('sent');
  });

  it('retries a 503 after its Retry-After and tells when to wake', async () => {
    const { db, scheduler, add, clock } = await setUp(() => empty(503, { 'Retry-After': '120' }));
    const id = await add();
    clock.now = T0 + 10;
    expect(await scheduler.run()).toEqual({ delivered: 0, attempted: 1 });
    expect(await getItem(db, id)).toMatchObject({
      status: 'retrying',
      nextAttemptAt: T0 + 10 + 120_000,
      lastError: { kind: 'http', status: 503 },
    });
    expect(await scheduler.nextWakeAt()).toBe(T0 + 10 + 120_000);
  });

  it('backs off when the server gives no Retry-After, and never retries within the same run', async () => {
    const { db, scheduler, add, endpoint } = await setUp(() => empty(500));
    const id = await add();
    expect(await scheduler.run()).toEqual({ delivered: 0, attempted: 1 });
    expect(endpoint.requests).toHaveLength(1);
    expect((await getItem(db, id))?.nextAttemptAt).toBe(T0 + 2_000); // first failure: the base delay
  });

  it('keeps the message of a 422 for the user', async () => {
    const { db, scheduler, add } = await setUp(() => json(422, { error: 'Year must be before 2027' }));
    const id = await add();
    await scheduler.run();
    expect(await getItem(db, id)).toMatchObject({
      status: 'needs-attention',
      lastError: { kind: 'rejected', status: 422, message: 'Year must be before 2027' },
    });
  });

  it('asks for attention on 401 (credentials) and on a redirect (configuration)', async () => {
    const { db, scheduler, add } = await setUp((_, n) => (n === 0 ? empty(401) : opaqueRedirect()));
    const first = await add();
    await scheduler.run();
    const second = await add();
    await scheduler.run();
    expect((await getItem(db, first))?.lastError).toMatchObject({ kind: 'credentials', status: 401 });
    expect((await getItem(db, second))?.lastError).toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/redirected to another address/),
    });
    expect(await statusOf(db, second)).toBe('needs-attention');
  });

  it('retries after a timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const { db, scheduler, add, endpoint } = await setUp(neverAnswers);
      const id = await add();
      const running = scheduler.run();
      await vi.waitFor(() => expect(endpoint.requests).toHaveLength(1));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(await running).toEqual({ delivered: 0, attempted: 1 });
      expect(await getItem(db, id)).toMatchObject({ status: 'retrying', lastError: { kind: 'timeout' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('sends a correction with its PDF as multipart, then deletes the PDF', async () => {
    const { db, scheduler, endpoint, add } = await setUp(() => empty(201));
    const blob = pdfBlob(3);
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256, T0);
    await add(correction);
    await scheduler.run();
    const sent = endpoint.requests[0]!;
    const form = await new Request(ENDPOINT, {
      method: 'POST',
      headers: sent.headers,
      body: sent.init.body,
    }).formData();
    expect((form.get('pdf') as File).size).toBe(blob.size);
    expect(await statusOf(db, correction.id)).toBe('sent');
    expect(await getPdf(db, correction.id)).toBeUndefined();
  });

  it('asks for attention, without sending, when the PDF has gone from storage', async () => {
    const { db, scheduler, endpoint, add } = await setUp(() => empty(201));
    const blob = pdfBlob(3);
    const pdf = await attachmentFor(blob);
    const correction = sampleCorrection({ pdf });
    await stagePdf(db, correction.id, blob, pdf.sha256, T0);
    await add(correction);
    await db.delete('pdfs', correction.id); // as if the profile's storage were damaged
    await scheduler.run();
    expect(endpoint.requests).toHaveLength(0);
    expect(await getItem(db, correction.id)).toMatchObject({
      status: 'needs-attention',
      lastError: { kind: 'storage' },
    });
  });

  it('sends queued items to the endpoint set now; an attempt in flight finishes where it started', async () => {
    const gate = deferred();
    const { db, scheduler, add, settings, endpoint } = await setUp(
      async (_, n) => {
        if (n === 0) await gate.promise;
        return empty(201);
      },
      { concurrency: 1 },
    );
    const first = await add();
    const second = await add();
    const running = scheduler.run();
    await vi.waitFor(() => expect(endpoint.requests).toHaveLength(1));
    settings.endpointUrl = OTHER_ENDPOINT;
    settings.token = 'token-B';
    gate.resolve();
    await running;
    expect(endpoint.requests.map((r) => [r.url, r.headers.get('Authorization')])).toEqual([
      [ENDPOINT, 'Bearer token-A'],
      [OTHER_ENDPOINT, 'Bearer token-B'],
    ]);
    expect((await getItem(db, first))?.sendingTo).toBe(ENDPOINT);
    // Claimed ahead for the old endpoint, it was put back unsent and sent once, to the new one.
    expect(await getItem(db, second)).toMatchObject({ status: 'sent', sendingTo: OTHER_ENDPOINT, attempts: 1 });
  });

  it('sends a retrying item to the new endpoint after a change', async () => {
    const { db, scheduler, add, settings, endpoint, clock } = await setUp((_, n) => empty(n === 0 ? 503 : 201));
    const id = await add();
    await scheduler.run();
    settings.endpointUrl = OTHER_ENDPOINT;
    clock.now = (await getItem(db, id))!.nextAttemptAt;
    await scheduler.run();
    expect(endpoint.requests.map((r) => r.url)).toEqual([ENDPOINT, OTHER_ENDPOINT]);
    expect(await statusOf(db, id)).toBe('sent');
  });

  it('takes back an item a stopped worker left sending, once its lease ends', async () => {
    const leaseMs = 400_000;
    const { db, scheduler, add, clock, endpoint } = await setUp(() => empty(201), { leaseMs });
    const id = await add();
    await claimDue(db, { now: T0, max: 1, leaseMs, endpoint: ENDPOINT }); // the worker then stopped
    expect(await scheduler.run()).toEqual({ delivered: 0, attempted: 0 });
    expect(await scheduler.nextWakeAt()).toBe(T0 + leaseMs);
    clock.now = T0 + leaseMs;
    expect(await scheduler.run()).toEqual({ delivered: 1, attempted: 1 });
    expect(await getItem(db, id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(endpoint.requests[0]?.headers.get('Idempotency-Key')).toBe(`"${id}"`);
  });

  it('keeps at most `concurrency` attempts in flight, and claims at most six times as many in all', async () => {
    const gate = deferred();
    const { db, scheduler, add, endpoint } = await setUp(
      async () => {
        await gate.promise;
        return empty(201);
      },
      { concurrency: 3 },
    );
    for (let i = 0; i < 25; i++) await add();
    const running = scheduler.run();
    await vi.waitFor(() => expect(endpoint.requests).toHaveLength(3));
    // IndexedDB runs transactions in the order they were created: once these reads are answered,
    // any claim made before them has been written.
    for (let i = 0; i < 5; i++) await getCounts(db);
    expect(await getCounts(db)).toMatchObject({ sending: 18, queued: 7 });
    expect(endpoint.requests).toHaveLength(3);
    gate.resolve();
    expect(await running).toEqual({ delivered: 25, attempted: 25 });
  });

  it('announces an item as sending when its attempt starts, not when it is claimed ahead', async () => {
    const gate = deferred();
    const { scheduler, add, endpoint, changes } = await setUp(
      async () => {
        await gate.promise;
        return empty(201);
      },
      { concurrency: 1 },
    );
    const first = await add();
    await add();
    await add();
    const running = scheduler.run();
    await vi.waitFor(() => expect(endpoint.requests).toHaveLength(1));
    expect(changes.map(({ summary }) => [summary.id, summary.status])).toEqual([[first, 'sending']]);
    gate.resolve();
    await running;
    expect(changes.filter(({ summary }) => summary.status === 'sending')).toHaveLength(3);
  });

  it('coalesces kicks: one during a run brings exactly one more run', async () => {
    const gate = deferred();
    const { db, scheduler, add, endpoint, loadSettings, clock } = await setUp(
      async (_, n) => {
        if (n === 0) await gate.promise;
        return empty(201);
      },
      { concurrency: 1 },
    );
    const first = await add();
    scheduler.kick();
    await vi.waitFor(() => expect(endpoint.requests).toHaveLength(1));
    clock.now = T0 + 1;
    const second = await add(); // queued after the run started: not part of it
    scheduler.kick();
    scheduler.kick();
    gate.resolve();
    await scheduler.idle();
    expect(await statusOf(db, first)).toBe('sent');
    expect(await statusOf(db, second)).toBe('sent');
    // Each run reads the settings to claim, to send, and to record and find nothing more due.
    // Two runs: six reads. A third run would read once more.
    expect(loadSettings).toHaveBeenCalledTimes(6);
  });

  it('keeps the worker alive during a long attempt, and stops afterwards', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      const keepAlive = vi.fn();
      const { scheduler, add, endpoint } = await setUp(neverAnswers, { timeoutMs: 60_000, keepAlive });
      await add();
      const running = scheduler.run();
      await vi.waitFor(() => expect(endpoint.requests).toHaveLength(1));
      await vi.advanceTimersByTimeAsync(60_000);
      await running;
      expect(keepAlive).toHaveBeenCalledTimes(3); // every 20 s of the 60 s attempt
      await vi.advanceTimersByTimeAsync(60_000);
      expect(keepAlive).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('refuses a lease shorter than the longest attempt', async () => {
    const db = await openQueueDb();
    expect(() =>
      createDeliveryScheduler({ db, loadSettings: async () => ({ endpointUrl: ENDPOINT, token: '' }), leaseMs: 1000 }),
    ).toThrow(RangeError);
  });
});
