import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultQueueApi } from '../../../components/queue/api';

describe('defaultQueueApi', () => {
  it('opens the correction form in edit mode for the item in a new tab', async () => {
    await defaultQueueApi.openFixForm('0190c0de-0000-7000-8000-000000000001');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(
      'chrome-extension://test-extension-id/form.html#edit=0190c0de-0000-7000-8000-000000000001',
    );
  });

  it('asks the background for a bounded page of the queue', async () => {
    const requests: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      requests.push(message);
      sendResponse({ ok: true, value: { items: [], counts: {}, total: 0 } });
      return true;
    });
    await defaultQueueApi.list(100);
    expect(requests).toEqual([{ type: 'queue/list', payload: { limit: 100 } }]);
  });
});
