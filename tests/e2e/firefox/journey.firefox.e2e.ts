// The reader's whole journey in a real Firefox (Debian's firefox-esr over WebDriver BiDi, the built
// .output/firefox-mv2 installed as a temporary add-on): pencils on a paper page and on a list page,
// the form in its frame, the PDF checked by content, the outbox and its delivery, the popup and the
// options page, hostile pages, and no error in any console along the way.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../scripts/receiver/server';
import { pdfBytes, pngBytes } from '../form-helpers';
import { eventually } from '../harness';
import { backgroundErrors, configureEndpoint, queueItems, watchBackground } from './extension-pages';
import { button, byLabel, showsText } from './finders';
import type { Context } from './harness';
import { FirefoxExtension } from './harness';
import { openFormFromPencil } from './open-form';
import { type RecordingProxy, recordingProxy } from './recording-proxy';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const ARTICLE_URL = 'https://journal.example.org/articles/7';
const ARTICLE = readFileSync(join(fixtures, 'pages', 'three-authors.html'), 'utf8');
const DBLP = join(fixtures, 'sites', 'dblp', 'pid-toutanova');

describe('Firefox: the journey from pencil to endpoint', () => {
  let browser: FirefoxExtension;
  let control: Context;
  let receiver: Receiver;
  let proxy: RecordingProxy;
  const files = mkdtempSync(join(tmpdir(), 'erratum-files-'));

  beforeAll(async () => {
    browser = await FirefoxExtension.launch();
    control = await browser.openExtensionPage('popup.html');
    await watchBackground(browser, control);
    receiver = await startReceiver({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'erratum-receiver-')) });
    proxy = await recordingProxy(receiver.endpoint);
    await configureEndpoint(browser, { endpointUrl: proxy.endpoint, name: 'Ada Lovelace' });
  });

  afterEach(async () => {
    for (const tab of await browser.tree()) if (tab.context !== control) await browser.closeTab(tab.context);
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await receiver?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('puts pencils beside the title, each author and the DOI the page shows', async () => {
    browser.route(ARTICLE_URL, ARTICLE);
    const tab = await browser.newTab(ARTICLE_URL);
    await browser.waitFor(tab, () => document.querySelectorAll('erratum-control').length >= 5);
    const placed = await browser.evaluate(tab, () => {
      // Each pencil must sit on the line of the text it corrects, at or after its start.
      const beside = (field: string, selector: string, nth = 0) => {
        const host = document.querySelectorAll(`erratum-control[data-erratum-field="${field}"]`)[nth];
        const target = document.querySelectorAll(selector)[nth];
        const pencilBox = host?.shadowRoot?.querySelector('button')?.getBoundingClientRect();
        const textBox = target?.getBoundingClientRect();
        if (!pencilBox || !textBox) return false;
        const middle = pencilBox.top + pencilBox.height / 2;
        return middle >= textBox.top - 4 && middle <= textBox.bottom + 4 && pencilBox.left >= textBox.left;
      };
      return {
        title: beside('title', 'h1'),
        authors: [0, 1, 2].map((i) => beside('author', 'li.author', i)),
        doi: beside('doi', 'a.doi'),
      };
    });
    expect(placed).toEqual({ title: true, authors: [true, true, true], doi: true });
  });

  it('gives each entry of a dblp list page its own set of pencils', async () => {
    const url = readFileSync(`${DBLP}.url`, 'utf8').trim();
    browser.route(url, readFileSync(`${DBLP}.html`, 'utf8'));
    const tab = await browser.newTab(url);
    // What the reader sees as entries: dblp's records less the edited volumes (no papers).
    const entries = await browser.evaluate(tab, () => document.querySelectorAll('li.entry:not(.editor)').length);
    expect(entries).toBeGreaterThan(1);
    await browser.waitFor(
      tab,
      (count: number) => document.querySelectorAll('erratum-control[data-erratum-field="title"]').length === count,
      entries,
    );
    const perEntry = await browser.evaluate(tab, () =>
      [...document.querySelectorAll('li.entry:not(.editor)')].map(
        (entry) => entry.querySelectorAll('erratum-control[data-erratum-field="title"]').length,
      ),
    );
    expect(perEntry.every((count) => count === 1)).toBe(true);
  });

  it('opens the form in its frame; a renamed PNG is refused, a PDF attached; sent, queued at once and delivered with its Idempotency-Key', async () => {
    const { form } = await openFormFromPencil(browser, { url: ARTICLE_URL, html: ARTICLE }, 'title');

    await browser.fill(
      form,
      'Sediment Transport in Braided Rivers, Revisited',
      byLabel,
      'Suggested correction (Title)',
    );
    await browser.click(form, button, 'Edit Liam Brennan');
    await browser.fill(form, 'University College Dublin', byLabel, 'Affiliation 1');

    const png = join(files, 'figure.pdf');
    writeFileSync(png, pngBytes());
    await browser.setFiles(form, [png], () => document.querySelector('input[type="file"]'));
    await browser.waitFor(form, () => document.querySelector('[role="alert"]')?.textContent?.includes('PDF'));
    const pdf = join(files, 'corrected.pdf');
    writeFileSync(pdf, pdfBytes(48 * 1024));
    await browser.setFiles(form, [pdf], () => document.querySelector('input[type="file"]'));
    await browser.waitFor(form, showsText, 'corrected.pdf (48 KB)');

    await browser.fill(form, 'ada@example.org', byLabel, 'Email');
    await browser.click(form, byLabel, 'I am an author of this paper');
    await browser.click(form, button, 'Review correction');
    await browser.waitFor(form, button, 'Send correction');
    await browser.click(form, button, 'Send correction');
    await browser.waitFor(form, showsText, 'Saved in your outbox');

    const [queued] = await queueItems(browser, control);
    expect(queued?.id).toMatch(/^[0-9a-f-]{36}$/);
    const records = await eventually(
      () => receiver.records(),
      (list) => list.some((record) => record.id === queued?.id),
    );
    const record = records.find((r) => r.id === queued?.id);
    expect(record?.hasPdf).toBe(true);
    expect(record?.correction.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'title',
          from: 'Sediment Transport in Braided Rivers',
          to: 'Sediment Transport in Braided Rivers, Revisited',
        },
      ]),
    );
    expect(JSON.stringify(record?.correction.proposedAuthors)).toContain('University College Dublin');
    // The IETF draft's form: an sf-string, the correction id in quotes.
    expect(proxy.requests.filter((r) => r.method === 'POST').map((r) => r.headers['idempotency-key'])).toContain(
      `"${queued?.id}"`,
    );
    // The popup lists it, delivered.
    const popup = await browser.openExtensionPage('popup.html');
    await browser.waitFor(popup, showsText, 'Sediment Transport in Braided Rivers');
    await browser.waitFor(popup, showsText, 'Sent');
  });

  it('leaves no error in the console of the page, the form or the background', async () => {
    const errors = browser.consoleErrors().map((entry) => entry.text);
    expect(errors).toEqual([]);
    expect(await backgroundErrors(browser, control)).toEqual([]);
  });
});
