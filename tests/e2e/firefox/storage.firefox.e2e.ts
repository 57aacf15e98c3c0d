// The token, the submitter's email and drafts, in a real Firefox: Firefox has no
// storage.local.setAccessLevel, so they are kept in the add-on origin's IndexedDB, which only the
// background and extension pages reach. Proved both ways with one probe: run in our content
// script's own realm (and in the page's) it finds none of them in any storage or by any request;
// run in an extension page it finds all three, so the secrets it looked for do exist. Except one
// way in, a Firefox platform limit recorded below: a content script that frames a page of the
// add-on's own reads the add-on origin's IndexedDB through that frame.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Receiver, startReceiver } from '../../../scripts/receiver/server';
import { evaluateInContentScript } from './content-script-world';
import { configureEndpoint } from './extension-pages';
import { byLabel } from './finders';
import { type Context, FirefoxExtension } from './harness';
import { openFormFromPencil } from './open-form';
import { type ProbeOptions, type ProbeReport, type ProbeRequest, probeStorage } from './storage-probe';

const ARTICLE_URL = 'https://journal.example.org/articles/14';
const ARTICLE = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pages', 'three-authors.html'), 'utf8');
const TOKEN = 'tok-ff-5ecret-41d2e8';
const EMAIL = 'ada.private.ff@example.org';
const DRAFT_TEXT = 'Sediment Transport, a draft for the form alone';
/** A draft is kept under its paper's DOI (the fixture's citation_doi), as the form asks for it. */
const DRAFT_KEY = 'doi:10.5555/elg.2024.007';
const PRIVATE_DB = 'erratum-private';
/** Every request that answers with a secret: settings, the draft, the queue and its export. */
const REQUESTS: ProbeRequest[] = [
  { type: 'settings/get', payload: {} },
  { type: 'draft/load', payload: { key: DRAFT_KEY } },
  { type: 'queue/list', payload: {} },
  { type: 'queue/export', payload: {} },
];
const PROBE: ProbeOptions = { requests: REQUESTS, databaseNames: [PRIVATE_DB] };

function expectNoSecret(report: ProbeReport): void {
  for (const [where, text] of Object.entries(report)) {
    expect(text, where).not.toContain(TOKEN);
    expect(text, where).not.toContain(EMAIL);
    expect(text, where).not.toContain(DRAFT_TEXT);
  }
}

/** Each request answered with a refusal by the background, or (`unreachable`) not sent at all. */
function expectRequestsRefused(report: ProbeReport, { unreachable = false } = {}): void {
  for (const { type } of REQUESTS) {
    const reply = report[`message ${type}`] ?? '';
    if (unreachable && reply.startsWith('refused: ')) continue;
    expect(JSON.parse(reply), type).toMatchObject({ ok: false });
  }
}

