/**
 * Closes the form. Framed in a page's panel: asks the content script that framed it to close the
 * panel (any origin: the paper page's origin is not known here, and the content script trusts
 * only messages whose source is this frame). In a tab of its own (Correct this page where no
 * reader runs, the popup's Fix and resend): closes that tab, which the extension opened.
 */
export function postClose(win: Window = window): void {
  if (win.parent === win) win.close();
  else win.parent.postMessage({ type: 'erratum/close' }, '*');
}
