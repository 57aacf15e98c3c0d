import type { Context, FirefoxExtension } from './harness';

// Firefox's BiDi lists no content-script realm: script.getRealms on a page where our content script
// runs reports only the page's own 'window' realm, and a BiDi `sandbox` is a realm of the driver's,
// with the page's principal and no extension API. So code is run in our content script's own realm
// the way the add-on itself could: tabs.executeScript from an extension page. In Firefox there is
// one global scope per frame and per extension, whichever way a content script was loaded (MDN,
// "Content scripts"): the code shares the sandbox, principal and `browser` of content.js.

interface ExtensionPageGlobal {
  browser: {
    permissions: {
      request(permissions: { origins: string[] }): Promise<boolean>;
      remove(permissions: { origins: string[] }): Promise<boolean>;
    };
    tabs: {
      query(filter: object): Promise<{ id?: number; url?: string }[]>;
      executeScript(tabId: number, details: { code: string; frameId: number }): Promise<unknown[]>;
    };
  };
}

/**
 * Runs `fn(...args)` in our content script's realm in the top frame of the tab showing `pageUrl`,
 * driven from `extensionPage`, and returns its JSON-able result. executeScript needs the page's
 * origin as a host permission: asked for on a reader's click and given back afterwards. No content
 * script reads its storage through a host permission, so the probe sees what content.js sees.
 */
export async function evaluateInContentScript<T, A extends unknown[]>(
  browser: FirefoxExtension,
  extensionPage: Context,
  pageUrl: string,
  fn: (...args: A) => Promise<T>,
  ...args: A
): Promise<T> {
  const origins = [`${new URL(pageUrl).origin}/*`];
  await grantOrigins(browser, extensionPage, origins);
  const code = `(${fn.toString()})(...${JSON.stringify(args)}).then((value) => JSON.stringify(value ?? null))`;
  try {
    const results = await browser.evaluate(
      extensionPage,
      async (url: string, source: string) => {
        const { tabs } = (globalThis as unknown as ExtensionPageGlobal).browser;
        const tab = (await tabs.query({})).find((candidate) => candidate.url === url);
        if (tab?.id === undefined) throw new Error(`No tab shows ${url}`);
        return tabs.executeScript(tab.id, { code: source, frameId: 0 });
      },
      pageUrl,
      code,
    );
    return JSON.parse(String(results[0])) as T;
  } finally {
    await browser.evaluate(
      extensionPage,
      (given: string[]) =>
        (globalThis as unknown as ExtensionPageGlobal).browser.permissions.remove({ origins: given }),
      origins,
    );
  }
}

/**
 * Asks for host permissions as the options page does, from a real click: Firefox takes
 * permissions.request only in a user input handler, and BiDi's userActivation is not one. The
 * test profile grants optional permissions without a prompt. The button is the test's own,
 * added for the click and removed after it.
 */
async function grantOrigins(browser: FirefoxExtension, extensionPage: Context, origins: string[]): Promise<void> {
  await browser.evaluate(
    extensionPage,
    (wanted: string[]) => {
      const asker = document.createElement('button');
      asker.id = 'erratum-test-grant';
      asker.textContent = 'Grant';
      asker.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;width:80px;height:40px';
      const page = window as unknown as { __erratumTestGrant?: Promise<boolean> };
      asker.addEventListener('click', () => {
        page.__erratumTestGrant = (globalThis as unknown as ExtensionPageGlobal).browser.permissions.request({
          origins: wanted,
        });
      });
      document.body.append(asker);
    },
    origins,
  );
  await browser.click(extensionPage, () => document.getElementById('erratum-test-grant'));
  const granted = await browser.evaluate(extensionPage, async () => {
    const page = window as unknown as { __erratumTestGrant?: Promise<boolean> };
    const answer = await page.__erratumTestGrant;
    document.getElementById('erratum-test-grant')?.remove();
    return answer ?? false;
  });
  if (!granted) throw new Error(`No host permission for ${origins.join(', ')}: executeScript cannot reach the page`);
}
