import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { type CorrectPageCommand, MAX_REPORTED_PAPERS } from '../schema/messages';
import { correctPage } from './correct-page';
import { saveFormContext } from './form-contexts';
import { menuRequest, pageMenuItems } from './page-menus';
import type { RequestHandlers } from './router';
import { createTabDetectionStore } from './tab-state';
import { iconPaths, toolbarFor } from './toolbar-state';

export type PageReachRequest = 'page/detected' | 'page/state' | 'page/correct';

type Action = typeof browser.action;

/**
 * A way in when there is no pencil: each tab's toolbar button follows what its page's content
 * script detected, the popup's "Correct this page" and the context menu's "Correct with Erratum"
 * open the form for it. Returns the handlers of the three page/* requests for the router.
 */
export function startPageReach(action: Action): Pick<RequestHandlers, PageReachRequest> {
  const detections = createTabDetectionStore();

  async function showTab(tabId: number): Promise<void> {
    const toolbar = toolbarFor(await detections.get(tabId), t);
    await action.setTitle({ tabId, title: toolbar.title });
    await action.setIcon({ tabId, path: iconPaths(toolbar.icon) });
  }

  const deps = {
    detection: detections.get,
    sendToTab: (tabId: number, command: CorrectPageCommand) => browser.tabs.sendMessage(tabId, command, { frameId: 0 }),
    tabUrl: async (tabId: number) => (await browser.tabs.get(tabId).catch(() => undefined))?.url,
    saveContext: saveFormContext,
    t,
    // A tab of its own has no content script to hand the claim over: the worker that opens the
    // tab puts it in the address, which no web page can read (lib/form/await-claim.ts).
    openFormTab: async ({ contextId, claim }: { contextId: string; claim: string }) => {
      await browser.tabs.create({ url: `${browser.runtime.getURL('/form.html')}#ctx=${contextId}&claim=${claim}` });
    },
  };

  // Menus persist across worker restarts but not across an update: made again at install.
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      for (const item of pageMenuItems(t)) browser.contextMenus.create(item);
    });
  });
  const onMenuClicked = async (info: { menuItemId: string | number; selectionText?: string }, tabId?: number) => {
    const request = menuRequest(info);
    if (request === null || tabId === undefined || tabId < 0) return;
    await correctPage(tabId, request, deps).catch(async (error: unknown) => {
      // A list page, right-clicked outside any entry: the popup lets the reader pick one (where the
      // browser allows opening it; Chrome does after a click on a menu item).
      console.warn('[erratum] Correct with Erratum:', error instanceof Error ? error.message : error);
      await (action as Action & { openPopup?: () => Promise<void> }).openPopup?.().catch(() => undefined);
    });
  };
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab?.id));
  // The browser test calls what a click calls (a context menu cannot be clicked headless). Only
  // code in this worker can reach its global scope.
  (globalThis as { erratumMenuClicked?: typeof onMenuClicked }).erratumMenuClicked = onMenuClicked;

  // A new document in the tab: what the old one reported no longer holds (its successor, if a
  // content script runs there, reports again once it has read the page).
  // Without the tabs permission the change carries no url; after an in-page navigation that
  // reports 'loading', the reader reads the page again once it has rendered (page-session.ts) and
  // reports anew.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void detections.forget(tabId).then(() => showTab(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => void detections.forget(tabId));

  return {
    'page/detected': async (detection, sender) => {
      // The tab is the one the message came from, and only its top frame speaks for the page.
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0 || !sender.url) return { recorded: false };
      await detections.set(tabId, { papers: detection.papers.slice(0, MAX_REPORTED_PAPERS), url: sender.url });
      await showTab(tabId);
      return { recorded: true };
    },
    'page/state': async ({ tabId }) => {
      const detection = await detections.get(tabId);
      if (!detection) return { reachable: false, detection: null };
      return { reachable: true, detection: { papers: detection.papers } };
    },
    'page/correct': async ({ tabId, request }) => correctPage(tabId, request, deps),
  };
}
