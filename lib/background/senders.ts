import type { Browser } from 'wxt/browser';

export type SenderKind = 'content' | 'extension';

/**
 * Who sent a runtime message. Only this extension can reach onMessage (no
 * externally_connectable), but a page can still drive our own content script, so the kind of
 * sender decides what it may ask: extension pages (popup, options, the framed form) may read
 * the queue and settings; content scripts may only hand over a detected paper.
 */
export function classifySender(
  sender: Browser.runtime.MessageSender,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab && /^https?:/.test(url)) return 'content';
  return null;
}
