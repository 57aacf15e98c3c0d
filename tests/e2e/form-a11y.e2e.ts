import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixturePage, openFormAt, useFormSession } from './form-helpers';
import { formFocus, formTextSizes } from './form-probes';
import { control, eventually, openPage } from './harness';

// Issue 18's form rows, as a keyboard or screen-reader user meets them in real Chromium: text
// size at the browser's default zoom, where focus goes when authors move or are added, names
// that begin with what the eye reads (WCAG 2.5.3), and the reasons the review is blocked.

const ARTICLE_URL = 'https://journal.example.org/articles/42';
const ARTICLE = fixturePage('journal-article');
const THREE_AUTHORS_URL = 'https://letters.example.org/elg/2024/007';
const THREE_AUTHORS = fixturePage('three-authors');

/** What has the focus inside the form: its tag, its accessible-name-bearing text, and its row. */
async function focusedInForm(form: FrameLocator) {
  return form.locator('body').evaluate(formFocus);
}

/** The accessible name Playwright computes (accname 1.2) for one element, from its ARIA snapshot. */
async function accessibleName(element: Locator): Promise<string> {
  const snapshot = await element.ariaSnapshot();
  // A line with ": " in it comes YAML-quoted: - 'link "Nothing to send yet: …"'.
  const match = /^- '?\w+ "((?:[^"\\]|\\.)*)"/.exec(snapshot.trim());
  return match ? JSON.parse(`"${match[1]}"`) : '';
}

