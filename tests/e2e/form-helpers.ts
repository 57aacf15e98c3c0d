import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { type Receiver, type StoredCorrection, startReceiver } from '../../scripts/receiver/server';
import {
  configureEndpoint,
  control,
  type ExtensionBrowser,
  eventually,
  formFrame,
  launchExtension,
  requestFromExtensionPage,
} from './harness';

/** A paper page fixture we wrote ourselves (tests/fixtures/pages/<name>.html). */
export function fixturePage(name: string): string {
  return readFileSync(join(import.meta.dirname, '..', 'fixtures', 'pages', `${name}.html`), 'utf8');
}

export interface FormSession {
  browser: ExtensionBrowser;
  /** A fresh reference endpoint for each test, on port 0 and a temp data dir. */
  receiver: Receiver;
}

/**
 * One browser for the whole file (two shared cores), a fresh endpoint per test. Between tests the
 * pages are closed and the drafts forgotten, so each test starts from a clean form.
 */
export function useFormSession(): FormSession {
  const session = {} as FormSession;
  let dataDir = '';
  beforeAll(async () => {
    session.browser = await launchExtension();
  });
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'erratum-receiver-'));
    session.receiver = await startReceiver({ port: 0, dataDir });
    await configureEndpoint(session.browser, { endpointUrl: session.receiver.endpoint });
  });
  afterEach(async () => {
    for (const page of session.browser.context.pages()) await page.close();
    await forgetDrafts(session.browser);
    await session.receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  afterAll(async () => {
    await session.browser?.close({ dispose: true });
  });
  return session;
}

/**
 * Every draft the worker keeps, keyed by paper (the `drafts` store of its private IndexedDB,
 * lib/background/private-db.ts), read in the worker, the only context that can open it.
 */
async function storedDrafts(browser: ExtensionBrowser): Promise<[string, unknown][]> {
  return browser.worker.evaluate(
    () =>
      new Promise<[string, unknown][]>((resolve, reject) => {
        const open = indexedDB.open('erratum-private');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) return resolve([]);
          const store = db.transaction('drafts').objectStore('drafts');
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            resolve(keys.result.map((key, i) => [String(key), values.result[i]]));
            db.close();
          };
          values.onerror = () => reject(values.error);
        };
      }),
  );
}

/** The papers the form has kept a draft for. */
export async function storedDraftKeys(browser: ExtensionBrowser): Promise<string[]> {
  return (await storedDrafts(browser)).map(([key]) => key);
}

/** Every stored draft as JSON text, to see what the form has saved so far. */
export async function storedDraftText(browser: ExtensionBrowser): Promise<string> {
  return JSON.stringify(await storedDrafts(browser));
}

/** Forgets the drafts as the form does once a correction is sent (draft/clear, from an extension page). */
async function forgetDrafts(browser: ExtensionBrowser): Promise<void> {
  for (const key of await storedDraftKeys(browser)) await requestFromExtensionPage(browser, 'draft/clear', { key });
}

/** Clicks a control on the page and waits for the form it opens. */
export async function openFormAt(page: Page, field: string, nth = 0): Promise<FrameLocator> {
  await control(page, field, nth).click();
  const form = formFrame(page);
  await form.getByRole('heading', { name: 'Request Correction' }).waitFor();
  return form;
}

/** Ticks the declaration, reviews and sends; waits until the form says the correction is queued. */
/** `form`: the framed panel, or a form page in a tab of its own. */
export async function reviewAndSend(form: FrameLocator | Page): Promise<void> {
  await form.getByLabel(/I am an author of this paper/).check();
  await form.getByRole('button', { name: 'Review correction' }).click();
  await form.getByRole('button', { name: 'Send correction' }).click();
  await form.getByRole('heading', { name: 'Saved in your outbox' }).waitFor();
}

/** The one correction the endpoint has received (waits for it). */
export async function receivedCorrection(receiver: Receiver): Promise<StoredCorrection> {
  const records = await eventually(
    () => receiver.records(),
    (list) => list.length > 0,
  );
  if (records.length !== 1) throw new Error(`Expected one correction, the endpoint has ${records.length}`);
  return records[0] as StoredCorrection;
}

/** Bytes that start like a PDF (the form checks the content, not the name). */
export function pdfBytes(size: number): Buffer {
  const head = Buffer.from('%PDF-1.7\n% Erratum test file\n');
  const bytes = Buffer.alloc(size, 0x20);
  head.copy(bytes);
  for (let i = head.length; i < size; i += 97) bytes[i] = 0x0a;
  return bytes;
}

/** The first bytes of a PNG image. */
export function pngBytes(): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('0000000dIHDR', 'latin1'),
    Buffer.alloc(200, 1),
  ]);
}

/** Describes where the page's keyboard focus is: a control, the panel, or another element. */
export async function pageFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active) return 'none';
    const tag = active.tagName.toLowerCase();
    if (tag === 'erratum-control') {
      const host = active as HTMLElement;
      const inner = host.shadowRoot?.activeElement?.tagName.toLowerCase() ?? 'nothing';
      const author = host.dataset.erratumAuthor === undefined ? '' : `#${host.dataset.erratumAuthor}`;
      return `control:${host.dataset.erratumField}${author}:${inner}`;
    }
    return tag;
  });
}

/** Presses a key on the page until `done` holds, at most `max` times; throws when it never does. */
export async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 40): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(key);
    if (await done()) return presses;
  }
  throw new Error(`${key} pressed ${max} times without reaching the target`);
}
