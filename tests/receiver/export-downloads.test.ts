// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { CorrectionSchema } from '../../lib/schema/correction';
import { forEachDatabase } from './databases';
import { postJson, startReceiverForTest, type TestReceiver } from './harness';
import { parseHtml, signIn } from './inbox-client';
import { sampleCorrection, samplePaper } from './sample-correction';

// The exports as the curator gets them from a correction's inbox page: links there (only the
// ones that apply), each a download with its own type, behind the curator's sign-in.

let receiver: TestReceiver | undefined;
afterEach(async () => {
  await receiver?.dispose();
  receiver = undefined;
});

const DELIVERY_TOKEN = 'reader-delivery-token';
const CURATOR_TOKEN = 'curator-secret-17';
const baseOf = (r: TestReceiver) => r.url.replace(/\/$/, '');

function aclCorrection() {
  const url = 'https://aclanthology.org/2020.acl-main.1/';
  const detected = samplePaper({ url, site: 'acl-anthology', arxivId: null, title: 'A wrong title' });
  return CorrectionSchema.parse(
    sampleCorrection({
      pageUrl: url,
      detected,
      paper: { title: detected.title, doi: null, arxivId: null, pmid: null, url },
      changes: [{ field: 'title', from: detected.title, to: 'The right title' }],
    }),
  );
}

const EXPECTED = [
  {
    format: 'acl-anthology',
    label: 'ACL Anthology correction (JSON)',
    labelJa: 'ACL Anthology 訂正データ（JSON）',
    type: /^application\/json; charset=utf-8$/,
    extension: 'acl-anthology.json',
  },
  {
    format: 'csl-json',
    label: 'Corrected record (CSL-JSON)',
    labelJa: '訂正後の書誌（CSL-JSON）',
    type: /^application\/vnd\.citationstyles\.csl\+json$/,
    extension: 'csl.json',
  },
  {
    format: 'publisher-message',
    label: 'Message for the publisher (plain text)',
    labelJa: '出版社への連絡文（テキスト）',
    type: /^text\/plain; charset=utf-8; format=flowed; delsp=yes$/,
    extension: 'txt',
  },
];

forEachDatabase((database) => {
  const start = () => startReceiverForTest({ token: DELIVERY_TOKEN, curatorToken: CURATOR_TOKEN, database });

  describe('exports from the inbox', () => {
    it('offers the three exports of an ACL Anthology correction as links, in English and Japanese', async () => {
      receiver = await start();
      const correction = aclCorrection();
      await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN });
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      for (const [lang, key] of [
        ['en', 'label'],
        ['ja', 'labelJa'],
      ] as const) {
        const doc = await curator.page(`/inbox/c/${correction.id}`, { 'Accept-Language': lang });
        const links = [...doc.querySelectorAll('section[aria-labelledby="exports"] a')].map((a) => ({
          href: a.getAttribute('href'),
          text: a.textContent,
          download: a.hasAttribute('download'),
        }));
        expect(links).toEqual(
          EXPECTED.map((e) => ({ href: `/inbox/c/${correction.id}/export/${e.format}`, text: e[key], download: true })),
        );
      }
    });

    it('serves each as an attachment with its type and nosniff, with the correction in it', async () => {
      receiver = await start();
      const correction = aclCorrection();
      await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN });
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      const bodies: Record<string, string> = {};
      for (const e of EXPECTED) {
        const response = await curator.get(`/inbox/c/${correction.id}/export/${e.format}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(e.type);
        expect(response.headers.get('content-disposition')).toBe(
          `attachment; filename="correction-${correction.id}.${e.extension}"`,
        );
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        bodies[e.format] = await response.text();
      }
      expect(JSON.parse(bodies['acl-anthology']!)).toEqual({
        anthology_id: '2020.acl-main.1',
        title: 'The right title',
      });
      expect(JSON.parse(bodies['csl-json']!)[0]).toMatchObject({ title: 'The right title', type: 'paper-conference' });
      expect(bodies['publisher-message']).toContain('\r\nShould be: The right title\r\n');
    });

    it('does not offer the ACL Anthology export for another site’s paper, and says why when asked for it', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN });
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      const doc = await curator.page(`/inbox/c/${correction.id}`);
      const section = doc.querySelector('section[aria-labelledby="exports"]');
      expect(section?.querySelector('a[href$="/export/acl-anthology"]')).toBeNull();
      expect(section?.textContent).toContain('not of an ACL Anthology paper');
      expect(section?.querySelectorAll('a')).toHaveLength(2);
      const response = await curator.get(`/inbox/c/${correction.id}/export/acl-anthology`);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-disposition')).toBeNull();
      expect(parseHtml(await response.text()).body.textContent).toContain('not of an ACL Anthology paper');
      const ja = await curator.get(`/inbox/c/${correction.id}/export/acl-anthology`, { 'Accept-Language': 'ja' });
      expect(ja.status).toBe(422);
      expect(parseHtml(await ja.text()).body.textContent).toContain('ACL Anthology の論文のものではありません');
    });

    it('gives nothing to anyone without a curator session, nor for an unknown format or correction', async () => {
      receiver = await start();
      const correction = aclCorrection();
      await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN });
      const base = baseOf(receiver);
      for (const e of EXPECTED) {
        const path = `${base}/inbox/c/${correction.id}/export/${e.format}`;
        expect((await fetch(path)).status).toBe(401);
        expect((await fetch(path, { headers: { Authorization: `Bearer ${DELIVERY_TOKEN}` } })).status).toBe(401);
      }
      const curator = await signIn(base, CURATOR_TOKEN);
      expect((await curator.get(`/inbox/c/${correction.id}/export/bibtex`)).status).toBe(404);
      expect((await curator.get(`/inbox/c/${sampleCorrection().id}/export/csl-json`)).status).toBe(404);
    });
  });
});
