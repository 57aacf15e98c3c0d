import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { subscribeToQueueChanges } from '../../../components/queue/queue-changes';
import { countsOf, summary } from './fake-queue-api';

const reply = () => {};

describe('subscribeToQueueChanges', () => {
  it('leaves requests meant for the background unanswered', async () => {
    subscribeToQueueChanges(() => {});
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'queue/list', payload: { limit: 1 } },
      {},
      reply,
    );
    expect(answers).toEqual([undefined]);
  });

  it('stops listening once unsubscribed', async () => {
    const listener = vi.fn();
    const unsubscribe = subscribeToQueueChanges(listener);
    const item = summary();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'queue/changed', counts: countsOf([item]), items: [item] },
      {},
      reply,
    );
    await vi.waitFor(() => expect(listener).toHaveBeenCalledOnce());
    unsubscribe();
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'queue/changed', counts: countsOf([item]), items: [] },
      {},
      reply,
    );
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
    expect(listener).toHaveBeenCalledOnce();
  });
});
