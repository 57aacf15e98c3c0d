import type { FrameLocator, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  fixturePage,
  openFormAt,
  pageFocus,
  pdfBytes,
  pngBytes,
  pressUntil,
  receivedCorrection,
  reviewAndSend,
  storedDraftKeys,
  storedDraftText,
  useFormSession,
} from './form-helpers';
import { control, eventually, formFrame, openPage } from './harness';

// The correction form as a user drives it, in real Chromium: opened from the controls on a paper
// page served at a real address, sent to the reference endpoint, checked on both ends.

const ARTICLE_URL = 'https://journal.example.org/articles/42';
const ARTICLE = fixturePage('journal-article');
const THREE_AUTHORS_URL = 'https://letters.example.org/elg/2024/007';
const THREE_AUTHORS = fixturePage('three-authors');
const HOSTILE_URL = 'https://marine.example.org/jemb/311';
const HOSTILE = fixturePage('hostile-styles');

const TITLE_LABEL = 'Suggested correction (Title)';

/** Where the visible text of an element is drawn (its first line box and its end). */
async function textBox(page: Page, selector: string) {
  return page.locator(selector).evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    // Our control lives in the element too, but in a zero-size host: measure the page's text only.
    const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    const last = rects[rects.length - 1];
    if (!last) throw new Error(`No text in ${element.tagName}`);
    return { right: last.right, top: last.top, bottom: last.bottom };
  });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}

