// When the gate and the readers do their work: after the page's own load event, in an idle
// moment. A page never waits for us (issue #15: "never delay the page's load event"), and the
// idle timeout keeps a page that is never idle (animations, busy scripts) from never getting
// pencils. A page whose load event does not come (a saved page waiting on a resource that never
// answers, a slow tracker) is not made to wait for it either: after LOAD_WAIT_MAX_MS we go on,
// still in an idle moment.

/** The longest wait for an idle moment: the first pencil target is 100 ms after load. */
const IDLE_TIMEOUT_MS = 100;
/** The longest wait for the load event, counted from when the content script starts. */
const LOAD_WAIT_MAX_MS = 3000;

function whenIdle(run: () => void, signal: AbortSignal): void {
  // Firefox and Chromium both have requestIdleCallback in content scripts; a plain timeout
  // elsewhere (Safari) still runs after the current task.
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => signal.aborted || run(), { timeout: IDLE_TIMEOUT_MS });
    signal.addEventListener('abort', () => cancelIdleCallback(id), { once: true });
  } else {
    const id = setTimeout(() => signal.aborted || run(), 0);
    signal.addEventListener('abort', () => clearTimeout(id), { once: true });
  }
}

/** Runs `run` once, in the first idle moment after the document's load event (or the cap). */
export function afterLoadIdle(
  run: () => void,
  signal: AbortSignal = new AbortController().signal,
  doc: Document = document,
): void {
  if (signal.aborted) return;
  if (doc.readyState === 'complete') {
    whenIdle(run, signal);
    return;
  }
  const waiting = new AbortController();
  const go = () => {
    if (waiting.signal.aborted) return;
    waiting.abort();
    whenIdle(run, signal);
  };
  const cap = setTimeout(go, LOAD_WAIT_MAX_MS);
  waiting.signal.addEventListener('abort', () => clearTimeout(cap), { once: true });
  signal.addEventListener('abort', () => waiting.abort(), { once: true, signal: waiting.signal });
  doc.defaultView?.addEventListener('load', go, { once: true, signal: waiting.signal });
}
