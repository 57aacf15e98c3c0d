// Issue #17, done when: a correction made in the browser reaches the receiver, appears in the
// curator's inbox, is accepted there with a note (by keyboard alone), and the reader's popup then
// shows "Accepted" with that note. On PGlite and on a PostgreSQL server. axe-core (Deque's rule
// engine) judges the inbox's pages, light and dark.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../scripts/receiver/server';
import { forEachDatabase } from '../receiver/databases';
import { pressUntil } from './form-helpers';
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
const TOKEN = 'tok-inbox-17';
const CURATOR_TOKEN = 'curator-inbox-17';
const NOTE = 'Checked against the publisher’s PDF: the hyphen is right. Fixed in tonight’s export.';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's WCAG 2.2 A/AA violations on the page, light and dark, as "rule at target" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
    const violations = await page.evaluate(async (tags) => {
      type AxeResult = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
      const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResult> } }).axe;
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules: { 'target-size': { enabled: true } },
        resultTypes: ['violations'],
      });
      return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${JSON.stringify(n.target)}`));
    }, WCAG_TAGS);
    found.push(...violations.map((v) => `${colorScheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('name') ?? ''}:${el.textContent?.trim() ?? ''}` : '';
  });

forEachDatabase((database) => {
  let browser: ExtensionBrowser;
  let receiver: Receiver;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'erratum-receiver-'));
    receiver = await startReceiver({
      port: 0,
      dataDir,
      token: TOKEN,
      curatorToken: CURATOR_TOKEN,
      ...(await database.fresh(dataDir)),
    });
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

  it('a correction sent from the page is accepted in the inbox by keyboard, and the popup shows it with the note', async () => {
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
    const title = record!.correction.paper.title!;

    // The curator signs in, keyboard only.
    const inbox = await browser.context.newPage();
    await inbox.goto(receiver.inbox);
    await pressUntil(inbox, 'Tab', async () => (await focused(inbox)).startsWith('input:name:'));
    await inbox.keyboard.type('Carla Curator');
    await inbox.keyboard.press('Tab');
    await inbox.keyboard.type(CURATOR_TOKEN);
    await inbox.keyboard.press('Enter');
    await inbox.getByRole('link', { name: title }).waitFor();
    // The inbox's own style sheet applies under its CSP (the body loses the browser's 8px margin).
    expect(await inbox.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('0px');
    expect(await axeViolations(inbox)).toEqual([]);

    // Opens the correction from the list...
    await pressUntil(inbox, 'Tab', async () => (await focused(inbox)) === `a::${title}`);
    await inbox.keyboard.press('Enter');
    await inbox.getByRole('heading', { name: 'Changed fields' }).waitFor();
    const change = inbox.getByRole('row', { name: /^title / });
    expect(await change.getByRole('cell').allTextContents()).toEqual([
      title,
      'Tidal Forcing of Deep-Ocean Mixing Revisited',
    ]);
    expect(await axeViolations(inbox)).toEqual([]);

    // ...downloads the corrected record by keyboard: a file, not a page, with the new title in it.
    await pressUntil(inbox, 'Tab', async () => (await focused(inbox)) === 'a::Corrected record (CSL-JSON)');
    const [download] = await Promise.all([inbox.waitForEvent('download'), inbox.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`correction-${record!.id}.csl.json`);
    const saved = await download.path();
    expect(JSON.parse(readFileSync(saved, 'utf8'))[0].title).toBe('Tidal Forcing of Deep-Ocean Mixing Revisited');
    expect(inbox.url()).toMatch(new RegExp(`/inbox/c/${record!.id}$`));

    // ...writes the note and accepts it.
    await pressUntil(inbox, 'Tab', async () => (await focused(inbox)).startsWith('textarea:note:'));
    await inbox.keyboard.type(NOTE);
    await inbox.keyboard.press('Tab');
    expect(await focused(inbox)).toBe('button:state:Accept');
    await inbox.keyboard.press('Enter');
    const history = inbox.getByRole('region', { name: 'History' });
    await history.getByRole('cell', { name: 'Carla Curator' }).waitFor();
    expect(await history.getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      'Carla Curator',
      'Accepted',
      NOTE,
    ]);

    // The popup, opened more than its minute after the last check, asks and shows the decision.
    await browser.worker.evaluate(() => {
      const realNow = Date.now;
      Date.now = () => realNow() + 2 * 60_000;
    });
    const popup = await openExtensionPage(browser);
    const accepted = popup.getByRole('listitem', { name: 'Tidal Forcing of Deep Ocean Mixing Revisited' });
    await accepted.getByText(/^Accepted /).waitFor();
    await accepted.getByText(NOTE).waitFor();
  });
});
