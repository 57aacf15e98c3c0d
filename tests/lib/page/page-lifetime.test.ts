// What a reader notices of its page's lifetime: the extension going away under the page stops
// it, and in-app navigation (history.pushState, as single-page sites navigate) is reported once
// per new address, in browsers without the Navigation API (Firefox ESR) by a one-second check.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageLifetime } from '@/lib/page/page-lifetime';

describe('pageLifetime', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    history.replaceState(null, '', '/paper/a');
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is valid while the runtime has an id, and aborts once it is gone', () => {
    const runtime: { id?: string } = { id: 'erratum' };
    const lifetime = pageLifetime(() => runtime);
    const aborted = vi.fn();
    lifetime.signal.addEventListener('abort', aborted);
    expect(lifetime.isInvalid).toBe(false);
    delete runtime.id;
    expect(lifetime.isInvalid).toBe(true);
    expect(lifetime.signal.aborted).toBe(true);
    expect(aborted).toHaveBeenCalledTimes(1);
  });

  it('reports each new address after pushState once, and nothing while it stays', () => {
    const lifetime = pageLifetime(() => ({ id: 'erratum' }));
    const changed = vi.fn();
    lifetime.onLocationChange(() => changed(location.pathname));
    vi.advanceTimersByTime(3000);
    expect(changed).not.toHaveBeenCalled();
    history.pushState(null, '', '/paper/b');
    vi.advanceTimersByTime(1000);
    expect(changed.mock.calls).toEqual([['/paper/b']]);
    vi.advanceTimersByTime(3000);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('stops watching the address once the extension is gone', () => {
    const runtime: { id?: string } = { id: 'erratum' };
    const lifetime = pageLifetime(() => runtime);
    const changed = vi.fn();
    lifetime.onLocationChange(changed);
    delete runtime.id;
    history.pushState(null, '', '/paper/c');
    vi.advanceTimersByTime(5000);
    expect(changed).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
