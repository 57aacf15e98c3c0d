import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterLoadIdle } from '@/lib/gate/after-load-idle';
import { loadReader } from '@/lib/gate/load-reader';
import { domQuiet } from '@/lib/page/dom-quiet';

export type PagePredicate = (doc: Document, url: URL) => boolean;

/**
 * The whole of what runs on a page before it is known to carry a paper: after the load event,
 * in an idle moment, ask `mayCarryPaper`; on yes, load the reader (detection, anchors, controls:
 * `reader`, a content script of its own). On no, nothing more happens unless the page navigates
 * in-app, when the question is asked again once the new content has rendered.
 */
export function startGate(ctx: ContentScriptContext, reader: string, mayCarryPaper: PagePredicate): void {
  let loading = false;
  const ask = () => {
    if (loading || !mayCarryPaper(document, new URL(location.href))) return;
    loading = true;
    loadReader(reader).catch((error: unknown) => {
      loading = false; // The extension was reloaded or the file could not load: ask again later.
      console.warn('Erratum could not load its reader', error);
    });
  };
  afterLoadIdle(ask, ctx.signal);
  // Once loaded, the reader follows navigation itself (entrypoints/content/page-session.ts).
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    if (!loading) void domQuiet({ signal: ctx.signal }).then(() => ctx.isValid && ask());
  });
}
