import type { RequestPayload, RequestType, ResponseMap } from '../../../lib/messaging/protocol';
import { readOutbox, type StoredQueueItem } from '../harness';
import { byLabel, showsText } from './finders';
import type { Context, FirefoxExtension } from './harness';

// What the Firefox tests do from an extension page (a moz-extension: tab, with the add-on's own
// APIs): write settings as the options page does, ask the background as the popup does, read the
// outbox, and watch the background page for errors.

interface ExtensionGlobal {
  browser: {
    storage: { local: { set(items: object): Promise<void> } };
    runtime: { sendMessage(message: unknown): Promise<unknown>; getBackgroundPage(): Promise<Window>; reload(): void };
  };
}

/**
 * Saves the endpoint and the submitter through the options page, as a reader does: Save asks for
 * the endpoint's origin (the test profile grants optional permissions without a prompt). Without
 * that permission Firefox sends a delivery as a cross-origin request whose preflight fails.
 */
export async function configureEndpoint(
  browser: FirefoxExtension,
  settings: { endpointUrl: string; token?: string; name?: string; email?: string },
): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await browser.waitFor(options, byLabel, 'Endpoint address');
  await browser.fill(options, settings.endpointUrl, byLabel, 'Endpoint address');
  if (settings.token) await browser.fill(options, settings.token, byLabel, 'Token');
  await browser.fill(options, settings.name ?? 'Ada Lovelace', byLabel, 'Name');
  await browser.fill(options, settings.email ?? 'ada@example.org', byLabel, 'Email');
  // Enter in the last field submits the form (implicit submission), a reader's keyboard gesture
  // as good as a click for the permission request. A pointer click on Save, at the foot of the
  // long page just scrolled into view, was now and then lost in Firefox (no submit at all).
  await browser.press(options, '\uE007');
  await browser.waitFor(options, showsText, 'Saved');
  await browser.closeTab(options);
}

/** Sends one request to the background and unwraps the answer; throws the refusal. */
export async function request<T extends RequestType>(
  browser: FirefoxExtension,
  page: Context,
  type: T,
  payload: RequestPayload<T>,
): Promise<ResponseMap[T]> {
  const reply = await browser.evaluate(
    page,
    (message: unknown) => (globalThis as unknown as ExtensionGlobal).browser.runtime.sendMessage(message),
    { type, payload } as unknown,
  );
  const answer = reply as { ok: true; value: ResponseMap[T] } | { ok: false; error: string } | null;
  if (!answer) throw new Error(`${type}: the background did not answer`);
  if (!answer.ok) throw new Error(`${type} refused: ${answer.error}`);
  return answer.value;
}

/** The outbox, read straight from the add-on's IndexedDB (same origin as the page). */
export function queueItems(browser: FirefoxExtension, page: Context): Promise<StoredQueueItem[]> {
  return browser.evaluate(page, readOutbox);
}

/**
 * Records uncaught errors, unhandled rejections and console.error calls in the background page
 * (it is no BiDi context, but extension pages reach it with getBackgroundPage in MV2).
 */
export async function watchBackground(browser: FirefoxExtension, page: Context): Promise<void> {
  await browser.evaluate(page, async () => {
    const background = (await (
      globalThis as unknown as ExtensionGlobal
    ).browser.runtime.getBackgroundPage()) as Window & {
      __erratumTestErrors?: string[];
    };
    if (background.__erratumTestErrors) return;
    const errors: string[] = [];
    background.__erratumTestErrors = errors;
    background.addEventListener('error', (event) => errors.push(`error: ${event.message}`));
    background.addEventListener('unhandledrejection', (event) =>
      errors.push(`unhandled rejection: ${String(event.reason)}`),
    );
    const backgroundConsole = (background as unknown as { console: Console }).console;
    const original = backgroundConsole.error.bind(backgroundConsole);
    backgroundConsole.error = (...args: unknown[]) => {
      errors.push(`console.error: ${args.map(String).join(' ')}`);
      original(...args);
    };
  });
}

export async function backgroundErrors(browser: FirefoxExtension, page: Context): Promise<string[]> {
  return browser.evaluate(page, async () => {
    const background = (await (
      globalThis as unknown as ExtensionGlobal
    ).browser.runtime.getBackgroundPage()) as Window & {
      __erratumTestErrors?: string[];
    };
    return background.__erratumTestErrors ?? ['the background was not watched (it restarted?)'];
  });
}
