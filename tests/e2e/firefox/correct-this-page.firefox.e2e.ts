// The Firefox twin of correct-this-page.e2e.ts (issue 13, item 2): in Debian's Firefox ESR with
// the built .output/firefox-mv2, the toolbar button (MV2's browserAction) follows the tab, and
// "Correct this page" from the popup and "Correct with Erratum" from the context menu open the
// form in the page's panel, the menu's selection as the picked field's suggested value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../harness';
import { backgroundErrors, watchBackground } from './extension-pages';
import { showsText } from './finders';
import type { Context } from './harness';
import { FirefoxExtension } from './harness';

const ARTICLE_URL = 'https://journal.example.org/articles/7';
const ARTICLE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pages', 'three-authors.html'), 'utf8');
const ARTICLE_TITLE = 'Sediment Transport in Braided Rivers';
const PLAIN_URL = 'https://blog.example.net/2026/notes';
const PLAIN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lab notes</title></head>
<body><main><h1>Lab notes</h1><p>What we learned from re-reading Okafor and Lindqvist (2023).</p></main></body></html>`;

interface AddonGlobal {
  browser: {
    tabs: { query(query: object): Promise<{ id?: number }[]> };
    browserAction: { getTitle(details: { tabId: number }): Promise<string> };
    runtime: { getBackgroundPage(): Promise<Window> };
  };
}

/** Every tab's toolbar title, read by an extension page (tab ids only: no tabs permission). */
function toolbarTitles(browser: FirefoxExtension, page: Context): Promise<{ id: number; title: string }[]> {
  return browser.evaluate(page, async () => {
    const { tabs, browserAction } = (globalThis as unknown as AddonGlobal).browser;
    const all = await tabs.query({});
    return Promise.all(
      all.map(async ({ id }) => ({ id: id ?? -1, title: await browserAction.getTitle({ tabId: id ?? -1 }) })),
    );
  });
}

/** The tab whose toolbar title is `title`, once its page has told the background. */
async function tabTitled(browser: FirefoxExtension, page: Context, title: string): Promise<number> {
  const titles = await eventually(
    () => toolbarTitles(browser, page),
    (all) => all.some((tab) => tab.title === title),
  );
  return titles.find((tab) => tab.title === title)?.id ?? -1;
}

describe('Firefox: Correct this page', () => {
  let browser: FirefoxExtension;
  let control: Context;

  beforeAll(async () => {
    browser = await FirefoxExtension.launch();
    control = await browser.openExtensionPage('options.html');
    await watchBackground(browser, control);
    browser.route(ARTICLE_URL, ARTICLE);
    browser.route(PLAIN_URL, PLAIN_PAGE);
  });

  afterEach(async () => {
    for (const tab of await browser.tree()) if (tab.context !== control) await browser.closeTab(tab.context);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('gives each tab its own toolbar state, and opens the form from the popup for the paper it names', async () => {
    const article = await browser.newTab(ARTICLE_URL);
    await browser.newTab(PLAIN_URL);
    const articleTab = await tabTitled(browser, control, `Erratum: paper found on this page: ${ARTICLE_TITLE}`);
    const plainTab = await tabTitled(browser, control, 'Erratum: no paper detected on this page');
    expect(articleTab).not.toBe(plainTab);

    const popup = await browser.openExtensionPage(`popup.html?tab=${articleTab}`);
    await browser.waitFor(popup, showsText, `Corrects: ${ARTICLE_TITLE}`);
    // Pressed from within the page: the popup closes itself as the form opens, so a pointer's
    // release would find no page left to go to.
    const pressed = await browser.evaluateActivated(
      popup,
      (name: string) => {
        const target = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
        target?.click();
        return Boolean(target);
      },
      'Correct this page',
    );
    expect(pressed).toBe(true);
    const form = await browser.frame(article, /form\.html/);
    await browser.waitFor(form, showsText, ARTICLE_TITLE);
    await browser.waitFor(form, showsText, 'Request Correction');
    expect(await backgroundErrors(browser, control)).toEqual([]);
  });

  it('opens the form from the context menu with the selection as the picked field’s suggestion', async () => {
    const article = await browser.newTab(ARTICLE_URL);
    const articleTab = await tabTitled(browser, control, `Erratum: paper found on this page: ${ARTICLE_TITLE}`);
    // What a click on the menu item calls in the background (a headless menu cannot be clicked).
    await browser.evaluate(
      control,
      async (tabId: number) => {
        const background = (await (
          globalThis as unknown as AddonGlobal
        ).browser.runtime.getBackgroundPage()) as Window & {
          erratumMenuClicked?: (info: { menuItemId: string; selectionText?: string }, tabId?: number) => Promise<void>;
        };
        await background.erratumMenuClicked?.(
          { menuItemId: 'erratum-correct-selection:title', selectionText: ' Sediment Transport in Braided Streams ' },
          tabId,
        );
      },
      articleTab,
    );
    const form = await browser.frame(article, /form\.html/);
    // The field's suggestion box holds the selection, trimmed (sent as source text: self-contained).
    await browser.waitFor(
      form,
      (label: string, value: string) => {
        for (const candidate of document.querySelectorAll('label')) {
          if (candidate.textContent?.trim().startsWith(label))
            return (candidate.control as HTMLInputElement | null)?.value === value;
        }
        return false;
      },
      'Suggested correction (Title)',
      'Sediment Transport in Braided Streams',
    );
    expect(await backgroundErrors(browser, control)).toEqual([]);
  });
});