async function chooseFile(page: Page, form: FrameLocator, file: { name: string; mimeType: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  // The reader presses the visible button (the label); the native input is visually hidden.
  await form.getByText('Choose a PDF file', { exact: true }).click();
  await (await chooser).setFiles(file);
}

describe('the correction form, in real Chromium', () => {
  const session = useFormSession();

  it('opens from the control beside the title with the title already selected', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    const title = await textBox(page, 'h1.article-title');
    const button = await control(page, 'title').boundingBox();
    // Just after the last word of the title, on its line.
    expect(button).not.toBeNull();
    expect(button!.x).toBeGreaterThanOrEqual(title.right - 1);
    expect(button!.x).toBeLessThan(title.right + 12);
    expect(button!.y + button!.height / 2).toBeGreaterThan(title.top);
    expect(button!.y + button!.height / 2).toBeLessThan(title.bottom + 6);

    const form = await openFormAt(page, 'title');
    await expect(form.getByRole('button', { name: 'Edit Title' }).getAttribute('aria-pressed')).resolves.toBe('true');
    const input = form.getByLabel(TITLE_LABEL);
    await input.waitFor();
    // The user types straight away: nothing else was opened for them.
    await expect(input.inputValue()).resolves.toBe('');
    await expect(form.getByLabel('Suggested correction (DOI)').count()).resolves.toBe(0);
    await expect(form.getByRole('button', { name: 'Edit DOI' }).getAttribute('aria-pressed')).resolves.toBe('false');
  });

  it("edits an author's affiliation from the control beside that author", async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    const form = await openFormAt(page, 'author', 1);
    await expect(form.getByRole('button', { name: 'Edit Maja Lindqvist' }).getAttribute('aria-expanded')).resolves.toBe(
      'true',
    );
    await expect(form.getByRole('button', { name: 'Edit Chidi Okafor' }).getAttribute('aria-expanded')).resolves.toBe(
      'false',
    );
    const affiliation = form.getByLabel('Affiliation 1', { exact: true });
    await expect(affiliation.inputValue()).resolves.toBe('Stockholm University');
    await affiliation.fill('KTH Royal Institute of Technology');

    await form.getByLabel(/I am an author of this paper/).check();
    await form.getByRole('button', { name: 'Review correction' }).click();
    await form.getByText('Correct Maja Lindqvist:').waitFor();
    await form.getByText('Maja Lindqvist — KTH Royal Institute of Technology').waitFor();
    await form.getByRole('button', { name: 'Send correction' }).click();
    await form.getByRole('heading', { name: 'Saved in your outbox' }).waitFor();

    const { correction } = await receivedCorrection(session.receiver);
    expect(correction.changes).toEqual([]);
    expect(correction.authorChanges).toEqual([
      {
        kind: 'edit',
        index: 1,
        from: expect.objectContaining({ name: 'Maja Lindqvist', affiliations: ['Stockholm University'] }),
        to: expect.objectContaining({ name: 'Maja Lindqvist', affiliations: ['KTH Royal Institute of Technology'] }),
      },
    ]);
    expect(correction.proposedAuthors).toEqual([
      expect.objectContaining({ name: 'Chidi Okafor', affiliations: ['University of Lagos'] }),
      expect.objectContaining({ name: 'Maja Lindqvist', affiliations: ['KTH Royal Institute of Technology'] }),
    ]);
  });

  it('removes (after one undo), adds and reorders authors in one correction', async () => {
    const page = await openPage(session.browser.context, THREE_AUTHORS_URL, THREE_AUTHORS);
    const form = await openFormAt(page, 'authors');
    const rows = form.locator('.author-row');

    await form.getByRole('button', { name: 'Remove Liam Brennan' }).click();
    await rows.nth(1).getByText('to be removed').waitFor();
    await form.getByRole('button', { name: 'Undo removing Liam Brennan' }).click();
    await form.getByRole('button', { name: 'Remove Liam Brennan' }).waitFor();
    await expect(rows.nth(1).getByText('to be removed').count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Remove Liam Brennan' }).click();
    await rows.nth(1).getByText('to be removed').waitFor();

    await form.getByRole('button', { name: 'Add author' }).click();
    await form.getByLabel('Given name').fill('Aroha');
    await form.getByLabel('Family name').fill('Ngata');
    await form.getByLabel('Name as displayed').fill('Aroha Ngata');
    await form.getByLabel('Affiliation 1', { exact: true }).fill('University of Auckland');
    await rows.nth(3).getByText('Aroha Ngata').waitFor();

    // Rania, Liam (removed), Yuki, Aroha → Yuki up → Rania down → Yuki, Rania, Liam, Aroha.
    await form.getByRole('button', { name: 'Move Yuki Sato up' }).click();
    await rows.nth(1).getByText('Yuki Sato').waitFor();
    await form.getByRole('button', { name: 'Move Rania Haddad down' }).click();
    await rows.nth(0).getByText('Yuki Sato').waitFor();
    await expect(form.locator('.author-row .author-name').allTextContents()).resolves.toEqual([
      'Yuki Sato',
      'Rania Haddad',
      'Liam Brennan',
      'Aroha Ngata',
    ]);
    // The first row cannot move further up.
    await expect(form.getByRole('button', { name: 'Move Yuki Sato up' }).isDisabled()).resolves.toBe(true);

    await form.getByLabel(/I am an author of this paper/).check();
    await form.getByRole('button', { name: 'Review correction' }).click();
    await form.getByText('Remove Liam Brennan', { exact: true }).waitFor();
    await form.getByText('Add Aroha Ngata — University of Auckland at position 3').waitFor();
    await form.getByText('Order:').waitFor();
    await form.getByRole('button', { name: 'Send correction' }).click();
    await form.getByRole('heading', { name: 'Saved in your outbox' }).waitFor();

    const { correction } = await receivedCorrection(session.receiver);
    expect(correction.authorChanges).toEqual([
      { kind: 'remove', index: 1, author: expect.objectContaining({ name: 'Liam Brennan' }) },
      {
        kind: 'add',
        position: 2,
        author: { name: 'Aroha Ngata', given: 'Aroha', family: 'Ngata', affiliations: ['University of Auckland'] },
      },
      {
        kind: 'reorder',
        from: ['Rania Haddad', 'Liam Brennan', 'Yuki Sato'],
        to: ['Yuki Sato', 'Rania Haddad', 'Aroha Ngata'],
      },
    ]);
    expect(correction.proposedAuthors?.map((author) => [author.name, author.affiliations])).toEqual([
      ['Yuki Sato', ['Kyoto University']],
      ['Rania Haddad', ['American University of Beirut']],
      ['Aroha Ngata', ['University of Auckland']],
    ]);
  });

  // The framed form is a third-party context (its IndexedDB is refused or partitioned), so the
  // bytes travel to the worker by message (pdf/stage); this proves they arrive whole.
  it('attaches a PDF: the endpoint stores the same bytes', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    const form = await openFormAt(page, 'title');
    await form.getByLabel(TITLE_LABEL).fill('Tidal Forcing of Deep-Ocean Mixing Revisited');
    const bytes = pdfBytes(48 * 1024);
    await chooseFile(page, form, { name: 'corrected.pdf', mimeType: 'application/pdf', buffer: bytes });
    await form.getByText('corrected.pdf (48 KB)').waitFor();
    await form.getByRole('button', { name: 'Remove corrected.pdf' }).waitFor();

    await form.getByLabel(/I am an author of this paper/).check();
    await form.getByRole('button', { name: 'Review correction' }).click();
    await form.getByText('corrected.pdf (48 KB)').waitFor();
    await form.getByRole('button', { name: 'Send correction' }).click();
    // Queued, or the form's refusal: either way the test ends without waiting for a timeout.
    const queued = form.getByRole('heading', { name: 'Saved in your outbox' });
    await queued.or(form.getByRole('alert')).waitFor();
    const refusal = (await queued.isVisible()) ? null : await form.getByRole('alert').textContent();
    expect(refusal).toBeNull();

    const record = await receivedCorrection(session.receiver);
    expect(record.hasPdf).toBe(true);
    expect(record.correction.pdf).toMatchObject({ name: 'corrected.pdf', size: bytes.length });
    expect(Buffer.from((await session.receiver.pdf(record.id)) ?? []).equals(bytes)).toBe(true);
  });

  it('refuses a PDF over 10 MB and a PNG named .pdf, saying why and keeping the rest', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    const form = await openFormAt(page, 'title');
    await form.getByLabel(TITLE_LABEL).fill('Tidal Forcing of Deep-Ocean Mixing Revisited');
    await form.getByLabel('Comment').fill('The hyphen is in the published version.');

    await chooseFile(page, form, {
      name: 'big.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes(10.5 * 1024 * 1024),
    });
    await form.getByRole('alert').getByText('big.pdf is 10.5 MB; the limit is 10 MB.').waitFor();
    await chooseFile(page, form, { name: 'figure.pdf', mimeType: 'application/pdf', buffer: pngBytes() });
    await form.getByRole('alert').getByText('figure.pdf is not a PDF file (its content is not PDF).').waitFor();

    // Nothing attached, everything typed still there, and the form can still be sent.
    await expect(form.getByRole('button', { name: /^Remove (big|figure)\.pdf$/ }).count()).resolves.toBe(0);
    await expect(form.getByLabel(TITLE_LABEL).inputValue()).resolves.toBe(
      'Tidal Forcing of Deep-Ocean Mixing Revisited',
    );
    await expect(form.getByLabel('Comment').inputValue()).resolves.toBe('The hyphen is in the published version.');
    await reviewAndSend(form);

    const record = await receivedCorrection(session.receiver);
    expect(record.hasPdf).toBe(false);
    expect(record.correction.pdf).toBeUndefined();
    expect(record.correction.changes).toEqual([
      {
        field: 'title',
        from: 'Tidal Forcing of Deep Ocean Mixing Revisited',
        to: 'Tidal Forcing of Deep-Ocean Mixing Revisited',
      },
    ]);
  });

  it('is sent with the keyboard alone; focus stays in the panel; Esc returns it to the control', async () => {
    const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
    await page.locator('erratum-control').first().waitFor({ state: 'attached' });
    const form = formFrame(page);
    const inPanel = async (target: Locator) => {
      // Checked at every key press on the way: the page behind never gets the focus.
      expect(await pageFocus(page)).toBe('erratum-panel');
      return isFocused(target);
    };

    await page.keyboard.press('Tab');
    expect(await pageFocus(page)).toBe('control:title:button');
    await page.keyboard.press('Enter');
    await form.getByRole('heading', { name: 'Request Correction' }).waitFor();
    await eventually(
      () => pageFocus(page),
      (focus) => focus === 'erratum-panel',
    );

    const title = form.getByLabel(TITLE_LABEL);
    await pressUntil(page, 'Tab', () => inPanel(title));
    await page.keyboard.type('Tidal Forcing of Deep-Ocean Mixing Revisited');
    const declaration = form.getByLabel(/I am an author of this paper/);
    await pressUntil(page, 'Tab', () => inPanel(declaration));
    await page.keyboard.press('Space');
    await expect(declaration.isChecked()).resolves.toBe(true);
    const review = form.getByRole('button', { name: 'Review correction' });
    await pressUntil(page, 'Tab', () => inPanel(review));
    await page.keyboard.press('Enter');

    const send = form.getByRole('button', { name: 'Send correction' });
    await send.waitFor();
    await pressUntil(page, 'Tab', () => inPanel(send));
    // Tab from the last control wraps to the first (the close button); Shift+Tab comes back.
    const close = form.getByRole('button', { name: 'Close' });
    await page.keyboard.press('Tab');
    await expect(inPanel(close)).resolves.toBe(true);
    await page.keyboard.press('Shift+Tab');
    await expect(inPanel(send)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await form.getByRole('heading', { name: 'Saved in your outbox' }).waitFor();

    const { correction } = await receivedCorrection(session.receiver);
    expect(correction.changes).toEqual([
      {
        field: 'title',
        from: 'Tidal Forcing of Deep Ocean Mixing Revisited',
        to: 'Tidal Forcing of Deep-Ocean Mixing Revisited',
      },
    ]);

    await page.keyboard.press('Escape');
    await page.locator('erratum-panel').waitFor({ state: 'detached' });
    expect(await pageFocus(page)).toBe('control:title:button');
  });

  it('survives a hostile page stylesheet: in place, full size, usable, and it sends', async () => {
    const page = await openPage(session.browser.context, HOSTILE_URL, HOSTILE);
    const form = await openFormAt(page, 'title');
    const viewport = page.viewportSize()!;
    const box = await page.locator('erratum-panel iframe').boundingBox();
    const width = Math.min(460, viewport.width);
    expect(box).toEqual({ x: viewport.width - width, y: 0, width, height: viewport.height });
    // On top of the page and hit by the pointer there.
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(),
      [box!.x + box!.width / 2, box!.y + box!.height / 2],
    );
    expect(hit).toBe('erratum-panel');
    // The form's own styles hold: normal text size, not the page's 40px.
    const heading = form.getByRole('heading', { name: 'Request Correction' });
    const fontSize = await heading.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
    expect(fontSize).toBeLessThan(24);

    await form.getByLabel(TITLE_LABEL).fill('Coral Bleaching Thresholds, Reconsidered');
    await reviewAndSend(form);
    const { correction } = await receivedCorrection(session.receiver);
    expect(correction.changes).toEqual([
      {
        field: 'title',
        from: 'Coral Bleaching Thresholds Reconsidered',
        to: 'Coral Bleaching Thresholds, Reconsidered',
      },
    ]);
  });

  describe('drafts', () => {
    const TYPED = 'Tidal Forcing of Deep-Ocean Mixing, Revisited';

    async function expectRestored(form: FrameLocator) {
      await form.getByText('Draft restored.').waitFor();
      await expect(form.getByLabel(TITLE_LABEL).inputValue()).resolves.toBe(TYPED);
      await expect(form.getByLabel('Comment').inputValue()).resolves.toBe('From the journal erratum.');
    }

    it('keeps what was typed when the panel is closed; a sent correction leaves a clean form', async () => {
      const page = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
      let form = await openFormAt(page, 'title');
      await form.getByLabel(TITLE_LABEL).fill(TYPED);
      await form.getByLabel('Comment').fill('From the journal erratum.');
      await form.getByRole('button', { name: 'Close' }).click();
      await page.locator('erratum-panel').waitFor({ state: 'detached' });

      form = await openFormAt(page, 'title');
      await expectRestored(form);
      await reviewAndSend(form);
      await receivedCorrection(session.receiver);
      await form.getByRole('button', { name: 'Close' }).first().click();
      await page.locator('erratum-panel').waitFor({ state: 'detached' });

      form = await openFormAt(page, 'title');
      await expect(form.getByLabel(TITLE_LABEL).inputValue()).resolves.toBe('');
      await expect(form.getByLabel('Comment').inputValue()).resolves.toBe('');
      await expect(form.getByText('Draft restored.').count()).resolves.toBe(0);
      expect(await storedDraftKeys(session.browser)).toEqual([]);
    });

    it('keeps what was typed when the tab is closed', async () => {
      const first = await openPage(session.browser.context, ARTICLE_URL, ARTICLE);
      const form = await openFormAt(first, 'title');
      await form.getByLabel(TITLE_LABEL).fill(TYPED);
      await form.getByLabel('Comment').fill('From the journal erratum.');
      // A person takes longer than the form's save delay to reach the tab's close button. (Closed
      // within it, the last edits are lost: the pagehide save does not complete in a closing tab.)
      await eventually(
        () => storedDraftText(session.browser),
        (text) => text.includes('From the journal erratum.'),
      );
      await first.close();

      const again = await session.browser.context.newPage();
      await again.goto(ARTICLE_URL);
      await expectRestored(await openFormAt(again, 'title'));
    });
  });
});
