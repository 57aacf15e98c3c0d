// The form for keyboard and screen-reader users, in a real Firefox (issue #18 asks for both
// browsers): its text at 13 px or more at the default zoom, focus kept on an author's row after
// every move (to first and last place too) and put on the first new field after Add author.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formFocus, formTextSizes } from '../form-probes';
import { button, pencil } from './finders';
import { type Context, FirefoxExtension } from './harness';

const THREE_AUTHORS_URL = 'https://journal.example.org/articles/18';
const THREE_AUTHORS = readFileSync(
  join(import.meta.dirname, '..', '..', 'fixtures', 'pages', 'three-authors.html'),
  'utf8',
);

function authorNames(): string[] {
  return Array.from(document.querySelectorAll('.author-row .author-name'), (name) => name.textContent ?? '');
}

describe('Firefox: the form for keyboard and screen-reader users', () => {
  let browser: FirefoxExtension;

  beforeAll(async () => {
    browser = await FirefoxExtension.launch();
  });

  afterEach(async () => {
    for (const tab of await browser.tree()) await browser.closeTab(tab.context).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
  });

  // The tests run in this order on one profile: each form reopens the draft the one before left
  // (same paper), so the move test, which needs the page's own order, comes first.
  async function authorsForm(): Promise<Context> {
    browser.route(THREE_AUTHORS_URL, THREE_AUTHORS);
    const tab = await browser.newTab(THREE_AUTHORS_URL);
    await browser.waitFor(tab, () => document.querySelector('erratum-control[data-erratum-field="authors"]'));
    await browser.click(tab, pencil, 'authors', 0);
    const form = await browser.frame(tab, /^moz-extension:.*form\.html/);
    await browser.waitFor(form, button, 'Add author');
    return form;
  }

  it("keeps focus on the moved author's row after every move, to first and last place too", async () => {
    const form = await authorsForm();
    // Real clicks: a key sent now could reach the page rather than the just-opened frame.
    await browser.click(form, button, 'Move Yuki Sato up');
    await browser.waitFor(
      form,
      () => document.querySelectorAll('.author-row .author-name')[1]?.textContent === 'Yuki Sato',
    );
    expect(await browser.evaluate(form, authorNames)).toEqual(['Rania Haddad', 'Yuki Sato', 'Liam Brennan']);
    expect(await browser.evaluate(form, formFocus)).toMatchObject({ tag: 'button', rowName: 'Yuki Sato' });
    // Up again, to first place: focus stays in Yuki's row.
    await browser.click(form, button, 'Move Yuki Sato up');
    await browser.waitFor(form, () => document.querySelector('.author-row .author-name')?.textContent === 'Yuki Sato');
    expect(await browser.evaluate(form, authorNames)).toEqual(['Yuki Sato', 'Rania Haddad', 'Liam Brennan']);
    expect(await browser.evaluate(form, formFocus)).toMatchObject({ tag: 'button', rowName: 'Yuki Sato' });
    // Then down, and down again to last place:
    await browser.click(form, button, 'Move Yuki Sato down');
    await browser.click(form, button, 'Move Yuki Sato down');
    await browser.waitFor(form, () => {
      const names = document.querySelectorAll('.author-row .author-name');
      return names[names.length - 1]?.textContent === 'Yuki Sato';
    });
    expect(await browser.evaluate(form, authorNames)).toEqual(['Rania Haddad', 'Liam Brennan', 'Yuki Sato']);
    expect(await browser.evaluate(form, formFocus)).toMatchObject({ tag: 'button', rowName: 'Yuki Sato' });
  });

  it('puts focus on the first new field after Add author', async () => {
    const form = await authorsForm();
    // A real click: a key sent now could reach the page rather than the just-opened frame.
    await browser.click(form, button, 'Add author');
    await browser.waitFor(form, () => document.activeElement?.closest('.author-row.added'));
    const first = await browser.evaluate(
      form,
      () =>
        [...document.querySelectorAll('.author-row.added')].pop()?.querySelector('input, textarea, select')?.id ?? '',
    );
    expect(await browser.evaluate(form, formFocus)).toMatchObject({ tag: 'input', rowIsNew: true, id: first });
  });

  it('draws its text at 13 px or more at the default zoom, hints, tags and small buttons included', async () => {
    const form = await authorsForm();
    await browser.click(form, button, 'Remove Liam Brennan');
    await browser.click(form, button, 'Add author');
    await browser.waitFor(form, () => document.querySelector('.author-row.added input'));
    const sizes = await browser.evaluate(form, formTextSizes);
    expect(sizes.length).toBeGreaterThan(30);
    expect(sizes.filter(([, size]) => size < 13)).toEqual([]);
  });

  it('leaves no error in any console', () => {
    expect(browser.consoleErrors().map((entry) => entry.text)).toEqual([]);
  });
});
