// The reader's work waits for the page's own load event (issue #15), but not for ever.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterLoadIdle } from '../../../lib/gate/after-load-idle';

/** A document still loading, whose load event the test fires. */
function loadingDocument(): { doc: Document; fireLoad: () => void } {
  const target = new EventTarget();
  const doc = { readyState: 'interactive', defaultView: target } as unknown as Document;
  return { doc, fireLoad: () => target.dispatchEvent(new Event('load')) };
}

describe('after the load event, in an idle moment', () => {
  afterEach(() => vi.useRealTimers());

  it('runs nothing before the load event, once after it', async () => {
    const { doc, fireLoad } = loadingDocument();
    const run = vi.fn();
    afterLoadIdle(run, undefined, doc);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(run).not.toHaveBeenCalled();
    fireLoad();
    fireLoad();
    await vi.waitFor(() => expect(run).toHaveBeenCalledTimes(1));
  });

  it('goes on without a load event that never comes, after three seconds', () => {
    vi.useFakeTimers();
    const { doc } = loadingDocument();
    const run = vi.fn();
    afterLoadIdle(run, undefined, doc);
    vi.advanceTimersByTime(2900);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(300);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once aborted', async () => {
    const { doc, fireLoad } = loadingDocument();
    const run = vi.fn();
    const controller = new AbortController();
    afterLoadIdle(run, controller.signal, doc);
    controller.abort();
    fireLoad();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(run).not.toHaveBeenCalled();
  });
});
