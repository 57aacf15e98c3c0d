import { browser } from 'wxt/browser';
import type { ResponseMap } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { QueueChanged } from '../../lib/schema/messages';
import type { QueueSummary } from '../../lib/schema/queue';
import type { Settings } from '../../lib/schema/settings';
import type { CorrectThisPageApi } from './CorrectThisPage';
import { downloadBlob } from './download';
import { subscribeToQueueChanges } from './queue-changes';

/** Everything the queue list needs from the extension; tests hand in fakes. */
export interface QueueApi {
  /** The newest `limit` items, the counts by status and the total. */
  list(limit: number): Promise<ResponseMap['queue/list']>;
  /** Schedules one item (or, without an id, every waiting item) for an attempt now. */
  retry(id?: string): Promise<ResponseMap['queue/retry']>;
  discard(id: string): Promise<QueueSummary>;
  exportAll(): Promise<ResponseMap['queue/export']>;
  /** Opens the correction form on a needs-attention item so the user can fix it. */
  openFixForm(id: string): Promise<void>;
  download(filename: string, blob: Blob): void;
  /** Calls `listener` on every valid queue/changed broadcast; returns the unsubscribe. */
  onQueueChanged(listener: (change: QueueChanged) => void): () => void;
}

/** The popup also shows whether an endpoint is set, links to the options page, and corrects the page. */
export interface PopupApi extends QueueApi, CorrectThisPageApi {
  getSettings(): Promise<Settings>;
  openOptions(): Promise<void>;
  /** Asks the worker to check what became of sent corrections; answers arrive as queue changes. */
  checkStatuses(): Promise<ResponseMap['queue/check-status']>;
}

export const defaultQueueApi: QueueApi = {
  list: (limit) => sendRequest('queue/list', { limit }),
  retry: (id) => sendRequest('queue/retry', id === undefined ? {} : { id }),
  discard: (id) => sendRequest('queue/discard', { id }),
  exportAll: () => sendRequest('queue/export', {}),
  openFixForm: async (id) => {
    // The form page reads `#edit=<id>` and loads that item through queue/get.
    await browser.tabs.create({ url: `${browser.runtime.getURL('/form.html')}#edit=${encodeURIComponent(id)}` });
  },
  download: (filename, blob) => downloadBlob(filename, blob),
  onQueueChanged: (listener) => subscribeToQueueChanges(listener),
};

export const defaultPopupApi: PopupApi = {
  ...defaultQueueApi,
  getSettings: () => sendRequest('settings/get', {}),
  openOptions: () => browser.runtime.openOptionsPage(),
  checkStatuses: () => sendRequest('queue/check-status', {}),
  currentTabId: async () => {
    // popup.html?tab=<id>: the popup opened as a page of its own (a keyboard shortcut, a test).
    const named = Number(new URLSearchParams(location.search).get('tab'));
    if (Number.isInteger(named) && named > 0) return named;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id;
  },
  pageState: (tabId) => sendRequest('page/state', { tabId }),
  correctPage: (tabId, request) => sendRequest('page/correct', { tabId, request }),
  closePopup: () => window.close(),
};
