// How long a reader's work on a page may go on, and when the page moved to another address.
//
// This replaces WXT's ContentScriptContext in the readers (issue #15): it cost about 1 KB
// gzipped in every reader, mostly for what a reader imported by its gate never needs — a
// handshake that stops an older copy of the same script, announced to the page by a
// `window.postMessage(…, '*')` any page could read (a fingerprint), plus timers and a logger.
// A reader is imported once per document by its gate, so there is no older copy to stop. What
// remains is what the page session uses:
// - `signal` aborts when the extension is reloaded, updated or removed under the page
//   (the runtime's id is gone then, in Chrome and Firefox alike), checked when asked and before
//   each location check, so an orphaned reader stops instead of throwing at every message;
// - `onLocationChange` calls back after in-app navigation (history.pushState, replaceState,
//   back/forward), seen by comparing the address once a second, as WXT does where the browser
//   has no Navigation API. Its `navigatesuccess` event would tell at once in Chrome, but a second
//   branch cost 49 bytes gz in every reader, and reader-ieee.js is within 30 bytes of its 20 KB
//   budget; the gate, which has room, does listen for it (entrypoints/content/gate.ts).

/** The part of the extension runtime whose absence means the extension went away. */
interface Runtime {
  id?: string;
}

export interface PageLifetime {
  /** Aborted once the extension is gone from under this page. */
  readonly signal: AbortSignal;
  /** True once the extension is gone (asking checks it). */
  readonly isInvalid: boolean;
  /** Calls back after each change of this document's address, until the signal aborts. */
  onLocationChange(callback: () => void): void;
}

const POLL_MS = 1000;

export function pageLifetime(runtime: () => Runtime | undefined): PageLifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const alive = (): boolean => {
    if (!signal.aborted && runtime()?.id == null) controller.abort();
    return !signal.aborted;
  };
  return {
    signal,
    get isInvalid() {
      return !alive();
    },
    onLocationChange(callback) {
      let last = location.href;
      const check = () => {
        if (!alive() || location.href === last) return;
        last = location.href;
        callback();
      };
      const timer = setInterval(check, POLL_MS);
      signal.addEventListener('abort', () => clearInterval(timer));
    },
  };
}
