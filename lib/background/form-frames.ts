import type { Browser } from 'wxt/browser';

// Which frame may use a form context. form.html is web-accessible (the content script frames it
// over the paper page), so any page can frame it too, and the panel's address (with its context
// id) is readable from the page. A context id is therefore not enough: the form frame must also
// present the context's claim, which the worker gave only to the content script, and which the
// content script hands only to the frame it created (postMessage to that frame's window, for the
// extension's origin alone). The first frame to present it owns the context; every later form
// message must come from that same frame.
//
// A frame is named by its tab and frameId, and by its documentId where the browser gives one
// (Chrome): a reload or a navigation of that frame is a new document, which must claim again.
// Firefox gives no documentId; there the tab and frameId are checked, and the claim, which a
// document in another frame never receives, is what keeps the form out of other frames.

export interface FormFrame {
  tabId: number;
  frameId: number;
  documentId?: string;
}

/** The frame a message came from, or undefined when it is not a frame in a tab. */
export function frameOf(sender: Browser.runtime.MessageSender): FormFrame | undefined {
  const tabId = sender.tab?.id;
  const { frameId } = sender;
  if (tabId === undefined || frameId === undefined) return undefined;
  const documentId = (sender as { documentId?: string }).documentId;
  return documentId === undefined ? { tabId, frameId } : { tabId, frameId, documentId };
}

export function sameFrame(a: FormFrame, b: FormFrame): boolean {
  if (a.tabId !== b.tabId || a.frameId !== b.frameId) return false;
  // Compared only when both sides have one: Firefox names no document.
  return a.documentId === undefined || b.documentId === undefined || a.documentId === b.documentId;
}

/**
 * A form page framed inside a web page (not the top frame of its own tab, as the popup's "Fix and
 * resend" opens it): its messages are answered only for the frame that claimed its context.
 * Called for senders already known to be extension pages (router.ts).
 */
export function isFramedForm(sender: Browser.runtime.MessageSender): boolean {
  let path = '';
  try {
    path = new URL(sender.url ?? '').pathname;
  } catch {
    return false;
  }
  return path === '/form.html' && sender.frameId !== undefined && sender.frameId !== 0;
}
