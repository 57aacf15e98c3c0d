/**
 * Asks the content script that framed the form to close its panel. Any origin: the paper page's
 * origin is not known here, and the content script trusts only messages whose source is this frame.
 */
export function postClose(target: Window = window.parent): void {
  target.postMessage({ type: 'erratum/close' }, '*');
}
