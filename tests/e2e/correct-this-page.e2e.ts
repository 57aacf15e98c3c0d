// A way in when there is no pencil (issue 13, item 2), in real Chromium: the manifests carry the
// icons, the toolbar button follows the tab, and "Correct this page" (popup) and "Correct with
// Erratum" (context menu) open the form on a paper page, a list page and a page where nothing
// was detected.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixturePage, pressUntil, receivedCorrection, reviewAndSend, useFormSession } from './form-helpers';
import {
  configureEndpoint,
  EXTENSION_DIR,
  type ExtensionBrowser,
  eventually,
  extensionUrl,
  formFrame,
  launchExtension,
  openPage,
} from './harness';

const ARTICLE_URL = 'https://journal.example.org/articles/42';
const ARTICLE_TITLE = 'Tidal Forcing of Deep Ocean Mixing Revisited';
const LIST_URL = 'https://dblp.org/db/conf/naacl/naacl2019-1.html';
const LIST_PAGE = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'sites', 'dblp', 'toc-naacl2019-1.html'),
  'utf8',
);
const SECOND_ENTRY = 'Is a Question Worth a Thousand Words?';
const PLAIN_URL = 'https://blog.example.net/2026/notes';
/** A page with a scholarly meta tag (the gate loads a reader) but no paper in it. */
const NOTES_URL = 'https://notes.example.net/2026/tides';
const NOTES_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tide notes</title>
<meta name="dc.language" content="en"></head>
<body><main><h1>Tide notes</h1><p>Reading list for the seminar.</p></main></body></html>`;
const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lab notes</title></head>
<body><main><h1>Lab notes</h1><p id="quote">What we learned from re-reading Okafor and Lindqvist (2023).</p></main></body></html>`;

/** The width and height a PNG declares in its IHDR chunk (PNG spec, section 11.2.2). */
function pngSize(file: string): { width: number; height: number; signature: boolean } {
  const bytes = readFileSync(file);
  const signature = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { signature, width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

interface ActionGlobal {
  chrome: {
    tabs: { query(q: object): Promise<{ id?: number }[]> };
    action: {
      getTitle(d: { tabId: number }): Promise<string>;
      getBadgeText(d: { tabId: number }): Promise<string>;
      getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]>;
    };
  };
  erratumMenuClicked?: (info: { menuItemId: string; selectionText?: string }, tabId?: number) => Promise<void>;
}

/** The browser's id for the tab a page is in: the active tab once the page is brought to front. */
async function tabIdOf(browser: ExtensionBrowser, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await browser.worker.evaluate(async () => {
    const [tab] = await (globalThis as unknown as ActionGlobal).chrome.tabs.query({
      active: true,
      lastFocusedWindow: true,
    });
    return tab?.id;
  });
  if (id === undefined) throw new Error('No active tab');
  return id;
}

async function toolbarTitle(browser: ExtensionBrowser, tabId: number): Promise<string> {
  return browser.worker.evaluate(
    (id) => (globalThis as unknown as ActionGlobal).chrome.action.getTitle({ tabId: id }),
    tabId,
  );
}

/** The badge a tab shows: its text and its colour as #RRGGBB. */
async function badgeOf(browser: ExtensionBrowser, tabId: number): Promise<string> {
  return browser.worker.evaluate(async (id) => {
    const { action } = (globalThis as unknown as ActionGlobal).chrome;
    const text = await action.getBadgeText({ tabId: id });
    const rgb = (await action.getBadgeBackgroundColor({ tabId: id })).slice(0, 3);
    return `${text} ${rgb.map((n) => n.toString(16).padStart(2, '0')).join('')}`;
  }, tabId);
}

/** Waits until the page's content script has told the worker what it found. */
async function reported(browser: ExtensionBrowser, tabId: number, title: RegExp): Promise<string> {
  return eventually(
    () => toolbarTitle(browser, tabId),
    (text) => title.test(text),
  );
}

/** The popup as the reader opens it over a tab (`?tab=` stands in for "the tab under the button"). */
async function openPopup(browser: ExtensionBrowser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(extensionUrl(browser, `popup.html?tab=${tabId}`));
  await popup.getByRole('heading', { name: 'This page' }).waitFor();
  return popup;
}

/** What a click on a context-menu item calls in the worker (a headless menu cannot be clicked). */
async function clickMenu(browser: ExtensionBrowser, tabId: number, menuItemId: string, selectionText?: string) {
  await browser.worker.evaluate(
    ([id, item, selection]) =>
      (globalThis as unknown as ActionGlobal).erratumMenuClicked?.(
        { menuItemId: item as string, ...(selection ? { selectionText: selection as string } : {}) },
        id as number,
      ),
    [tabId, menuItemId, selectionText] as const,
  );
}

async function openedForm(page: Page): Promise<FrameLocator> {
  const form = formFrame(page);
  await form.getByRole('heading', { name: 'Request Correction' }).waitFor();
  return form;
}

describe('the built manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    icons?: Record<string, string>;
    action?: { default_icon?: Record<string, string> };
    permissions?: string[];
  };

  it.each([16, 32, 48, 96, 128])('carries a %i px icon, and the toolbar button one', (size) => {
    for (const path of [manifest.icons?.[size], manifest.action?.default_icon?.[size]]) {
      expect(path).toBeDefined();
      const file = join(EXTENSION_DIR, path as string);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ signature: true, width: size, height: size });
    }
  });

  it('asks for the context menu', () => {
    expect(manifest.permissions).toContain('contextMenus');
  });
});

