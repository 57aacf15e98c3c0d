/**
 * Resolves with the first element matching `selector`, waiting for client-rendered pages to put
 * it there; null when `timeoutMs` passes or `signal` aborts. One MutationObserver, no polling.
 */
export function waitForElement(
  selector: string,
  { signal, timeoutMs = 10_000, root = document }: { signal?: AbortSignal; timeoutMs?: number; root?: Document } = {},
): Promise<Element | null> {
  const existing = root.querySelector(selector);
  if (existing || signal?.aborted) return Promise.resolve(existing);
  return new Promise((resolve) => {
    let scheduled = false;
    const finish = (element: Element | null) => {
      observer.disconnect();
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(element);
    };
    // Check at most once per frame: a busy page mutates thousands of times a second.
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        const found = root.querySelector(selector);
        if (found) finish(found);
      });
    });
    const onAbort = () => finish(null);
    const timer = setTimeout(() => finish(null), timeoutMs);
    signal?.addEventListener('abort', onAbort);
    observer.observe(root.documentElement, { childList: true, subtree: true });
  });
}
