import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPageReach } from '@/lib/background/page-reach';
import { createRouter } from '@/lib/background/router';
import { createTabDetectionStore } from '@/lib/background/tab-state';

// A content script reports on its own tab: the tab comes from the sender, never the message, and
// only the top frame of an http(s) page speaks for it.
const ID = fakeBrowser.runtime.id;
const ORIGIN = `chrome-extension://${ID}/`;

beforeEach(() => {
  // The fake browser has no context menus; this test does not click any.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
});

function reach() {
  const titles = new Map<number, string>();
  const action = {
    setTitle: async ({ tabId, title }: { tabId: number; title: string }) => void titles.set(tabId, title),
    setIcon: async () => undefined,
  } as never;
  const handlers = startPageReach(action);
  // Only the page/* requests are wired here; the others would fail the test if reached.
  const route = createRouter(handlers as never, ID, ORIGIN);
  return { route, titles };
}

describe('page/detected', () => {
  it('is kept for the sender’s tab, whatever tab the message names', async () => {
    const { route } = reach();
    const sender = { id: ID, url: 'https://journal.example.org/a/1', tab: { id: 7 }, frameId: 0 };
    const reply = await route(
      { type: 'page/detected', payload: { tabId: 99, papers: [{ name: 'A paper' }] } },
      sender as never,
    );
    expect(reply).toEqual({ ok: true, value: { recorded: true } });
    const store = createTabDetectionStore();
    expect(await store.get(99)).toBeUndefined();
    expect(await store.get(7)).toEqual({ papers: [{ name: 'A paper' }], url: 'https://journal.example.org/a/1' });
  });

  it('is ignored from a frame inside the page', async () => {
    const { route } = reach();
    const sender = { id: ID, url: 'https://ads.example.com/frame', tab: { id: 8 }, frameId: 3 };
    const reply = await route({ type: 'page/detected', payload: { papers: [{ name: 'Ad' }] } }, sender as never);
    expect(reply).toEqual({ ok: true, value: { recorded: false } });
    expect(await createTabDetectionStore().get(8)).toBeUndefined();
  });

  it('is what the popup reads back, and only the popup', async () => {
    const { route } = reach();
    const page = { id: ID, url: 'https://journal.example.org/a/1', tab: { id: 7 }, frameId: 0 };
    await route({ type: 'page/detected', payload: { papers: [{ name: 'A paper' }] } }, page as never);
    const popup = { id: ID, url: `${ORIGIN}popup.html` };
    expect(await route({ type: 'page/state', payload: { tabId: 7 } }, popup as never)).toEqual({
      ok: true,
      value: { reachable: true, detection: { papers: [{ name: 'A paper' }] } },
    });
    expect((await route({ type: 'page/state', payload: { tabId: 7 } }, page as never)).ok).toBe(false);
  });
});
