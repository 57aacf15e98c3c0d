// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { CorrectionStatusSchema } from '../../lib/schema/status';
import { forEachDatabase } from './databases';
import { postJson, startReceiverForTest, type TestReceiver } from './harness';
import { sampleCorrection } from './sample-correction';

let receiver: TestReceiver | undefined;
afterEach(async () => {
  await receiver?.dispose();
  receiver = undefined;
});

const TOKEN = 'reader-token';
const withToken = { headers: { Authorization: `Bearer ${TOKEN}` } };

forEachDatabase((database) => {
  const start = (options: Parameters<typeof startReceiverForTest>[0] = {}) =>
    startReceiverForTest({ ...options, database });

  describe('the status address', () => {
    it('is in the receipt and tells the reader the state and the curator’s note as it changes', async () => {
      receiver = await start({ token: TOKEN });
      const correction = sampleCorrection();
      const receipt = await (await postJson(receiver.endpoint, correction, { token: TOKEN })).json();
      expect(receipt.status).toBe(`${receiver.endpoint}/${correction.id}/status`);

      const received = await fetch(receipt.status, withToken);
      expect(received.status).toBe(200);
      const first = CorrectionStatusSchema.parse(await received.json());
      expect(first).toMatchObject({ id: correction.id, state: 'received', note: null });

      const note = 'Thanks: the title is fixed in the next release of the index.';
      expect(await receiver.review(correction.id, { state: 'accepted', note, actor: 'curator@example.org' })).toBe(
        true,
      );
      const accepted = CorrectionStatusSchema.parse(await (await fetch(receipt.status, withToken)).json());
      expect(accepted).toMatchObject({ id: correction.id, state: 'accepted', note });
      expect(Date.parse(accepted.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.updatedAt));
      // Who reviewed it is the curators' business, not the reader's.
      expect(JSON.stringify(accepted)).not.toContain('curator@example.org');

      await receiver.review(correction.id, { state: 'applied', actor: 'curator@example.org' });
      expect(await (await fetch(receipt.status, withToken)).json()).toMatchObject({ state: 'applied', note: null });
    });

    it('asks for the reader’s token, and knows no correction it never stored', async () => {
      receiver = await start({ token: TOKEN });
      const correction = sampleCorrection();
      const { status } = await (await postJson(receiver.endpoint, correction, { token: TOKEN })).json();
      const missing = await fetch(status);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      expect((await fetch(status, { headers: { Authorization: 'Bearer guess' } })).status).toBe(401);
      const unknown = await fetch(`${receiver.endpoint}/${sampleCorrection().id}/status`, withToken);
      expect(unknown.status).toBe(404);
      expect((await fetch(status, { ...withToken, method: 'POST' })).status).toBe(405);
      expect(await receiver.review(sampleCorrection().id, { state: 'rejected', actor: 'c' })).toBe(false);
    });
  });
});
