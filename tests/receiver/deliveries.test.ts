// @vitest-environment node
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../scripts/receiver/body';
import { REUSED_KEY_ERROR } from '../../scripts/receiver/deliveries';
import { forEachDatabase } from './databases';
import { pdfAttachment, pdfBytes, postJson, postMultipart, startReceiverForTest, type TestReceiver } from './harness';
import { sampleCorrection } from './sample-correction';

let receiver: TestReceiver;
afterEach(async () => {
  await receiver?.dispose();
});

forEachDatabase((database) => {
  const start = (options: Parameters<typeof startReceiverForTest>[0] = {}) =>
    startReceiverForTest({ ...options, database });

  describe('accepting corrections', () => {
    it('stores a JSON correction and answers 201 with a receipt whose URL returns it', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const response = await postJson(receiver.endpoint, correction);
      expect(response.status).toBe(201);
      const receipt = await response.json();
      expect(receipt).toEqual({
        id: correction.id,
        url: `${receiver.endpoint}/${correction.id}`,
        status: `${receiver.endpoint}/${correction.id}/status`,
      });
      expect(await (await fetch(receipt.url)).json()).toEqual(correction);
      const [record] = await receiver.records();
      expect(record).toMatchObject({ id: correction.id, correction, hasPdf: false, current: true, state: 'received' });
    });

    it('stores the PDF of a multipart delivery byte for byte', async () => {
      receiver = await start();
      const bytes = pdfBytes(300_000);
      const correction = sampleCorrection({ pdf: pdfAttachment(bytes) });
      const response = await postMultipart(receiver.endpoint, correction, bytes);
      expect(response.status).toBe(201);
      expect(await receiver.pdf(correction.id)).toEqual(bytes);
      const [record] = await receiver.records();
      expect(record).toMatchObject({ id: correction.id, hasPdf: true });
      const download = await fetch(`${receiver.endpoint}/${correction.id}/paper.pdf`);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    });
  });

  describe('idempotency', () => {
    it('answers the same key and body twice with the first answer and keeps one record', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const first = await postJson(receiver.endpoint, correction);
      // Same correction, serialised with another key order: still the same correction.
      const reordered = Object.fromEntries(Object.entries(correction).reverse());
      const second = await postJson(receiver.endpoint, reordered);
      expect(second.status).toBe(first.status);
      expect(await second.json()).toEqual(await first.json());
      expect(await receiver.records()).toHaveLength(1);
      expect(receiver.stats()).toMatchObject({ requests: 2, accepted: 1, duplicates: 1, stored: 1 });
    });

    it('stores one record when attempts with the same key arrive at once, telling racers to retry (409)', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const answers = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const response = await postJson(receiver.endpoint, correction);
          return {
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            body: await response.json(),
          };
        }),
      );
      // draft-ietf-httpapi-idempotency-key-header: a request whose key is still being processed
      // gets 409; one that comes after the first finished gets the first answer replayed.
      const receipt = {
        id: correction.id,
        url: `${receiver.endpoint}/${correction.id}`,
        status: `${receiver.endpoint}/${correction.id}/status`,
      };
      for (const answer of answers) {
        if (answer.status === 409) expect(answer.retryAfter).toBe('1');
        else expect(answer).toEqual({ status: 201, retryAfter: null, body: receipt });
      }
      expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThanOrEqual(1);
      expect(await receiver.records()).toHaveLength(1);
      const retry = await postJson(receiver.endpoint, correction);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(receipt);
      expect(receiver.stats()).toMatchObject({ accepted: 1, duplicates: 5 });
    });

    it('takes the key as an RFC 8941 string (quoted, protocol 1.1) and bare (1.0), as one correction', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const quoted = await postJson(receiver.endpoint, correction, { key: `"${correction.id}"` });
      expect(quoted.status).toBe(201);
      const bare = await postJson(receiver.endpoint, correction, { key: correction.id });
      expect(bare.status).toBe(201);
      expect(await bare.json()).toEqual(await quoted.json());
      expect(await receiver.records()).toHaveLength(1);
      const otherId = await postJson(receiver.endpoint, correction, { key: '"0190a000-0000-7000-8000-000000000000"' });
      expect(otherId.status).toBe(422);
    });

    it('refuses the same key with a different correction', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      await postJson(receiver.endpoint, correction);
      const changed = { ...correction, comment: 'Also the venue is wrong' };
      const response = await postJson(receiver.endpoint, changed);
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({ error: REUSED_KEY_ERROR });
      const [record] = await receiver.records();
      expect(record?.correction).toEqual(correction);
    });

    it('still recognises a retry after a restart on the same data directory', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const receipt = await (await postJson(receiver.endpoint, correction)).json();
      await receiver.close();

      receiver = await start({ dataDir: receiver.dataDir, databaseUrl: receiver.databaseUrl });
      const retry = await postJson(receiver.endpoint, correction);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual(receipt);
      const changed = await postJson(receiver.endpoint, { ...correction, comment: 'different' });
      expect(changed.status).toBe(422);
      expect(receiver.stats()).toMatchObject({ accepted: 0, duplicates: 2, stored: 1 });
    });

    it('refuses a missing key, and a key that is not the correction id', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const missing = await postJson(receiver.endpoint, correction, { key: null });
      expect(missing.status).toBe(422);
      expect((await missing.json()).error).toMatch(/Idempotency-Key/);
      const other = await postJson(receiver.endpoint, correction, { key: sampleCorrection().id });
      expect(other.status).toBe(422);
      expect((await other.json()).error).toMatch(/must equal the correction id/);
      expect(await receiver.records()).toHaveLength(0);
    });
  });

  describe('refusing bad payloads', () => {
    it('names the invalid field in a readable 422 error', async () => {
      receiver = await start();
      const correction = sampleCorrection({ submitter: { name: 'Grace Hopper', email: 'not an email' } });
      const response = await postJson(receiver.endpoint, correction);
      expect(response.status).toBe(422);
      const { error } = await response.json();
      expect(error).toContain('submitter.email: Enter a valid email address');
      expect(await receiver.records()).toHaveLength(0);
    });

    it('accepts a refused correction once it is fixed and sent again under the same id', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const refused = await postJson(receiver.endpoint, { ...correction, changes: [] });
      expect(refused.status).toBe(422);
      expect((await refused.json()).error).toMatch(/changes: Select at least one field/);
      expect((await postJson(receiver.endpoint, correction)).status).toBe(201);
    });

    it('refuses JSON that does not parse', async () => {
      receiver = await start();
      const response = await postJson(receiver.endpoint, '{"id": ', { key: 'x' });
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(/not valid JSON/);
    });

    it('refuses a PNG sent as a PDF', async () => {
      receiver = await start();
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(100)]);
      const correction = sampleCorrection({ pdf: pdfAttachment(png) });
      const response = await postMultipart(receiver.endpoint, correction, png);
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(/not a PDF/);
      expect(await receiver.records()).toHaveLength(0);
    });

    it('refuses a PDF over 10 MB with a message', async () => {
      receiver = await start();
      const bytes = pdfBytes(10 * 1024 * 1024 + 1);
      const correction = sampleCorrection({ pdf: { ...pdfAttachment(bytes), size: 1 } });
      const response = await postMultipart(receiver.endpoint, correction, bytes);
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(/larger than 10 MB/);
    });

    it('refuses a PDF whose bytes do not match pdf.sha256', async () => {
      receiver = await start();
      const bytes = pdfBytes();
      const correction = sampleCorrection({
        pdf: pdfAttachment(pdfBytes(2048).map((b, i) => (i === 100 ? b ^ 1 : b))),
      });
      const response = await postMultipart(receiver.endpoint, correction, bytes);
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(/pdf\.sha256/);
    });

    it('refuses a declared PDF that was not attached', async () => {
      receiver = await start();
      const correction = sampleCorrection({ pdf: pdfAttachment(pdfBytes()) });
      const response = await postJson(receiver.endpoint, correction);
      expect(response.status).toBe(422);
      expect((await response.json()).error).toMatch(/no "pdf" part/);
    });

    it('answers 413 to a body over the cap before reading it', async () => {
      receiver = await start();
      // Declares more than the cap but sends a few bytes: the answer must come without the rest.
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(receiver.endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1) },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.write('{"id":');
      });
      expect(status).toBe(413);
    });

    it('answers 413 to a chunked body once it passes the cap, without storing anything', async () => {
      receiver = await start();
      const answer = await new Promise<string>((resolve, reject) => {
        const req = request(receiver.endpoint, {
          method: 'POST',
          headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (chunk) => {
            body += chunk;
          });
          res.on('end', () => resolve(`${res.statusCode} ${body}`));
        });
        req.on('error', reject);
        const chunk = Buffer.alloc(1024 * 1024, 0x61);
        let sent = 0;
        const writeMore = () => {
          while (sent < MAX_BODY_BYTES / chunk.length + 2) {
            sent += 1;
            if (!req.write(chunk)) return void req.once('drain', writeMore);
          }
          req.end();
        };
        writeMore();
      });
      expect(answer).toBe('413 {"error":"The request is larger than 12 MB"}');
      expect(await receiver.records()).toHaveLength(0);
    });
  });

  describe('credentials and connection tests', () => {
    it('refuses a missing or wrong token with 401 and accepts the right one', async () => {
      receiver = await start({ token: 's3cret' });
      const missing = await postJson(receiver.endpoint, sampleCorrection());
      expect(missing.status).toBe(401);
      expect((await missing.json()).error).toMatch(/needs a token/);
      const wrong = await postJson(receiver.endpoint, sampleCorrection(), { token: 'guess' });
      expect(wrong.status).toBe(401);
      expect((await wrong.json()).error).toMatch(/refused/);
      expect((await postJson(receiver.endpoint, sampleCorrection(), { token: 's3cret' })).status).toBe(201);
      expect(await receiver.records()).toHaveLength(1);
    });

    it('answers a connection test with 204, checking the token first and storing nothing', async () => {
      receiver = await start({ token: 's3cret' });
      const test = { 'Erratum-Connection-Test': '1' };
      expect((await postJson(receiver.endpoint, {}, { key: null, headers: test })).status).toBe(401);
      const ok = await postJson(receiver.endpoint, {}, { key: null, token: 's3cret', headers: test });
      expect(ok.status).toBe(204);
      expect(await receiver.records()).toHaveLength(0);
      expect(receiver.stats()).toMatchObject({ connectionTests: 1, stored: 0 });
    });

    it('answers OPTIONS with the allowed methods and no cross-origin grant', async () => {
      receiver = await start();
      const response = await fetch(receiver.endpoint, { method: 'OPTIONS' });
      expect(response.status).toBe(204);
      expect(response.headers.get('allow')).toBe('POST, OPTIONS');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
