import { browser } from 'wxt/browser';
import type { PageDetection } from '../schema/messages';

// What each tab's content script last reported, kept in session storage: it survives the worker
// being stopped (the popup asks long after the page reported) and is gone with the browser.

const PREFIX = 'tab-detection:';

/** A page's report, with the address of the page that sent it (from the sender, not the message). */
export interface TabDetection extends PageDetection {
  url: string;
}

export interface TabDetectionStore {
  get(tabId: number): Promise<TabDetection | undefined>;
  set(tabId: number, detection: TabDetection): Promise<void>;
  forget(tabId: number): Promise<void>;
}

export function createTabDetectionStore(area = browser.storage.session): TabDetectionStore {
  return {
    async get(tabId) {
      const key = PREFIX + tabId;
      const stored = await area.get(key);
      return stored[key] as TabDetection | undefined;
    },
    async set(tabId, detection) {
      await area.set({ [PREFIX + tabId]: detection });
    },
    async forget(tabId) {
      await area.remove(PREFIX + tabId);
    },
  };
}
