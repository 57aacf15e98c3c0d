import type { BidiConnection, BidiEvent } from './bidi';
import {
  type ConsoleEntry,
  type FirefoxLaunchOptions,
  type FirefoxProcess,
  installExtension,
  startFirefox,
  stopFirefox,
} from './launch';

// The Firefox side of the browser tests: the built add-on in Debian's Firefox ESR over WebDriver
// BiDi, with the same vocabulary as the Chromium harness (open a page at a real URL, find a
// control, read the form in its frame, read the outbox) so each journey reads the same in both.

/** A browsing context (a tab or a frame) by its BiDi id. */
export type Context = string;

interface RemoteValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: RemoteValue;
  exceptionDetails?: { text: string };
}

interface TreeNode {
  context: string;
  url: string;
  children: TreeNode[] | null;
}

const WAIT_TIMEOUT_MS = 15_000;
const LOOPBACK = /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//;

export class FirefoxExtension {
  /** Console errors and uncaught exceptions seen in pages, frames and extension pages. */
  readonly console: ConsoleEntry[] = [];
  private readonly routes = new Map<string, { body: string; contentType: string }>();
  private stopListening: (() => void) | undefined;

  private constructor(private readonly firefox: FirefoxProcess) {}

  static async launch(options: FirefoxLaunchOptions = {}): Promise<FirefoxExtension> {
    const firefox = await startFirefox(options);
    const browser = new FirefoxExtension(firefox);
    await browser.listen();
    await installExtension(firefox.bidi);
    return browser;
  }

  get bidi(): BidiConnection {
    return this.firefox.bidi;
  }

  /** moz-extension://<uuid>: the add-on's origin (its UUID is fixed by the profile). */
  get origin(): string {
    return `moz-extension://${this.firefox.uuid}`;
  }

  extensionUrl(path: string): string {
    return `${this.origin}/${path.replace(/^\//, '')}`;
  }

