// Headings found by tag name. The browser keeps each tag's live list (getElementsByTagName) and
// hands the same one to every reader and every run until the page changes, while
// querySelectorAll('h1, h2, h3') walks the whole page per call, matching the selector list
// element by element: the readers of the title, the abstract and the title's anchor each made
// such a walk.

// compareDocumentPosition's bit for "the argument follows"; Node.DOCUMENT_POSITION_FOLLOWING is
// not a global outside browsers (the extract CLI runs on Node).
const FOLLOWING = 4;

/**
 * The elements under `root` named one of `tags`, and the `marked` ones (the headlines, in
 * document order), that pass `keep`, in document order; undefined when there are more than
 * `max` of them to test, for the caller to fall back on its own bounded query. `keep` sees each
 * element once, in no particular order.
 */
export function headingsWhere(
  root: Element,
  tags: readonly string[],
  max: number,
  keep: (el: Element) => boolean,
  marked?: ArrayLike<Element>,
): Element[] | undefined {
  const lists: ArrayLike<Element>[] = tags.map((tag) => root.getElementsByTagName(tag));
  // An <h1 itemprop="headline"> is in two lists: tested once, as a headline.
  const twice = marked?.length ? new Set<Element>(Array.from(marked)) : undefined;
  if (marked) lists.push(marked);
  let total = 0;
  for (const list of lists) total += list.length;
  if (total > max) return undefined;
  const kept: Element[] = [];
  let sources = 0;
  for (const list of lists) {
    const before = kept.length;
    for (let i = 0; i < list.length; i++) {
      const el = list[i] as Element;
      if (twice?.has(el) && list !== marked) continue;
      if (keep(el)) kept.push(el);
    }
    if (kept.length > before) sources++;
  }
  // Each list is in document order already; only elements from several lists need sorting.
  if (sources > 1) kept.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
  return kept;
}
