// @vitest-environment node
import type { IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopbackRequest } from '../../scripts/receiver/credentials';
import { forEachDatabase } from './databases';
import { pdfAttachment, pdfBytes, postJson, postMultipart, startReceiverForTest, type TestReceiver } from './harness';
import { sampleCorrection, samplePaper } from './sample-correction';

let receiver: TestReceiver;
afterEach(async () => {
  await receiver?.dispose();
});

const HOSTILE = '<img src=x onerror=alert(1)>';

forEachDatabase((database) => {
  const start = (options: Parameters<typeof startReceiverForTest>[0] = {}) =>
    startReceiverForTest({ ...options, database });

  describe('the listing page', () => {
    it('lists what arrived with hostile text escaped, under a CSP that forbids scripts', async () => {
      receiver = await start();
      const detected = samplePaper({ title: HOSTILE });
      const correction = sampleCorrection({
        detected,
        paper: { title: HOSTILE, doi: null, arxivId: null, pmid: null, url: detected.url },
        changes: [{ field: 'title', from: HOSTILE, to: '"><script>alert(2)</script>' }],
        submitter: { name: `Mallory ${HOSTILE}`, email: 'mallory@example.org' },
      });
      expect((await postJson(receiver.endpoint, correction)).status).toBe(201);

      const response = await fetch(receiver.url);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
      const html = await response.text();
      expect(html).not.toContain('<img');
      expect(html).not.toContain('<script');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('Mallory &lt;img');
      expect(html).toContain(correction.id);
      expect(html).toContain('mallory@example.org');
    });

    it('shows the fields changed and links the PDF', async () => {
      receiver = await start();
      const bytes = pdfBytes();
      const correction = sampleCorrection({
        changes: [
          { field: 'title', from: 'Old', to: 'New' },
          { field: 'year', from: 2020, to: 2021 },
        ],
        pdf: pdfAttachment(bytes),
      });
      await postMultipart(receiver.endpoint, correction, bytes);
      const html = await (await fetch(receiver.url)).text();
      expect(html).toContain('title, year, pdf');
      expect(html).toContain(`href="/corrections/${correction.id}/paper.pdf"`);
    });

    it('shows each correction’s review state and which revision replaced which', async () => {
      receiver = await start();
      const first = sampleCorrection();
      const revision = { ...sampleCorrection(), supersedes: first.id };
      await postJson(receiver.endpoint, first);
      await postJson(receiver.endpoint, revision);
      await receiver.review(revision.id, { state: 'accepted', actor: 'curator' });
      const html = await (await fetch(receiver.url)).text();
      const rowOf = (id: string) => html.split('<tr').find((row) => row.includes(`/corrections/${id}"`)) ?? '';
      expect(rowOf(first.id)).toMatch(/^ class="replaced">/);
      expect(rowOf(first.id)).toContain(`received<br><span class="muted">replaced by <code>${revision.id}</code>`);
      expect(rowOf(revision.id)).toMatch(/^>/);
      expect(rowOf(revision.id)).toContain(`accepted<br><span class="muted">replaces <code>${first.id}</code>`);
    });

    it('lists the stored corrections as JSON, newest first', async () => {
      receiver = await start();
      const first = sampleCorrection();
      const second = sampleCorrection();
      await postJson(receiver.endpoint, first);
      await postJson(receiver.endpoint, second);
      const list = await (await fetch(`${receiver.url}corrections`)).json();
      expect(list.map((record: { id: string }) => record.id)).toEqual([second.id, first.id]);
      expect(list[0]).toMatchObject({ correction: second, hasPdf: false, answer: { status: 201 } });
    });

    it('answers only this machine', () => {
      const from = (remoteAddress: string) => ({ socket: { remoteAddress } }) as unknown as IncomingMessage;
      expect(isLoopbackRequest(from('127.0.0.1'))).toBe(true);
      expect(isLoopbackRequest(from('::ffff:127.0.0.1'))).toBe(true);
      expect(isLoopbackRequest(from('::1'))).toBe(true);
      expect(isLoopbackRequest(from('192.168.1.20'))).toBe(false);
      expect(isLoopbackRequest(from('::ffff:10.0.0.7'))).toBe(false);
    });
  });
});
