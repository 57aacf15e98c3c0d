import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixturePage, pageFocus, pressUntil, useFormSession } from './form-helpers';
import { control, type ExtensionBrowser, formFrame, openPage } from './harness';
import { glyphs, pencils, setDisabledSites, textMoves } from './pencil-measure';

// The inline controls on a paper page, in real Chromium: where they are, what they say, that the
// page's text does not move for them, that the keyboard reaches them, and that only the user opens
// the form with them.

const ARTICLE_URL = 'https://journal.example.org/articles/42';
const ARTICLE = fixturePage('journal-article');
const SITE_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'sites');

/** What the page shows for each field, and the tooltip of the control beside it. */
const SHOWN = [
  { control: 'title', element: 'h1.article-title', tooltip: 'Suggest a correction to the title' },
  { control: 'author#0', element: 'li.author:nth-child(1)', tooltip: 'Suggest a correction to author Chidi Okafor' },
  { control: 'author#1', element: 'li.author:nth-child(2)', tooltip: 'Suggest a correction to author Maja Lindqvist' },
  // The list's control stands at the end of its last line, after the last author's (issue #18).
  { control: 'authors', element: 'li.author:nth-child(2)', tooltip: 'Suggest a correction to the author list' },
  { control: 'date', element: 'time', tooltip: 'Suggest a correction to the date' },
  // Inside a link a click would follow it: the control goes right after the link.
  { control: 'doi', element: 'a.doi', tooltip: 'Suggest a correction to the DOI' },
  // At the end of the abstract's last line: after the section's paragraphs it would add a line.
  { control: 'abstract', element: 'section.abstract p', tooltip: 'Suggest a correction to the abstract' },
];

interface PlacedControl {
  control: string;
  tooltip: string | null;
  label: string | null;
  /** The element the control is inside of, or right after. */
  beside: Element | null;
}

/** Each control on the page, as `field` or `author#index`, with its tooltip and its neighbour. */
async function placedControls(page: Page, selectors: string[]) {
  return page.evaluate((besideSelectors) => {
    return Array.from(document.querySelectorAll<HTMLElement>('erratum-control')).map((host) => {
      const button = host.shadowRoot?.querySelector('button');
      const author = host.dataset.erratumAuthor;
      const control = `${host.dataset.erratumField}${author === undefined ? '' : `#${author}`}`;
      const elementOf = (selector: string) => document.querySelector(selector);
      const beside =
        besideSelectors.find((selector) => elementOf(selector) === host.parentElement) ??
        besideSelectors.find((selector) => elementOf(selector) === host.previousElementSibling);
      return { control, tooltip: button?.title ?? null, label: button?.getAttribute('aria-label') ?? null, beside };
    });
  }, selectors) as Promise<(Omit<PlacedControl, 'beside'> & { beside?: string })[]>;
}

/** The form contexts the worker has handed out (one per form/open request it accepted). */
async function formContextIds(browser: ExtensionBrowser): Promise<string[]> {
  return browser.worker.evaluate(async () => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { session: { get(key: null): Promise<Record<string, unknown>> } } };
    };
    return Object.keys(await chrome.storage.session.get(null)).filter((key) => key.startsWith('form-context:'));
  });
}

describe('the inline controls, in real Chromium', () => {
  const session = useFormSession();

  it('sits beside each field the page shows, names the field, and says what it does', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await control(page, 'abstract').waitFor();
    const placed = await placedControls(
      page,
      SHOWN.map((shown) => shown.element),
    );
    expect(placed.map((p) => p.control)).toEqual(expect.arrayContaining(SHOWN.map((shown) => shown.control)));
    for (const shown of SHOWN) {
      expect(placed.find((p) => p.control === shown.control)).toEqual({
        control: shown.control,
        tooltip: shown.tooltip,
        label: shown.tooltip,
        beside: shown.element,
      });
    }
    // Nothing for what the page does not show.
    for (const absent of ['arxivId', 'pmid', 'pdfUrl']) expect(placed.map((p) => p.control)).not.toContain(absent);
    // The tooltip is also the button's accessible name, for screen readers and voice control.
    await page.getByRole('button', { name: 'Suggest a correction to author Maja Lindqvist' }).waitFor();
  });

  it("moves the page's own text by no more than the pencils' own width", async () => {
    await setDisabledSites(session.browser, ['generic']);
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    const without = await glyphs(page);
    await expect(page.locator('erratum-control').count()).resolves.toBe(0);

    await setDisabledSites(session.browser, []);
    await page.reload();
    await control(page, 'abstract').waitFor();
    const placed = await pencils(page);
    expect(placed.length).toBeGreaterThanOrEqual(SHOWN.length);
    // Text after a pencil on its line moves right by the pencil's width; no line re-wraps.
    expect(textMoves(without, await glyphs(page), placed)).toEqual([]);
  });

  it('is reached with Tab, in page order, and opens the form with Enter', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await control(page, 'abstract').waitFor();
    const reached: string[] = [];
    for (let press = 0; press < 12; press++) {
      await page.keyboard.press('Tab');
      const focus = await pageFocus(page);
      if (reached.includes(focus)) break;
      reached.push(focus);
    }
    const controls = reached.filter((focus) => focus.startsWith('control:'));
    expect(controls).toEqual(SHOWN.map((shown) => `control:${shown.control}:button`));

    // Back to the DOI control, and Enter: the form opens on the DOI.
    await pressUntil(page, 'Shift+Tab', async () => (await pageFocus(page)) === 'control:doi:button', 12);
    await page.keyboard.press('Enter');
    const form = formFrame(page);
    await form.getByLabel('Suggested correction (DOI)').waitFor();
  });

  it('opens nothing for a click the page dispatches itself', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await control(page, 'abstract').waitFor();
    const contextsBefore = await formContextIds(session.browser);
    const formsOpened = new Set<string>();
    page.on('framenavigated', (frame) => {
      if (frame.url().includes('/form.html')) formsOpened.add(frame.url());
    });

    // Page script can reach our open shadow root and click the button, or send it a click event.
    await page.evaluate(() => {
      const button = document
        .querySelector('erratum-control[data-erratum-field="title"]')
        ?.shadowRoot?.querySelector('button');
      if (!button) throw new Error('No title control');
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    // A real click after them goes the same way (content script → worker → panel): only it opens.
    await control(page, 'doi').click();
    const form = formFrame(page);
    await form.getByLabel('Suggested correction (DOI)').waitFor();
    await expect(form.getByLabel('Suggested correction (Title)').count()).resolves.toBe(0);
    expect(formsOpened.size).toBe(1);
    // The worker was asked to open a form once: the synthetic clicks never left the page.
    const contextsAfter = await formContextIds(session.browser);
    expect(contextsAfter.filter((id) => !contextsBefore.includes(id))).toHaveLength(1);
    await expect(page.locator('erratum-panel').count()).resolves.toBe(1);
  });

  it("runs a site's own script on that site, which reads the page with the site's adapter", async () => {
    // site-ieee.js (the largest site script) on the IEEE fixture, served at its real address.
    const url = readFileSync(join(SITE_FIXTURES, 'ieee', 'document.url'), 'utf8').trim();
    const html = readFileSync(join(SITE_FIXTURES, 'ieee', 'document.html'), 'utf8');
    // With the generic readers switched off, only the IEEE adapter can have placed the controls.
    await setDisabledSites(session.browser, ['generic']);
    const page = await openPage(session.browser.context, url, html);
    await control(page, 'title').click();
    await formFrame(page).getByLabel('Suggested correction (Title)').waitFor();
  });
});
