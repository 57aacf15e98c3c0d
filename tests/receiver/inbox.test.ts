// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { CorrectionStatusSchema } from '../../lib/schema/status';
import { forEachDatabase } from './databases';
import { pdfAttachment, pdfBytes, postJson, postMultipart, startReceiverForTest, type TestReceiver } from './harness';
import { parseHtml, postForm, signIn } from './inbox-client';
import { sampleCorrection, samplePaper } from './sample-correction';

let receiver: TestReceiver | undefined;
afterEach(async () => {
  await receiver?.dispose();
  receiver = undefined;
});

const DELIVERY_TOKEN = 'reader-delivery-token';
const CURATOR_TOKEN = 'curator-secret-17';
const HOSTILE = '<img src=x onerror=alert(1)>';

const baseOf = (r: TestReceiver) => r.url.replace(/\/$/, '');
const text = (doc: Document) => doc.body.textContent?.replace(/\s+/g, ' ') ?? '';

forEachDatabase((database) => {
  const start = (options: Parameters<typeof startReceiverForTest>[0] = {}) =>
    startReceiverForTest({ token: DELIVERY_TOKEN, curatorToken: CURATOR_TOKEN, ...options, database });

  describe('the inbox', () => {
    it('is off, and says how to open it, when no curator token is configured', async () => {
      receiver = await start({ curatorToken: undefined });
      const response = await fetch(receiver.inbox, { headers: { Authorization: `Bearer ${DELIVERY_TOKEN}` } });
      expect(response.status).toBe(404);
      expect(text(parseHtml(await response.text()))).toContain('CURATOR_TOKEN');
    });

    it('refuses anyone without the curator token: no session, a wrong token, the readers’ delivery token', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN });
      const base = baseOf(receiver);
      for (const path of ['/inbox', `/inbox/c/${correction.id}`, `/inbox/c/${correction.id}/paper.pdf`]) {
        expect((await fetch(`${base}${path}`)).status).toBe(401);
        for (const bearer of ['guess', DELIVERY_TOKEN])
          expect((await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${bearer}` } })).status).toBe(401);
      }
      for (const token of ['guess', DELIVERY_TOKEN]) {
        const login = await postForm(`${base}/inbox/login`, { name: 'Mallory', token });
        expect(login.status).toBe(401);
        expect(login.headers.get('set-cookie')).toBeNull();
      }
      // A cookie someone made up, or one signed for another name, is no session.
      const curator = await signIn(base, CURATOR_TOKEN);
      const [value] = curator.cookie.split('=').slice(1);
      const [session, mac] = value!.split('.');
      const other = Buffer.from(JSON.stringify({ n: 'Mallory', r: 'x' })).toString('base64url');
      for (const forged of [`${other}.${mac}`, `${session}.AAAA`, session!])
        expect((await fetch(`${base}/inbox`, { headers: { Cookie: `erratum_curator=${forged}` } })).status).toBe(401);
      // Nor can a review be made without one.
      const review = await postForm(`${base}/inbox/c/${correction.id}/review`, { state: 'accepted', csrf: '' });
      expect(review.status).toBe(401);
      expect((await receiver.records())[0]?.state).toBe('received');
    });

    it('signs a curator in with an HttpOnly, SameSite=Strict cookie and serves its pages under a strict CSP', async () => {
      receiver = await start();
      const login = await postForm(`${baseOf(receiver)}/inbox/login`, { name: 'Carla', token: CURATOR_TOKEN });
      expect(login.status).toBe(303);
      const cookie = login.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/inbox/);
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      const response = await curator.get('/inbox');
      expect(response.status).toBe(200);
      const csp = (response.headers.get('content-security-policy') ?? '').split(/;\s*/);
      expect(csp).toEqual(
        expect.arrayContaining([
          "default-src 'none'",
          "style-src 'self'",
          "script-src 'self'",
          "form-action 'self'",
          "frame-ancestors 'none'",
        ]),
      );
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      // A script with the token needs no cookie.
      const bearer = await fetch(receiver.inbox, { headers: { Authorization: `Bearer ${CURATOR_TOKEN}` } });
      expect(bearer.status).toBe(200);
    });

    it('shows hostile text from pages and readers as text, never as markup', async () => {
      receiver = await start();
      const detected = samplePaper({
        title: HOSTILE,
        authors: [{ name: `<script>alert(3)</script>`, affiliations: [] }],
      });
      const correction = sampleCorrection({
        detected,
        paper: { title: HOSTILE, doi: '10.1234/"><b>x', arxivId: null, pmid: null, url: detected.url },
        changes: [{ field: 'title', from: HOSTILE, to: '"><script>alert(2)</script>' }],
        authorChanges: [{ kind: 'add', position: 1, author: { name: '<svg onload=alert(4)>', affiliations: [] } }],
        proposedAuthors: [detected.authors[0]!, { name: '<svg onload=alert(4)>', affiliations: [] }],
        comment: `</textarea><iframe src="https://evil.example"></iframe>`,
        evidenceUrl: 'https://evil.example/"onmouseover="alert(5)',
        submitter: { name: `Mallory ${HOSTILE}`, email: 'mallory@example.org' },
      });
      expect((await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN })).status).toBe(201);
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      for (const path of ['/inbox', `/inbox/c/${correction.id}`, `/inbox?title=${encodeURIComponent(HOSTILE)}`]) {
        const doc = await curator.page(path);
        expect(doc.querySelectorAll('script, img, svg, iframe, b').length).toBe(0);
        expect([...doc.querySelectorAll('*')].some((el) => el.hasAttribute('onmouseover'))).toBe(false);
        expect(text(doc)).toContain(HOSTILE);
      }
      const detail = await curator.page(`/inbox/c/${correction.id}`);
      const shown = text(detail);
      for (const value of [
        '"><script>alert(2)</script>',
        '<script>alert(3)</script>',
        '<svg onload=alert(4)>',
        `</textarea><iframe src="https://evil.example"></iframe>`,
        `Mallory ${HOSTILE}`,
      ])
        expect(shown).toContain(value);
      const evidence = [...detail.querySelectorAll('a')].find((a) => a.textContent?.startsWith('https://evil.example'));
      expect(evidence?.getAttribute('href')).toBe(correction.evidenceUrl);
      expect(evidence?.getAttribute('rel')).toContain('noreferrer');
    });

    it('shows each change before and after, the authors with their moves, the comment, evidence and submitter', async () => {
      receiver = await start();
      const detected = samplePaper({
        authors: [
          { name: 'Ada Lovelace', affiliations: [] },
          { name: 'Alan Turing', affiliations: [] },
          { name: 'Kurt Gödel', affiliations: [] },
        ],
      });
      const correction = sampleCorrection({
        detected,
        changes: [
          { field: 'title', from: detected.title, to: 'Attention Is All You Need' },
          { field: 'year', from: 2021, to: 2017 },
        ],
        authorChanges: [
          { kind: 'remove', index: 2, author: detected.authors[2]! },
          { kind: 'add', position: 2, author: { name: 'Grace Hopper', affiliations: [] } },
          { kind: 'reorder', from: ['Ada Lovelace', 'Alan Turing'], to: ['Alan Turing', 'Ada Lovelace'] },
        ],
        proposedAuthors: [
          { name: 'Alan Turing', affiliations: [] },
          { name: 'Ada Lovelace', affiliations: [] },
          { name: 'Grace Hopper', affiliations: [] },
        ],
        comment: 'See the proceedings.',
        evidenceUrl: 'https://papers.example.org/nips2017',
      });
      await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN });
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      const doc = await curator.page(`/inbox/c/${correction.id}`);
      const rows = [...doc.querySelectorAll('section[aria-labelledby="changes"] tbody tr')];
      const cells = rows.map((row) => [...row.children].map((cell) => cell.textContent));
      expect(cells).toEqual([
        ['title', 'Attention Is Almost All You Need', 'Attention Is All You Need'],
        ['year', '2021', '2017'],
      ]);
      const lists = [...doc.querySelectorAll('section[aria-labelledby="authors"] ol')].map((ol) =>
        [...ol.querySelectorAll('li')].map((li) => li.textContent),
      );
      expect(lists).toEqual([
        ['Ada Lovelace', 'Alan Turing', 'Kurt Gödel (removed)'],
        ['Alan Turing (moved from 2)', 'Ada Lovelace (moved from 1)', 'Grace Hopper (added)'],
      ]);
      const shown = text(doc);
      expect(shown).toContain('See the proceedings.');
      expect(shown).toContain('Grace Hopper <grace@example.org>');
      expect(doc.querySelector('a[href="https://papers.example.org/nips2017"]')).not.toBeNull();
      expect(doc.querySelector(`a[href="${correction.pageUrl}"]`)).not.toBeNull();
    });

    it('records accept / applied with the note and who decided, and the reader’s status address tells it', async () => {
      receiver = await start();
      const correction = sampleCorrection();
      const receipt = await (await postJson(receiver.endpoint, correction, { token: DELIVERY_TOKEN })).json();
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN, 'Carla Curator');
      // A form posted without the page's CSRF token changes nothing.
      expect((await curator.post(`/inbox/c/${correction.id}/review`, { state: 'rejected', csrf: 'x' })).status).toBe(
        403,
      );
      const note = 'Fixed in the index; thank you.';
      const accepted = await curator.decide(correction.id, 'accepted', note);
      expect(accepted.status).toBe(303);
      expect(accepted.headers.get('location')).toBe(`/inbox/c/${correction.id}`);
      const status = CorrectionStatusSchema.parse(
        await (await fetch(receipt.status, { headers: { Authorization: `Bearer ${DELIVERY_TOKEN}` } })).json(),
      );
      expect(status).toMatchObject({ state: 'accepted', note });
      await curator.decide(correction.id, 'applied', '');

      const doc = await curator.page(`/inbox/c/${correction.id}`);
      const history = [...doc.querySelectorAll('section[aria-labelledby="history"] tbody tr')].map((row) =>
        [...row.children].slice(1).map((cell) => cell.textContent),
      );
      expect(history).toEqual([
        ['Carla Curator', 'Accepted', note],
        ['Carla Curator', 'Applied', ''],
      ]);
      const times = [...doc.querySelectorAll('section[aria-labelledby="history"] time')].map((t) =>
        Date.parse(t.getAttribute('datetime') ?? ''),
      );
      expect(times.every((t) => Math.abs(t - Date.now()) < 60_000)).toBe(true);
      const list = await curator.page('/inbox?state=applied');
      expect(text(list)).toContain(correction.paper.title!);
    });

    it('gives the PDF as a download, never to be shown in the inbox’s origin', async () => {
      receiver = await start();
      const bytes = pdfBytes();
      const correction = sampleCorrection({ pdf: pdfAttachment(bytes) });
      await postMultipart(receiver.endpoint, correction, bytes, { token: DELIVERY_TOKEN });
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      const doc = await curator.page(`/inbox/c/${correction.id}`);
      const link = doc.querySelector('a[download]');
      expect(link?.getAttribute('href')).toBe(`/inbox/c/${correction.id}/paper.pdf`);
      const response = await curator.get(link!.getAttribute('href')!);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"/\\]+\.pdf"$/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    });

    it('speaks Japanese to a browser that prefers it', async () => {
      receiver = await start();
      const curator = await signIn(baseOf(receiver), CURATOR_TOKEN);
      const ja = await curator.page('/inbox', { 'Accept-Language': 'ja-JP,ja;q=0.9,en;q=0.8' });
      expect(ja.documentElement.getAttribute('lang')).toBe('ja');
      expect(text(ja)).toContain('訂正の受信箱');
      const en = await curator.page('/inbox', { 'Accept-Language': 'fr, en;q=0.5, ja;q=0.1' });
      expect(en.documentElement.getAttribute('lang')).toBe('en');
    });
  });
});
