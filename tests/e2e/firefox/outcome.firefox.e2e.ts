// Issue #17 in a real Firefox: the loop closed. A correction made on a paper page reaches the
// reference receiver; a curator accepts it there with a note; the popup then shows "Accepted" and
// that note, as the endpoint's status address answers it. On PGlite and on a PostgreSQL server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../scripts/receiver/server';
import { forEachDatabase } from '../../receiver/databases';
import { eventually } from '../harness';
import { configureEndpoint, queueItems } from './extension-pages';
import { button, byLabel, queueBadgeIs, showsText } from './finders';
import { type Context, FirefoxExtension } from './harness';
import { openFormFromPencil } from './open-form';

const ARTICLE_URL = 'https://journal.example.org/articles/17';
const ARTICLE = readFileSync(join(import.meta.dirname, '../../fixtures/pages/journal-article.html'), 'utf8');
const TOKEN = 'tok-outcome-firefox';
const TITLE = 'Tidal Forcing of Deep-Ocean Mixing Revisited';
const NOTE = 'Confirmed against the published PDF; the record will be fixed this week.';

/** The popup's row of the correction titled `title` shows `text` (what the reader reads there). */
function rowShows(title: string, text: string): boolean {
  for (const row of document.querySelectorAll('li')) {
    if (row.textContent?.includes(title)) return row.textContent.includes(text);
  }
  return false;
}

forEachDatabase((database) => {
  let browser: FirefoxExtension;
  let control: Context;
  let receiver: Receiver;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'erratum-receiver-'));
    receiver = await startReceiver({ port: 0, dataDir, token: TOKEN, ...(await database.fresh(dataDir)) });
    browser = await FirefoxExtension.launch();
    control = await browser.openExtensionPage('popup.html');
    await configureEndpoint(browser, { endpointUrl: receiver.endpoint, token: TOKEN, name: 'Ada' });
  });

  afterEach(async () => {
    await browser?.close();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a correction accepted by the curator with a note shows in the popup as accepted, with that note', async () => {
    const { form } = await openFormFromPencil(browser, { url: ARTICLE_URL, html: ARTICLE }, 'title');
    await browser.fill(form, TITLE, byLabel, 'Suggested correction (Title)');
    await browser.click(form, byLabel, 'I am an author of this paper');
    // A click sent while the frame still settles can be lost in Firefox: go on once it shows ticked.
    await browser.waitFor(form, () =>
      [...document.querySelectorAll('label')].some(
        (label) => label.textContent?.includes('I am an author') && (label.control as HTMLInputElement)?.checked,
      ),
    );
    await browser.click(form, button, 'Review correction');
    await browser.waitFor(form, button, 'Send correction');
    await browser.click(form, button, 'Send correction');
    await browser.waitFor(form, showsText, 'Saved in your outbox');

    const [record] = await eventually(
      () => receiver.records(),
      (records) => records.length === 1,
    );
    await eventually(
      () => queueItems(browser, control),
      (items) => items[0]?.status === 'sent',
    );
    const shown = 'Tidal Forcing of Deep Ocean Mixing Revisited';
    // Before any decision the popup says the curators have it.
    const before = await browser.openExtensionPage('popup.html');
    await browser.waitFor(before, rowShows, shown, 'Received by the curators');
    await browser.closeTab(before);

    expect(await receiver.review(record!.id, { state: 'accepted', note: NOTE, actor: 'curator@example.org' })).toBe(
      true,
    );
    // The popup opened again, more than its minute after the last check, asks and shows the answer:
    // the background page's clock is moved on rather than the test waiting a minute.
    await browser.evaluate(control, async () => {
      const extension = globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } };
      const background = (await extension.browser.runtime.getBackgroundPage()) as Window & { Date: DateConstructor };
      const realNow = background.Date.now;
      background.Date.now = () => realNow() + 2 * 60_000;
    });
    const popup = await browser.openExtensionPage('popup.html');
    await browser.waitFor(popup, rowShows, shown, 'Accepted ');
    await browser.waitFor(popup, rowShows, shown, NOTE);
    await browser.waitFor(popup, queueBadgeIs, shown, 'Sent');
  });
});
