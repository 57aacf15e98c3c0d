// Issue #17: the loop closed. A correction made in the browser reaches the reference receiver; a
// curator decides on it there, with a note; the reader's popup then shows that decision and the
// note, as the endpoint's status address says. On PGlite and on a PostgreSQL server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../scripts/receiver/server';
import { forEachDatabase } from '../receiver/databases';
import {
  configureEndpoint,
  control,
  type ExtensionBrowser,
  eventually,
  formFrame,
  launchExtension,
  openPage,
  queueItems,
} from './harness';
import { openExtensionPage } from './queue-helpers';

const ARTICLE_URL = 'https://journal.example.org/articles/17';
const ARTICLE = readFileSync(join(import.meta.dirname, '../fixtures/pages/journal-article.html'), 'utf8');
const TOKEN = 'tok-outcome-17';
const NOTE = 'Confirmed against the published PDF; the record will be fixed this week.';

forEachDatabase((database) => {
  let browser: ExtensionBrowser;
  let receiver: Receiver;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'erratum-receiver-'));
    receiver = await startReceiver({ port: 0, dataDir, token: TOKEN, ...(await database.fresh(dataDir)) });
    browser = await launchExtension();
    await configureEndpoint(browser, {
      endpointUrl: receiver.endpoint,
      token: TOKEN,
      name: 'Ada',
      email: 'ada@example.org',
    });
  });

  afterEach(async () => {
    await browser?.close({ dispose: true });
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a correction accepted by the curator with a note shows in the popup as accepted, with that note', async () => {
    const page = await openPage(browser.context, ARTICLE_URL, ARTICLE);
    await control(page, 'title').click();
    const form = formFrame(page);
    await form.getByLabel('Suggested correction (Title)').fill('Tidal Forcing of Deep-Ocean Mixing Revisited');
    await form.getByLabel(/I am an author of this paper/).check();
    await form.getByRole('button', { name: 'Review correction' }).click();
    await form.getByRole('button', { name: 'Send correction' }).click();
    const [record] = await eventually(
      () => receiver.records(),
      (records) => records.length === 1,
    );
    await eventually(
      () => queueItems(browser),
      (items) => items[0]?.status === 'sent',
    );

    // Before any decision the popup says the curators have it.
    const before = await openExtensionPage(browser);
    const row = before.getByRole('listitem', { name: 'Tidal Forcing of Deep Ocean Mixing Revisited' });
    await row.getByText(/^Received by the curators/).waitFor();
    await before.close();

    expect(await receiver.review(record!.id, { state: 'accepted', note: NOTE, actor: 'curator@example.org' })).toBe(
      true,
    );
    // The popup opened again (more than its minute after the last check) asks, and shows the answer.
    await browser.worker.evaluate(() => {
      const realNow = Date.now;
      Date.now = () => realNow() + 2 * 60_000;
    });
    const popup = await openExtensionPage(browser);
    const accepted = popup.getByRole('listitem', { name: 'Tidal Forcing of Deep Ocean Mixing Revisited' });
    await accepted.getByText(/^Accepted /).waitFor();
    await accepted.getByText(NOTE).waitFor();
    expect(await accepted.locator('.queue-badge').textContent()).toBe('Sent');
  });
});
