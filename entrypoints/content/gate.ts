import { afterLoadIdle } from '@/lib/gate/after-load-idle';
import { type Address, addressOf } from '@/lib/gate/could-carry-paper';
import { loadReader } from '@/lib/gate/load-reader';
import { domQuiet } from '@/lib/page/dom-quiet';

export type PagePredicate = (doc: Document, url: Address) => boolean;

/**
 * The whole of what runs on a page before it is known to carry a paper. The question is asked
 * at once, when the script runs (document_idle: the document is parsed) and costs a fraction of
 * a millisecond; scheduling it for later would cost more than asking (every callback into this
 * world has its price: measured in Chromium 156, a load listener plus an idle callback doubled
 * the gate's time). On yes, the reader (detection, anchors, controls: `reader`, a content script
 * of its own) loads after the page's load event, in an idle moment. On no, nothing more happens
 * unless the page navigates in-app, when the question is asked again once the new content has
 * rendered.
 *
 * A plain script, not a WXT content script: WXT's ContentScriptContext announces itself with a
 * DOM event and a postMessage and reads runtime.id as it starts, which on a page that is no
 * paper cost more than the question (about 1 ms and 40 KB of heap in Chromium 156). The reader
 * is a plain script too, with the little it needs of such a context (lib/page/page-lifetime.ts).
 */
export function startGate(reader: string, mayCarryPaper: PagePredicate): void {
  let loading = false;
  const load = () => {
    loading = true;
    loadReader(reader).catch((error: unknown) => {
      loading = false; // The extension was reloaded or the file could not load: ask again later.
      console.warn('Erratum could not load its reader', error);
    });
  };
  if (mayCarryPaper(document, addressOf(document.URL))) {
    loading = true;
    afterLoadIdle(load);
    return;
  }
  // In-app navigation, where the Navigation API exists (Chromium, recent Firefox); elsewhere
  // the question is asked once per page load. Once loaded, the reader follows navigation itself
  // (entrypoints/content/page-session.ts).
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', () => {
    if (loading) return;
    void domQuiet({ signal: new AbortController().signal }).then(() => {
      if (!loading && mayCarryPaper(document, addressOf(document.URL))) load();
    });
  });
}