describe('Correct this page', () => {
  const session = useFormSession();

  it('gives each tab its own toolbar state: paper found, or nothing', async () => {
    const { browser } = session;
    const article = await openPage(browser.context, ARTICLE_URL, fixturePage('journal-article'));
    const plain = await openPage(browser.context, PLAIN_URL, PLAIN_PAGE);
    const articleTab = await tabIdOf(browser, article);
    const plainTab = await tabIdOf(browser, plain);
    expect(articleTab).not.toBe(plainTab);
    await expect(reported(browser, articleTab, /paper found/)).resolves.toBe(
      `Erratum: paper found on this page: ${ARTICLE_TITLE}`,
    );
    await expect(reported(browser, plainTab, /no paper/)).resolves.toBe('Erratum: no paper detected on this page');

    // The same tab, a new page: its state follows the page, not the tab.
    await plain.goto(ARTICLE_URL);
    await expect(reported(browser, plainTab, /paper found/)).resolves.toContain(ARTICLE_TITLE);
    // And a page no content script reads (a browser page, a PDF viewer) is no paper page.
    await plain.goto('about:blank');
    await expect(reported(browser, plainTab, /no paper/)).resolves.toBe('Erratum: no paper detected on this page');
  });

  it('shows corrections waiting, then needing attention, on every tab beside its own page state', async () => {
    const { browser, receiver } = session;
    // No endpoint yet: what the reader sends waits in the outbox.
    await configureEndpoint(browser, { endpointUrl: '' });
    const article = await openPage(browser.context, ARTICLE_URL, fixturePage('journal-article'));
    const plain = await openPage(browser.context, PLAIN_URL, PLAIN_PAGE);
    const articleTab = await tabIdOf(browser, article);
    const plainTab = await tabIdOf(browser, plain);
    await reported(browser, articleTab, /paper found/);
    await reported(browser, plainTab, /no paper/);
    await clickMenu(browser, articleTab, 'erratum-correct-selection:title', 'Tidal Forcing of Deep-Ocean Mixing');
    await reviewAndSend(await openedForm(article));
    // Blue (#1A73E8) count: waiting. Red (#C5221F): needs attention. The same on both tabs, whose
    // titles go on saying what each page shows.
    for (const tab of [articleTab, plainTab])
      await expect(
        eventually(
          () => badgeOf(browser, tab),
          (badge) => badge === '1 1a73e8',
        ),
      ).resolves.toBe('1 1a73e8');

    // The endpoint refuses the correction once it is set (saving the settings sends what waits at
    // once, so the fault is in place first).
    receiver.faults.set({ failNext: { count: 1, status: 422, body: { error: 'DOI does not resolve' } } });
    await configureEndpoint(browser, { endpointUrl: receiver.endpoint });
    for (const tab of [articleTab, plainTab])
      await expect(
        eventually(
          () => badgeOf(browser, tab),
          (badge) => badge === '1 c5221f',
        ),
      ).resolves.toBe('1 c5221f');
    await expect(toolbarTitle(browser, articleTab)).resolves.toContain(ARTICLE_TITLE);
    await expect(toolbarTitle(browser, plainTab)).resolves.toBe('Erratum: no paper detected on this page');
    // Leave the outbox as the next tests expect it: nothing needing attention.
    await browser.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('erratum');
          open.onsuccess = () => {
            const tx = open.result.transaction('corrections', 'readwrite');
            tx.objectStore('corrections').clear();
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  });

  it('opens the form for the paper the popup names, in the page', async () => {
    const { browser } = session;
    const article = await openPage(browser.context, ARTICLE_URL, fixturePage('journal-article'));
    const tabId = await tabIdOf(browser, article);
    await reported(browser, tabId, /paper found/);
    const popup = await openPopup(browser, tabId);
    await expect(popup.getByText(`Corrects: ${ARTICLE_TITLE}`).isVisible()).resolves.toBe(true);
    // Keyboard: the button is reached with Tab and pressed with Enter; the popup then gives way
    // to the form.
    const button = popup.getByRole('button', { name: 'Correct this page' });
    await pressUntil(popup, 'Tab', () => button.evaluate((element) => element === document.activeElement));
    const closed = popup.waitForEvent('close');
    await popup.keyboard.down('Enter');
    await closed;
    const form = await openedForm(article);
    await expect(form.getByText(ARTICLE_TITLE).first().isVisible()).resolves.toBe(true);
  });

  it('on a list page, corrects the entry the reader picks', async () => {
    const { browser } = session;
    const list = await openPage(browser.context, LIST_URL, LIST_PAGE);
    const tabId = await tabIdOf(browser, list);
    await reported(browser, tabId, /papers found/);
    const popup = await openPopup(browser, tabId);
    await popup.getByLabel('Paper to correct').selectOption({ label: SECOND_ENTRY });
    await expect(popup.getByText(`Corrects: ${SECOND_ENTRY}`).isVisible()).resolves.toBe(true);
    await popup.getByRole('button', { name: 'Correct this page' }).click();
    const form = await openedForm(list);
    await expect(form.getByText(SECOND_ENTRY).first().isVisible()).resolves.toBe(true);
  });

  it('on a page with nothing detected, corrects the paper the reader enters by hand, and says so', async () => {
    const { browser, receiver } = session;
    // A page the gate lets no reader onto (nothing scholarly in it): no content script of ours
    // holds a panel there, so the form opens in a tab of its own.
    const plain = await openPage(browser.context, PLAIN_URL, PLAIN_PAGE);
    const tabId = await tabIdOf(browser, plain);
    await reported(browser, tabId, /no paper/);
    const popup = await openPopup(browser, tabId);
    await expect(popup.getByText(/No paper was detected on this page/).isVisible()).resolves.toBe(true);
    await expect(popup.getByText(/opens in a tab of its own/).isVisible()).resolves.toBe(true);
    await popup.getByLabel('DOI or arXiv ID').fill('nonsense');
    await popup.getByRole('button', { name: 'Correct this page' }).click();
    await expect(popup.getByRole('alert').textContent()).resolves.toMatch(/Enter a DOI/);
    await popup.getByLabel('DOI or arXiv ID').fill('https://doi.org/10.5555/JEO.2023.118');
    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Correct this page' }).click();

    const formTab = await opened;
    await formTab.getByRole('heading', { name: 'Request Correction' }).waitFor();
    await formTab.getByRole('button', { name: 'Edit Title' }).click();
    await formTab.getByLabel('Suggested correction (Title)').fill(ARTICLE_TITLE);
    await reviewAndSend(formTab);
    const { correction } = await receivedCorrection(receiver);
    // The address a click on the button would have granted (activeTab); a test cannot click the
    // toolbar, so the correction names the paper's own address instead.
    expect(correction.pageUrl).toBe('https://doi.org/10.5555/jeo.2023.118');
    expect(correction.detected.site).toBe('manual');
    expect(correction.detected.doi).toBe('10.5555/jeo.2023.118');
    expect(correction.detected.sources).toEqual({ doi: 'manual' });
    expect(correction.changes).toEqual([{ field: 'title', from: null, to: ARTICLE_TITLE }]);
  });

  it('on a page a reader read and found no paper on, by hand in the page’s own panel', async () => {
    const { browser, receiver } = session;
    const page = await openPage(browser.context, NOTES_URL, NOTES_PAGE);
    const tabId = await tabIdOf(browser, page);
    // The reader reports (nothing); the toolbar then says so for this page.
    await reported(browser, tabId, /no paper/);
    const popup = await openPopup(browser, tabId);
    await eventually(
      () => popup.getByText(/opens in a tab of its own/).count(),
      (count) => count === 0,
    );
    await popup.getByLabel('DOI or arXiv ID').fill('arXiv:2101.01234');
    await popup.getByLabel('Title (optional)').fill('Notes on tidal mixing');
    await popup.getByRole('button', { name: 'Correct this page' }).click();
    const form = await openedForm(page);
    await form.getByRole('button', { name: 'Edit Title' }).click();
    await form.getByLabel('Suggested correction (Title)').fill(ARTICLE_TITLE);
    await reviewAndSend(form);
    const { correction } = await receivedCorrection(receiver);
    expect(correction.pageUrl).toBe(NOTES_URL);
    expect(correction.detected).toMatchObject({
      site: 'manual',
      arxivId: '2101.01234',
      title: 'Notes on tidal mixing',
    });
    expect(correction.detected.sources).toEqual({ arxivId: 'manual', title: 'manual' });
  });

  it('from the context menu on a paper page, and with selected text as the suggestion', async () => {
    const { browser } = session;
    const article = await openPage(browser.context, ARTICLE_URL, fixturePage('journal-article'));
    const tabId = await tabIdOf(browser, article);
    await reported(browser, tabId, /paper found/);
    await clickMenu(browser, tabId, 'erratum-correct-page');
    const form = await openedForm(article);
    await expect(form.getByText(ARTICLE_TITLE).first().isVisible()).resolves.toBe(true);

    await clickMenu(browser, tabId, 'erratum-correct-selection:title', ' Tidal Forcing of Deep-Ocean Mixing ');
    await eventually(
      () =>
        formFrame(article)
          .getByLabel('Suggested correction (Title)')
          .inputValue()
          .catch(() => ''),
      (value) => value !== '',
    );
    await expect(formFrame(article).getByLabel('Suggested correction (Title)').inputValue()).resolves.toBe(
      'Tidal Forcing of Deep-Ocean Mixing',
    );
  });

  it('from the context menu on a list page, for the entry right-clicked', async () => {
    const { browser } = session;
    const list = await openPage(browser.context, LIST_URL, LIST_PAGE);
    const tabId = await tabIdOf(browser, list);
    await reported(browser, tabId, /papers found/);
    await list.getByText(SECOND_ENTRY).click({ button: 'right' });
    await clickMenu(browser, tabId, 'erratum-correct-page');
    const form = await openedForm(list);
    await expect(form.getByText(SECOND_ENTRY).first().isVisible()).resolves.toBe(true);
  });

  it('from the context menu on a page with nothing detected: the form for the page, by hand', async () => {
    const { browser } = session;
    const plain = await openPage(browser.context, PLAIN_URL, PLAIN_PAGE);
    const tabId = await tabIdOf(browser, plain);
    await reported(browser, tabId, /no paper/);
    const opened = browser.context.waitForEvent('page');
    await clickMenu(browser, tabId, 'erratum-correct-selection:doi', '10.5555/jeo.2023.118');
    const formTab = await opened;
    await formTab.getByRole('heading', { name: 'Request Correction' }).waitFor();
    await expect(formTab.getByLabel('Suggested correction (DOI)').inputValue()).resolves.toBe('10.5555/jeo.2023.118');
  });

  it('in a tab of its own when no content script can reach the page', async () => {
    const { browser } = session;
    const blank = await browser.context.newPage();
    await blank.goto('about:blank');
    const tabId = await tabIdOf(browser, blank);
    const opened = browser.context.waitForEvent('page');
    await clickMenu(browser, tabId, 'erratum-correct-page');
    const formTab = await opened;
    await formTab.waitForURL(/form\.html#ctx=/);
    await formTab.getByRole('heading', { name: 'Request Correction' }).waitFor();
    // Its Close button closes the tab, as the panel's closes the panel.
    const closed = formTab.waitForEvent('close');
    await formTab.getByRole('button', { name: 'Close' }).first().click();
    await closed;
  });
});

describe('Correct this page, in Japanese', () => {
  it('names the paper and offers the correction in the browser’s language', async () => {
    const browser = await launchExtension(undefined, { locale: 'ja' });
    try {
      const article = await openPage(browser.context, ARTICLE_URL, fixturePage('journal-article'));
      const tabId = await tabIdOf(browser, article);
      await expect(reported(browser, tabId, /このページの論文/)).resolves.toBe(
        `Erratum: このページの論文: ${ARTICLE_TITLE}`,
      );
      const popup = await browser.context.newPage();
      await popup.goto(extensionUrl(browser, `popup.html?tab=${tabId}`));
      await popup.getByRole('heading', { name: 'このページ' }).waitFor();
      await expect(popup.getByText(`訂正する論文: ${ARTICLE_TITLE}`).isVisible()).resolves.toBe(true);
      await popup.getByRole('button', { name: 'このページの論文を訂正' }).click();
      await formFrame(article).getByRole('heading', { name: '訂正を依頼' }).waitFor();
    } finally {
      await browser.close({ dispose: true });
    }
  });
});
