import { describe, expect, it, vi } from 'vitest';
import { domQuiet, onDomQuiet } from '@/lib/page/dom-quiet';

describe('following pages that change in place', () => {
  it('calls back once after a burst of changes, not once per change', async () => {
    const controller = new AbortController();
    const quiet = vi.fn();
    onDomQuiet(quiet, { signal: controller.signal, quietMs: 20 });
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(quiet).toHaveBeenCalledTimes(1);
    controller.abort();
  });

  it('stays idle while nothing changes, and ignores our own nodes', async () => {
    const controller = new AbortController();
    const quiet = vi.fn();
    const own = document.createElement('erratum-control');
    document.body.append(own);
    onDomQuiet(quiet, { signal: controller.signal, quietMs: 10, ignore: (node) => node === own });
    own.append(document.createElement('span'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(quiet).not.toHaveBeenCalled();
    controller.abort();
  });

  it('resolves once the page has settled, or at the latest after maxMs', async () => {
    const started = Date.now();
    await domQuiet({ signal: new AbortController().signal, quietMs: 10, maxMs: 1000 });
    expect(Date.now() - started).toBeLessThan(500);
    const busy = setInterval(() => document.body.append(document.createElement('i')), 2);
    const busyStart = Date.now();
    await domQuiet({ signal: new AbortController().signal, quietMs: 50, maxMs: 120 });
    clearInterval(busy);
    expect(Date.now() - busyStart).toBeGreaterThanOrEqual(110);
  });
});