describe('the form for keyboard and screen-reader users', () => {
  const session = useFormSession();

  it('draws its text at 13 px or more at the default zoom, hints, tags and small buttons included', async () => {
    const page = await openPage(session.browser.context, THREE_AUTHORS_URL, THREE_AUTHORS);
    const form = await openFormAt(page, 'authors');
    // Tags ("to be removed", "new") and an open editor's hints are on screen too.
    await form.getByRole('button', { name: 'Remove Liam Brennan' }).click();
    await form.getByRole('button', { name: 'Add author' }).click();
    await form.getByLabel('Given name').waitFor();
    const sizes = await form.locator('body').evaluate(formTextSizes);
    expect(sizes.length).toBeGreaterThan(30);
    expect(sizes.filter(([, size]) => size < 13)).toEqual([]);
  });

  it("keeps focus on the moved author's row after every move, to first and last place too", async () => {
    const page = await openPage(session.browser.context, THREE_AUTHORS_URL, THREE_AUTHORS);
    const form = await openFormAt(page, 'authors');
    const names = () => form.locator('.author-row .author-name').allTextContents();

    await form.getByRole('button', { name: 'Move Yuki Sato up' }).focus();
    await page.keyboard.press('Enter');
    await expect(focusedInForm(form)).resolves.toMatchObject({ tag: 'button', rowName: 'Yuki Sato' });
    expect(await names()).toEqual(['Rania Haddad', 'Yuki Sato', 'Liam Brennan']);
    // Up again, to first place: the up arrow is now disabled, focus stays in Yuki's row.
    await page.keyboard.press('Enter');
    expect(await names()).toEqual(['Yuki Sato', 'Rania Haddad', 'Liam Brennan']);
    await expect(focusedInForm(form)).resolves.toMatchObject({ tag: 'button', rowName: 'Yuki Sato' });
    // The next key press still acts on Yuki: down, and down again to last place.
    await page.keyboard.press('Enter');
    expect(await names()).toEqual(['Rania Haddad', 'Yuki Sato', 'Liam Brennan']);
    await expect(focusedInForm(form)).resolves.toMatchObject({ rowName: 'Yuki Sato' });
    await page.keyboard.press('Enter');
    expect(await names()).toEqual(['Rania Haddad', 'Liam Brennan', 'Yuki Sato']);
    await expect(focusedInForm(form)).resolves.toMatchObject({ tag: 'button', rowName: 'Yuki Sato' });
    // Told out loud, too: the move is announced in the form's polite status region.
    await expect(form.locator('[role="status"][aria-live="polite"]').first().textContent()).resolves.toMatch(
      /Yuki Sato/,
    );
  });

  it('puts focus on the first new field after Add author', async () => {
    const page = await openPage(session.browser.context, THREE_AUTHORS_URL, THREE_AUTHORS);
    const form = await openFormAt(page, 'authors');
    await form.getByRole('button', { name: 'Add author' }).focus();
    await page.keyboard.press('Enter');
    await expect(focusedInForm(form)).resolves.toMatchObject({ tag: 'input', rowIsNew: true });
    // The first field of the new author's editor, in document order: what the reader fills first.
    const first = await form
      .locator('.author-row.added')
      .locator('input, textarea, select')
      .first()
      .evaluate((element) => element.id);
    await expect(focusedInForm(form)).resolves.toMatchObject({ id: first });
    await page.keyboard.type('Aroha');
    await expect(form.getByLabel('Given name').inputValue()).resolves.toBe('Aroha');
  });

  it('names every button and link starting with the text it shows (WCAG 2.5.3)', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    const form = await openFormAt(page, 'author', 1);
    await form.getByRole('button', { name: 'Add author' }).waitFor();
    const controls = form.locator('button, a[href], [role="button"]');
    const mismatches: string[] = [];
    let checked = 0;
    for (const control of await controls.all()) {
      if (!(await control.isVisible())) continue;
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what the eye reads
      const shown = ((await control.innerText()) ?? '').replace(/\s+/g, ' ').trim();
      // Symbols (× ↑ ↓) are not a label a speech user would say.
      if (!/\p{L}/u.test(shown)) continue;
      checked++;
      const name = (await accessibleName(control)).replace(/\s+/g, ' ').trim();
      if (!name.toLowerCase().startsWith(shown.toLowerCase())) mismatches.push(`"${shown}" is named "${name}"`);
    }
    expect(checked).toBeGreaterThan(15);
    expect(mismatches).toEqual([]);
  });

  it('lists every reason the review is blocked in a polite live region, each a link to its field', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    const form = await openFormAt(page, 'title');
    await form.getByLabel('Name', { exact: true }).fill('');
    await form.getByLabel('Email', { exact: true }).fill('ada@');
    await form.getByLabel('Email', { exact: true }).blur();

    const review = form.getByRole('button', { name: 'Review correction' });
    // Still in the Tab order, so the reason it describes is reached with it.
    await expect(review.getAttribute('aria-disabled')).resolves.toBe('true');
    const reasonId = await review.getAttribute('aria-describedby');
    expect(reasonId).toBeTruthy();
    const reason = form.locator(`[id="${reasonId}"]`);
    await expect(reason.getAttribute('aria-live')).resolves.toBe('polite');
    const items = reason.getByRole('listitem');
    const texts = (await items.allInnerTexts()).map((text) => text.trim());
    // Every problem the reader made: no correction typed, no name, a bad email, no declaration.
    expect(texts).toHaveLength(4);
    expect(texts.some((text) => /differs from the current value|Select at least one field/.test(text))).toBe(true);
    expect(texts.some((text) => text.includes('Enter your name.'))).toBe(true);
    expect(texts.some((text) => text.includes('Enter a valid email address'))).toBe(true);
    expect(texts.some((text) => text.includes('Confirm the author declaration.'))).toBe(true);

    // Each one is a link; following it puts the focus on the field it is about.
    const expectedFields = ['field-title', 'submitter-name', 'submitter-email', 'declaration'];
    const reached: string[] = [];
    for (let i = 0; i < texts.length; i++) {
      const link = items.nth(i).getByRole('link');
      await expect(link.count()).resolves.toBe(1);
      await link.click();
      const focused = await focusedInForm(form);
      expect(['input', 'textarea', 'select']).toContain(focused.tag);
      reached.push(focused.id);
    }
    expect(reached.sort()).toEqual([...expectedFields].sort());

    // Pressing the blocked button takes the reader to the first reason instead of doing nothing.
    await review.focus();
    await page.keyboard.press('Enter');
    await expect(focusedInForm(form)).resolves.toMatchObject({ tag: 'a' });
  });
});

/** The page's boxes a reader is correcting, the panel's box, and the root's own style attribute. */
async function layout(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)?.getBoundingClientRect();
      return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
    };
    return {
      title: box('h1.article-title'),
      abstract: box('section.abstract'),
      panel: box('erratum-panel'),
      rootStyle: document.documentElement.getAttribute('style'),
      rootMargin: getComputedStyle(document.documentElement).marginRight,
    };
  });
}

