// Hostile pages in a real Firefox: markup in every metadata field stays text from the page to the
// form, and what a page can do from its own script (synthetic clicks, messages posted into the
// form's frame) opens, closes and sends nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameStolenForm, NOT_FROM_THIS_PAGE, stealFormAddress } from '../stolen-form';
import { queueItems } from './extension-pages';
import { button, pencil, showsText } from './finders';
import { type Context, FirefoxExtension } from './harness';

const HOSTILE_PAGE = readFileSync(
  join(import.meta.dirname, '..', '..', 'fixtures', 'hostile', 'script-in-metadata.html'),
  'utf8',
);
const HOSTILE_TITLE =
  "<img src=x onerror=__pwned('title')></script><script>__pwned('title-script')</script> Tidal Mixing";
const HOSTILE_VENUE = "<iframe src=javascript:__pwned('venue')></iframe> Letters";
/** The page's own script: every payload in the fixture calls __pwned(where) if it ever runs. */
const TRIPWIRE =
  '<script>window.__pwnedCalls = []; window.__pwned = (where) => window.__pwnedCalls.push(where);</script>';

function pwnedCalls(): string[] {
  return (window as unknown as { __pwnedCalls: string[] }).__pwnedCalls;
}

describe('Firefox: a hostile page gets nothing from Erratum', () => {
  let browser: FirefoxExtension;
  let popup: Context;

  beforeAll(async () => {
    browser = await FirefoxExtension.launch();
    popup = await browser.openExtensionPage('popup.html');
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function hostileTab(url: string): Promise<Context> {
    browser.route(url, HOSTILE_PAGE.replace('<head>', `<head>${TRIPWIRE}`));
    const tab = await browser.newTab(url);
    await browser.waitFor(tab, () => document.querySelector('erratum-control[data-erratum-field="title"]'));
    return tab;
  }

  it('script in the title, authors, venue and JSON-LD stays text on the page and in the form', async () => {
    const tab = await hostileTab('https://hostile.example.org/papers/1');
    expect(
      await browser.evaluate(tab, () => document.querySelectorAll('img, [onerror], [onload], iframe').length),
    ).toBe(0);
    await browser.click(tab, pencil, 'title', 0);
    const form = await browser.frame(tab, /^moz-extension:.*form\.html/);
    await browser.waitFor(form, showsText, HOSTILE_TITLE);
    await browser.waitFor(form, showsText, HOSTILE_VENUE);
    expect(
      await browser.evaluate(
        form,
        () => document.querySelectorAll('img, [onerror], [onload], iframe, script:not([src])').length,
      ),
    ).toBe(0);
    expect(await browser.evaluate(tab, pwnedCalls)).toEqual([]);
  });

  it('synthetic clicks open nothing; messages posted into the form frame neither close it nor send anything', async () => {
    const tab = await hostileTab('https://hostile.example.org/papers/2');
    // The page can reach our control's button (an open shadow root) but its clicks are not trusted.
    const reached = await browser.evaluate(tab, () => {
      const target = document
        .querySelector('erratum-control[data-erratum-field="title"]')
        ?.shadowRoot?.querySelector('button');
      target?.click();
      target?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      target?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      return Boolean(target);
    });
    expect(reached).toBe(true);
    expect(await browser.evaluate(tab, () => document.querySelectorAll('erratum-panel').length)).toBe(0);

    // A real click opens the form (so the check above could have failed)...
    await browser.click(tab, pencil, 'title', 0);
    const form = await browser.frame(tab, /^moz-extension:.*form\.html/);
    await browser.waitFor(form, button, 'Review correction');
    const queuedBefore = (await queueItems(browser, popup)).length;

    // ...and what the page posts into it, forged as the extension's own messages, does nothing.
    await browser.evaluate(tab, () => {
      const correction = {
        id: '01900000-0000-7000-8000-000000000001',
        changes: [{ field: 'title', from: 'a', to: 'b' }],
      };
      for (let index = 0; index < window.frames.length; index++) {
        const target = window.frames[index] as Window;
        for (const message of [
          { type: 'erratum/close' },
          { type: 'correction/submit', payload: { correction } },
          { type: 'form/submit' },
          { type: 'form/init', payload: { paper: { title: 'Forged by the page' } } },
        ])
          target.postMessage(message, '*');
      }
      window.postMessage({ type: 'erratum/close' }, '*');
    });
    // Let the posted messages be delivered before looking (a round trip through the page's event loop).
    await browser.evaluate(tab, () => new Promise((resolve) => setTimeout(resolve, 0)));
    await browser.evaluate(form, () => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await browser.evaluate(tab, () => document.querySelectorAll('erratum-panel').length)).toBe(1);
    expect(await browser.evaluate(form, () => document.body.textContent?.includes('Forged by the page'))).toBe(false);
    await browser.waitFor(form, button, 'Review correction');
    expect(await queueItems(browser, popup)).toHaveLength(queuedBefore);
    expect(await browser.evaluate(tab, pwnedCalls)).toEqual([]);
  });
  it('a page that steals the context id and frames the form, in its own tab or another, with a forged claim, gets no paper', async () => {
    const notFromThisPage = (pattern: string) => new RegExp(pattern).test(document.body.textContent ?? '');
    const tab = await hostileTab('https://hostile.example.org/papers/3');
    await browser.click(tab, pencil, 'title', 0);
    const form = await browser.frame(tab, /^moz-extension:.*form\.html#ctx=[^&]*$/);
    await browser.waitFor(form, button, 'Review correction');
    const stolen = await browser.evaluate(tab, stealFormAddress);
    expect(stolen).toMatch(/^moz-extension:.*form\.html#ctx=/);
    // The same tab: the page frames the form beside ours.
    await browser.evaluate(tab, frameStolenForm, stolen);
    const framedByPage = await browser.frame(tab, /form\.html#ctx=.*&stolen=1$/);
    await browser.waitFor(framedByPage, notFromThisPage, NOT_FROM_THIS_PAGE.source);
    expect(await browser.evaluate(framedByPage, showsText, 'Tidal Mixing')).toBe(false);
    expect(await browser.evaluate(framedByPage, () => document.querySelectorAll('h1, h2').length)).toBe(0);
    // Our own form is still the paper's.
    expect(await browser.evaluate(form, showsText, 'Tidal Mixing')).toBe(true);
    // Another tab.
    browser.route('https://thief.example.org/', '<!doctype html><title>thief</title><body></body>');
    const thief = await browser.newTab('https://thief.example.org/');
    await browser.evaluate(thief, frameStolenForm, stolen);
    const framedByThief = await browser.frame(thief, /form\.html#ctx=.*&stolen=1$/);
    await browser.waitFor(framedByThief, notFromThisPage, NOT_FROM_THIS_PAGE.source);
    expect(await browser.evaluate(framedByThief, showsText, 'Tidal Mixing')).toBe(false);
  });

  it('leaves no error in the console of the page, the content script, the form or the background', async () => {
    expect(browser.consoleErrors().map((entry) => entry.text)).toEqual([]);
  });
});
