// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { forEachDatabase } from './databases';
import { outcomeOf, postJson, startReceiverForTest, type TestReceiver } from './harness';
import { sampleCorrection } from './sample-correction';

let receiver: TestReceiver;
afterEach(async () => {
  await receiver?.dispose();
});

function controls(path: '__faults' | '__stats', init?: RequestInit): Promise<Response> {
  return fetch(`${receiver.url}${path}`, init);
}

forEachDatabase((database) => {
  const start = (options: Parameters<typeof startReceiverForTest>[0] = {}) =>
    startReceiverForTest({ ...options, database });

  describe('faults', () => {
    it('fails the next N requests with the given status, Retry-After and body, then recovers', async () => {
      receiver = await start();
      receiver.faults.set({ failNext: { count: 2, status: 503, retryAfter: '7', body: { error: 'maintenance' } } });
      const correction = sampleCorrection();
      for (let i = 0; i < 2; i += 1) {
        const response = await postJson(receiver.endpoint, correction);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('7');
        expect(await response.json()).toEqual({ error: 'maintenance' });
      }
      expect((await postJson(receiver.endpoint, correction)).status).toBe(201);
      expect(receiver.stats()).toMatchObject({ requests: 3, faulted: 2, accepted: 1 });
    });

    it('is switched over HTTP from this machine: POST sets, GET shows, DELETE resets', async () => {
      receiver = await start();
      const set = await controls('__faults', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ failNext: { count: 1, status: 429, retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' } }),
      });
      expect(set.status).toBe(200);
      const limited = await postJson(receiver.endpoint, sampleCorrection());
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
      expect(await (await controls('__faults')).json()).toMatchObject({ failNext: { count: 0, status: 429 } });

      await controls('__faults', { method: 'POST', body: JSON.stringify({ dropNext: 5 }) });
      expect((await controls('__faults', { method: 'DELETE' })).status).toBe(200);
      expect((await postJson(receiver.endpoint, sampleCorrection())).status).toBe(201);
      expect(await (await controls('__stats')).json()).toEqual({
        requests: 2,
        accepted: 1,
        duplicates: 0,
        rejected: 0,
        faulted: 1,
        connectionTests: 0,
        stored: 1,
      });
    });

    it('refuses fault settings it does not understand, naming the field', async () => {
      receiver = await start();
      const response = await controls('__faults', { method: 'POST', body: JSON.stringify({ failNext: { count: 1 } }) });
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(/failNext\.status/);
    });

    it('drops the connection of the next N requests without storing them', async () => {
      receiver = await start();
      receiver.faults.set({ dropNext: 1 });
      const correction = sampleCorrection();
      expect(await outcomeOf(postJson(receiver.endpoint, correction))).toBe('dropped');
      expect(await receiver.records()).toHaveLength(0);
      expect(await outcomeOf(postJson(receiver.endpoint, correction))).toBe(201);
    });

    it('drops after storing: the retry gets the receipt and no second record is made', async () => {
      receiver = await start();
      receiver.faults.set({ dropAfterStoreNext: 1 });
      const correction = sampleCorrection();
      expect(await outcomeOf(postJson(receiver.endpoint, correction))).toBe('dropped');
      expect(await receiver.records()).toHaveLength(1);
      const retry = await postJson(receiver.endpoint, correction);
      expect(retry.status).toBe(201);
      expect((await retry.json()).id).toBe(correction.id);
      expect(await receiver.records()).toHaveLength(1);
      expect(receiver.stats()).toMatchObject({ accepted: 1, duplicates: 1, stored: 1 });
    });

    it('holds a first attempt open (a retry meanwhile gets 409), then fails it without storing', async () => {
      receiver = await start();
      receiver.faults.set({ holdThenFailNext: { count: 1, holdMs: 300, status: 503 } });
      const correction = sampleCorrection();
      const first = postJson(receiver.endpoint, correction);
      const retry = await eventuallyInFlight(() => postJson(receiver.endpoint, correction));
      expect(retry.status).toBe(409);
      expect(retry.headers.get('retry-after')).toBe('1');
      expect((await first).status).toBe(503);
      expect(await receiver.records()).toHaveLength(0);
      expect((await postJson(receiver.endpoint, correction)).status).toBe(201);
      expect(await receiver.records()).toHaveLength(1);
    });

    it('delays every answer by the given time', async () => {
      receiver = await start();
      receiver.faults.set({ delayMs: 150 });
      const started = performance.now();
      expect((await postJson(receiver.endpoint, sampleCorrection())).status).toBe(201);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    });

    it('fails at random reproducibly: the same seed gives the same sequence', async () => {
      receiver = await start();
      const run = async (seed: number) => {
        receiver.faults.set({ random: { seed, probability: 0.5 } });
        const outcomes: (number | 'dropped')[] = [];
        // One correction per request, so duplicates do not change the answers.
        for (let i = 0; i < 24; i += 1) outcomes.push(await outcomeOf(postJson(receiver.endpoint, sampleCorrection())));
        return outcomes;
      };
      const first = await run(42);
      const second = await run(42);
      expect(second).toEqual(first);
      expect(first).toContain(201);
      expect(first).toContain(503);
      expect(first).toContain('dropped');
      expect(await run(7)).not.toEqual(first);
    });

    it('leaves the listing and the controls alone', async () => {
      receiver = await start();
      receiver.faults.set({ failNext: { count: 5, status: 500 }, dropNext: 5 });
      expect((await fetch(receiver.url)).status).toBe(200);
      expect((await controls('__stats')).status).toBe(200);
      expect(receiver.stats().faulted).toBe(0);
    });
  });
});

/** Posts until the answer is not a 201 from a race lost to the first attempt: the first 409. */
async function eventuallyInFlight(post: () => Promise<Response>): Promise<Response> {
  for (let i = 0; i < 50; i++) {
    const response = await post();
    if (response.status === 409) return response;
  }
  throw new Error('No 409 while the first attempt was held');
}