  /** Every console entry so far, from BiDi's log module and from Firefox's stdout. */
  consoleEntries(): ConsoleEntry[] {
    // Firefox's own modules (resource://, chrome://) log on the same stdout: not ours to judge.
    const ours = this.firefox.stdoutConsole.filter((entry) => !/\b(resource|chrome):\/\//.test(entry.text));
    return [...this.console, ...ours];
  }

  /** Console errors from any context: the page, the content script, the form, the background. */
  consoleErrors(): ConsoleEntry[] {
    return this.consoleEntries().filter((entry) => entry.level === 'error');
  }

  /** Serves `html` at a real address (https://arxiv.org/abs/…); every other non-loopback request fails. */
  route(url: string, html: string, contentType = 'text/html; charset=utf-8'): void {
    this.routes.set(url, { body: html, contentType });
  }

  async close(): Promise<void> {
    this.stopListening?.();
    await stopFirefox(this.firefox);
  }

  // ── tabs and frames ──

  async newTab(url?: string): Promise<Context> {
    const { context } = await this.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    if (url) await this.navigate(context, url);
    return context;
  }

  async navigate(context: Context, url: string): Promise<void> {
    await this.bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
  }

  async closeTab(context: Context): Promise<void> {
    await this.bidi.send('browsingContext.close', { context });
  }

  async tree(): Promise<TreeNode[]> {
    const { contexts } = await this.bidi.send<{ contexts: TreeNode[] }>('browsingContext.getTree', {});
    return contexts;
  }

  /** The first frame (at any depth) below `parent` whose URL matches, waiting for it to appear. */
  async frame(parent: Context, url: RegExp, timeoutMs = 15_000): Promise<Context> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { contexts } = await this.bidi.send<{ contexts: TreeNode[] }>('browsingContext.getTree', { root: parent });
      const found = findContext(contexts, (node) => node.context !== parent && url.test(node.url));
      if (found) return found.context;
      if (Date.now() > deadline) throw new Error(`No frame matching ${url} under ${parent}`);
      // A frame appears with contextCreated, but may have been created before we looked: check
      // the tree again at the next event or after a short while, whichever comes first.
      await this.bidi.waitForEvent('browsingContext.contextCreated', () => true, 250).catch(() => undefined);
    }
  }

  /**
   * An extension page in a tab of its own (popup.html, options.html). BiDi may not navigate a tab
   * to a moz-extension: address, so an extension frame opens it, as the add-on's own code could.
   */
  async openExtensionPage(path: string): Promise<Context> {
    const host = await this.newTab('about:blank');
    await this.evaluate(
      host,
      (src: string) =>
        new Promise<void>((resolve) => {
          const frame = document.createElement('iframe');
          frame.src = src;
          frame.onload = () => resolve();
          document.body.append(frame);
        }),
      this.extensionUrl('form.html'),
    );
    const frame = await this.frame(host, /^moz-extension:/);
    const opened = this.bidi.waitForEvent('browsingContext.contextCreated', (params) => params.parent === null);
    await this.evaluateActivated(frame, (url: string) => void window.open(url), this.extensionUrl(path));
    const { context } = (await opened) as { context: string };
    // The new tab starts as about:blank and then loads the page: wait for the page itself.
    const url = this.extensionUrl(path);
    const deadline = Date.now() + WAIT_TIMEOUT_MS;
    for (;;) {
      const state = await this.evaluate(context, () => `${document.readyState} ${location.href}`).catch(() => '');
      if (state === `complete ${url}`) break;
      if (Date.now() > deadline) throw new Error(`${url} did not load: ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.closeTab(host);
    return context;
  }

  // ── script ──

  /**
   * Runs `fn(...args)` in the context (awaiting a promise) and returns its JSON-able result. The
   * function is sent as source text, so it may use only its arguments and the context's globals.
   */
  evaluate<T, A extends unknown[]>(context: Context, fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    return this.call<T>(context, `(${fn.toString()})`, args, false);
  }

  /** `evaluate` with a user activation, as if the reader had just clicked (window.open, permissions). */
  evaluateActivated<T, A extends unknown[]>(
    context: Context,
    fn: (...args: A) => T | Promise<T>,
    ...args: A
  ): Promise<T> {
    return this.call<T>(context, `(${fn.toString()})`, args, true);
  }

  /** Waits, without polling the protocol, until `predicate(...args)` holds in the context. */
  async waitFor<A extends unknown[]>(context: Context, predicate: (...args: A) => unknown, ...args: A): Promise<void> {
    // Checked at every DOM mutation and every 250 ms (for state no mutation shows, e.g. focus).
    const waiter = `((test) => (...values) => new Promise((resolve) => {
      const check = () => { try { return Boolean(test(...values)); } catch { return false; } };
      if (check()) return resolve(true);
      const finish = (value) => { observer.disconnect(); clearInterval(interval); clearTimeout(timer); resolve(value); };
      const observer = new MutationObserver(() => { if (check()) finish(true); });
      const interval = setInterval(() => { if (check()) finish(true); }, 250);
      const timer = setTimeout(() => finish(check()), ${WAIT_TIMEOUT_MS});
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    }))(${predicate.toString()})`;
    const ok = await this.call<boolean>(context, waiter, args, false);
    if (ok) return;
    const shown = await this.evaluate(context, () => (document.body?.textContent ?? '').slice(-500) ?? '').catch(
      () => '',
    );
    throw new Error(`Condition not met in ${WAIT_TIMEOUT_MS} ms: ${predicate.toString()}\nThe page shows: ${shown}`);
  }

  private async call<T>(context: Context, source: string, args: unknown[], userActivation: boolean): Promise<T> {
    const result = await this.bidi.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: `async (json) => JSON.stringify((await ${source}(...JSON.parse(json))) ?? null)`,
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      target: { context },
      awaitPromise: true,
      userActivation,
    });
    if (result.type === 'exception') throw new Error(`In ${context}: ${result.exceptionDetails?.text}`);
    return JSON.parse(String(result.result?.value)) as T;
  }

  /** A node found by `find()` in the context, as a BiDi shared reference (for clicks and files). */
  async element<A extends unknown[]>(
    context: Context,
    find: (...args: A) => Element | null | undefined,
    ...args: A
  ): Promise<{ sharedId: string }> {
    const result = await this.bidi.send<EvaluateResult>('script.callFunction', {
      functionDeclaration: `(json) => (${find.toString()})(...JSON.parse(json))`,
      arguments: [{ type: 'string', value: JSON.stringify(args) }],
      target: { context },
      awaitPromise: false,
      resultOwnership: 'root',
    });
    const node = result.result;
    if (result.type === 'exception' || !node?.sharedId)
      throw new Error(`No element for ${find.toString()} in ${context}`);
    return { sharedId: node.sharedId };
  }

  /** A real mouse click at the element's centre (trusted events, as a reader's click). */
  async click<A extends unknown[]>(
    context: Context,
    find: (...args: A) => Element | null | undefined,
    ...args: A
  ): Promise<void> {
    const element = await this.element(context, find, ...args);
    // The pointer can only reach what is in the viewport, as a reader scrolls to it first. A page
    // still laying itself out (a form frame that has just opened, on a busy machine) can move the
    // element again after the scroll: scroll, let two frames render, and look again (at most 10
    // times; an element taller than the viewport is clicked at its centre as it stands).
    await this.bidi.send('script.callFunction', {
      functionDeclaration: `async (node) => {
        for (let attempt = 0; attempt < 10; attempt++) {
          node.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
          await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
          const box = node.getBoundingClientRect();
          if (box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth) return;
        }
      }`,
      arguments: [element],
      target: { context },
      awaitPromise: true,
    });
    await this.bidi.send('input.performActions', {
      context,
      actions: [
        {
          type: 'pointer',
          id: 'mouse',
          parameters: { pointerType: 'mouse' },
          actions: [
            { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element } },
            { type: 'pointerDown', button: 0 },
            { type: 'pointerUp', button: 0 },
          ],
        },
      ],
    });
    await this.bidi.send('input.releaseActions', { context });
  }

  /** Types text with real key events into whatever has focus in the context's top-level page. */
  async type(context: Context, text: string): Promise<void> {
    const actions = [...text].flatMap((key) => [
      { type: 'keyDown', value: key },
      { type: 'keyUp', value: key },
    ]);
    await this.bidi.send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
  }

  /**
   * Presses one key (WebDriver key codes: '\uE007' Enter, '\uE004' Tab, '\uE00C' Escape). A key
   * that closes the frame it is sent to (Escape in the form) goes to the tab instead: the focused
   * frame gets it just the same, and the tab is still there for the key's release.
   */
  async press(context: Context, key: string): Promise<void> {
    await this.type(context, key);
  }

  /** Clicks a text field, selects what it holds and types `text` over it. */
  async fill<A extends unknown[]>(
    context: Context,
    text: string,
    find: (...args: A) => Element | null | undefined,
    ...args: A
  ): Promise<void> {
    await this.click(context, find, ...args);
    await this.evaluate(context, () => {
      const active = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
      active?.select();
    });
    await this.type(context, text);
  }

  /** Puts files into a file input, as the file chooser would. */
  async setFiles<A extends unknown[]>(
    context: Context,
    paths: string[],
    find: (...args: A) => Element | null | undefined,
    ...args: A
  ): Promise<void> {
    const element = await this.element(context, find, ...args);
    await this.bidi.send('input.setFiles', { context, element, files: paths });
  }

  private async listen(): Promise<void> {
    await this.bidi.send('session.subscribe', {
      events: ['log.entryAdded', 'network.beforeRequestSent', 'browsingContext'],
    });
    await this.bidi.send('network.addIntercept', { phases: ['beforeRequestSent'] });
    this.stopListening = this.bidi.on((event) => void this.handle(event));
  }

  private async handle(event: BidiEvent): Promise<void> {
    if (event.method === 'log.entryAdded') {
      const entry = event.params as { level: string; text: string; source?: { context?: string } };
      this.console.push({ level: entry.level, text: entry.text, source: entry.source?.context ?? 'unknown' });
      return;
    }
    if (event.method !== 'network.beforeRequestSent' || !event.params.isBlocked) return;
    const { request: id, url } = event.params.request as { request: string; url: string };
    const served = this.routes.get(url.replace(/#.*$/, ''));
    try {
      if (served !== undefined)
        await this.bidi.send('network.provideResponse', {
          request: id,
          statusCode: 200,
          reasonPhrase: 'OK',
          headers: [{ name: 'Content-Type', value: { type: 'string', value: served.contentType } }],
          body: { type: 'string', value: served.body },
        });
      else if (LOOPBACK.test(url)) await this.bidi.send('network.continueRequest', { request: id });
      // Nothing leaves the machine: a request to any other address fails as offline.
      else await this.bidi.send('network.failRequest', { request: id });
    } catch {
      // The request was cancelled (its page navigated away) before it was answered.
    }
  }
}

function findContext(nodes: TreeNode[], accept: (node: TreeNode) => boolean): TreeNode | undefined {
  for (const node of nodes) {
    if (accept(node)) return node;
    const inner = findContext(node.children ?? [], accept);
    if (inner) return inner;
  }
  return undefined;
}