describe('Firefox: a content script cannot read the token, the email or drafts', () => {
  let browser: FirefoxExtension;
  let receiver: Receiver;
  const dataDir = mkdtempSync(join(tmpdir(), 'erratum-receiver-'));

  beforeAll(async () => {
    browser = await FirefoxExtension.launch();
    receiver = await startReceiver({ port: 0, dataDir, token: TOKEN });
    await configureEndpoint(browser, { endpointUrl: receiver.endpoint, token: TOKEN, email: EMAIL });
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('finds them from an extension page, and nowhere from the content script or the page', async () => {
    // A draft: the form opened from a pencil, a correction typed, the form closed.
    const { tab, form } = await openFormFromPencil(browser, { url: ARTICLE_URL, html: ARTICLE }, 'title');
    await browser.fill(form, DRAFT_TEXT, byLabel, 'Suggested correction (Title)');
    // Escape, as the form's hint tells the reader (its Close button sits above the scrolled-to field).
    // Sent to the tab, where the focused form gets it: the panel (and the form's frame) may be gone
    // between the key's down and up.
    await browser.press(tab, '\uE00C');
    await browser.waitFor(tab, () => document.querySelectorAll('erratum-panel').length === 0);

    // From an extension page the probe finds all three: the secrets exist and it can see them.
    const options = await browser.openExtensionPage('options.html');
    const fromExtension = await browser.evaluate(options, probeStorage, PROBE);
    expect(fromExtension['message settings/get']).toContain(TOKEN);
    expect(fromExtension['message settings/get']).toContain(EMAIL);
    expect(fromExtension['message draft/load']).toContain(DRAFT_TEXT);
    expect(fromExtension['message draft/load']).toContain(EMAIL);
    expect(fromExtension[`indexedDB ${PRIVATE_DB}`]).toContain(TOKEN);
    expect(fromExtension[`indexedDB ${PRIVATE_DB}`]).toContain(DRAFT_TEXT);

    // The realm executeScript reaches is a content script's: the page's origin, with the add-on's API.
    const realm = await evaluateInContentScript(browser, options, ARTICLE_URL, async () => ({
      origin: location.origin,
      extensionApi: typeof (globalThis as unknown as { browser?: { runtime?: { id?: string } } }).browser?.runtime?.id,
      controls: document.querySelectorAll('erratum-control').length,
    }));
    expect(realm).toMatchObject({ origin: new URL(ARTICLE_URL).origin, extensionApi: 'string' });
    expect(realm.controls).toBeGreaterThan(0);

    const fromContentScript = await evaluateInContentScript(browser, options, ARTICLE_URL, probeStorage, PROBE);
    // Firefox lets a content script read storage.local (no setAccessLevel): the probe did read it.
    expect(fromContentScript['storage.local']).not.toMatch(/^refused/);
    expect(JSON.parse(fromContentScript[`indexedDB ${PRIVATE_DB}`] ?? '')).toBe('absent');
    expectRequestsRefused(fromContentScript);
    expectNoSecret(fromContentScript);

    // And the page's own script, which can drive the content script but not enter it, finds nothing either.
    const fromPage = await browser.evaluate(tab, probeStorage, PROBE);
    expect(JSON.parse(fromPage[`indexedDB ${PRIVATE_DB}`] ?? '')).toBe('absent');
    expectRequestsRefused(fromPage, { unreachable: true });
    expectNoSecret(fromPage);
  });

  describe("through a frame of the add-on's own form.html (web-accessible)", () => {
    const FRAMED_URL = 'https://journal.example.org/articles/15';
    let framedProbe: ProbeOptions;
    let options: Context;
    let fromContentScript: ProbeReport = {};

    beforeAll(async () => {
      framedProbe = { requests: [], databaseNames: [PRIVATE_DB], frameUrl: browser.extensionUrl('form.html') };
      browser.route(FRAMED_URL, ARTICLE);
      const tab = await browser.newTab(FRAMED_URL);
      await browser.waitFor(tab, () => document.querySelector('erratum-control[data-erratum-field="title"]'));
      options = await browser.openExtensionPage('options.html');
    });

    it("the frame opens the add-on origin's IndexedDB to an extension page, and not to the page", async () => {
      const fromExtension = await browser.evaluate(options, probeStorage, framedProbe);
      expect(fromExtension[`framed indexedDB ${PRIVATE_DB}`]).toContain(TOKEN);
      const tab = (await browser.tree()).find((node) => node.url === FRAMED_URL)?.context ?? '';
      const fromPage = await browser.evaluate(tab, probeStorage, framedProbe);
      expect(fromPage[`framed indexedDB ${PRIVATE_DB}`]).toMatch(/^refused: SecurityError/);
      expectNoSecret(fromPage);

      // The content script frames it too, and reaches into the frame (judged in the next test).
      fromContentScript = await evaluateInContentScript(browser, options, FRAMED_URL, probeStorage, framedProbe);
      expect(fromContentScript['framed add-on document']).toContain('form.html');
      expect(fromContentScript[`framed indexedDB ${PRIVATE_DB}`]).not.toMatch(/^refused/);
    });

    // A FIREFOX PLATFORM LIMIT (docs/security.md, "Extension storage"): a content script's
    // principal subsumes the add-on's own origin, so a content script that frames any page of the
    // add-on reads the add-on origin's IndexedDB through the frame (erratum-private: the token, the
    // email, drafts), and the framed page's DOM too. No WebExtension API closes it in Firefox (no
    // setAccessLevel for persistent storage, no persistent store outside the add-on's origin); only
    // code in our own content script's world can do it, which a page cannot enter. Only that finding
    // is judged here (the test before checks that the probe did read through the frame), so
    // `it.fails` keeps the suite green while the limit stands and turns red the day Firefox closes
    // it: then make it a plain `it`.
    it.fails('a content script that frames form.html finds neither the token, the email nor a draft', () => {
      expectNoSecret(fromContentScript);
    });
  });

  it('leaves no error in the console of the page, the content script, the form or the background', async () => {
    expect(browser.consoleErrors().map((entry) => entry.text)).toEqual([]);
  });
});