/**
 * The pencils make room in the text they follow, so "the page as it was" is the page with its
 * pencils: they are placed after the page's load event, in an idle moment.
 */
async function pencilsPlaced(page: Page): Promise<void> {
  for (const field of ['title', 'abstract']) await control(page, field).waitFor();
}

type Box = { left: number; top: number; right: number; bottom: number };
const intersects = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the panel beside the page', () => {
  const session = useFormSession();

  it('docks on a 1280 px window: the title and abstract stay clear of it; after close the page is as it was', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await pencilsPlaced(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    const before = await layout(page);
    expect(before.panel).toBeNull();

    const form = await openFormAt(page, 'title');
    const open = await layout(page);
    expect(open.panel).not.toBeNull();
    expect(open.panel!.right).toBe(1280);
    expect(open.panel!.right - open.panel!.left).toBeGreaterThanOrEqual(400);
    expect(intersects(open.title!, open.panel!)).toBe(false);
    expect(intersects(open.abstract!, open.panel!)).toBe(false);
    // The page's text is still all there, reflowed beside the panel (not pushed off screen).
    expect(open.title!.left).toBeGreaterThanOrEqual(0);

    await form.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('erratum-panel').waitFor({ state: 'detached' });
    expect(await layout(page)).toEqual(before);
  });

  it("keeps a page's own root margin, adding the panel's width to it and giving it back on close", async () => {
    const html = ARTICLE.replace('<html lang="en">', '<html lang="en" style="margin-right: 24px">');
    const page = await openPage(session.browser.context, `${ARTICLE_URL}?own-margin`, html);
    await pencilsPlaced(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    const before = await layout(page);
    expect(before.rootMargin).toBe('24px');
    const form = await openFormAt(page, 'title');
    const open = await layout(page);
    expect(intersects(open.title!, open.panel!)).toBe(false);
    expect(open.title!.right).toBeLessThanOrEqual(open.panel!.left - 24);
    await form.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('erratum-panel').waitFor({ state: 'detached' });
    expect(await layout(page)).toEqual(before);
  });

  it("keeps what the page's own script does to its root's style while the panel is open", async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await pencilsPlaced(page);
    await page.setViewportSize({ width: 1280, height: 800 });
    const form = await openFormAt(page, 'title');
    // A page switching its own theme meanwhile, as many do with an inline style on <html>.
    await page.evaluate(() => document.documentElement.style.setProperty('background-color', 'rgb(250, 240, 220)'));
    await form.getByRole('button', { name: 'Close', exact: true }).click();
    await page.locator('erratum-panel').waitFor({ state: 'detached' });
    const after = await page.evaluate(() => {
      const style = getComputedStyle(document.documentElement);
      return { background: style.backgroundColor, margin: style.marginRight };
    });
    expect(after).toEqual({ background: 'rgb(250, 240, 220)', margin: '0px' });
  });

  it('covers a narrow window without moving the page, and says how to close it; Esc does', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await pencilsPlaced(page);
    await page.setViewportSize({ width: 900, height: 800 });
    const before = await layout(page);
    const form = await openFormAt(page, 'title');
    const open = await layout(page);
    expect(open.title).toEqual(before.title);
    await form.getByText('Esc or Close returns to the page').waitFor();
    await expect(form.getByRole('button', { name: 'Close', exact: true }).isVisible()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('erratum-panel').waitFor({ state: 'detached' });
    expect(await layout(page)).toEqual(before);
  });

  it('docks when a covering window is widened, and covers again when it narrows', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await pencilsPlaced(page);
    await page.setViewportSize({ width: 900, height: 800 });
    await openFormAt(page, 'title');
    await page.setViewportSize({ width: 1280, height: 800 });
    const wide = await eventually(
      () => layout(page),
      (now) => now.rootMargin !== '0px',
    );
    expect(intersects(wide.title!, wide.panel!)).toBe(false);
    await page.setViewportSize({ width: 900, height: 800 });
    await eventually(
      () => layout(page),
      (now) => now.rootMargin === '0px',
    );
  });
});
