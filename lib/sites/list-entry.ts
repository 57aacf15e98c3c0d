// One entry of a publisher's result list or table of contents: a title link, the authors, a
// venue, a date and maybe a DOI, each read from what the entry shows. The adapters find the
// elements (every publisher marks them up differently); reading and anchoring them is the same.

import { anchorIf, cleanText, emptyMetadata, mergePaper, parseAuthorName, toIsoDate, visibleText } from '../extract';
import type { DetectedPaper } from '../extract/types';

export interface ListEntry {
  site: string;
  /** The entry's element: its controls belong to it. */
  entry: Element;
  /** The title link. */
  link: Element;
  /** Where the link points, absolute: the paper's address. */
  href: string;
  /** One element per author, each anchoring its author's control. */
  authors?: Element[];
  /** Or the names as read some other way, with one element showing them all. */
  authorNames?: { names: string[]; shownIn: Element | null };
  venue?: Element | null;
  /** The date as written ("17 Oct 2014", "2014-10-17"), and where it is shown. */
  date?: { text: string; shownIn?: Element | null };
  /** The DOI as found (any case), and where it is shown if it is. */
  doi?: { value: string | undefined; shownIn?: Element | null };
}

export function readListEntry({
  site,
  entry,
  link,
  href,
  authors = [],
  authorNames,
  venue,
  date,
  doi,
}: ListEntry): DetectedPaper {
  const names = authorNames?.names ?? authors.map((el) => visibleText(el));
  const blank: DetectedPaper = { metadata: emptyMetadata(href, site), anchors: { fields: {}, authors: [] }, entry };
  return mergePaper(
    blank,
    {
      title: cleanText(visibleText(link)),
      ...(names.length > 0 ? { authors: names.map((name) => parseAuthorName(name)) } : {}),
      ...toIsoDate(date?.text ?? ''),
      ...(doi?.value ? { doi: doi.value.toLowerCase() } : {}),
      venue: cleanText(visibleText(venue)),
    },
    'visible',
    {
      fields: {
        title: link,
        ...anchorIf('authors', authorNames?.shownIn),
        ...anchorIf('venue', venue),
        ...anchorIf('date', date?.shownIn),
        ...anchorIf('doi', doi?.shownIn),
      },
      authors,
    },
  );
}

/** Where a publisher's result list puts each part of an entry, for readListEntries. */
export interface ListLayout {
  site: string;
  /** One element per entry. */
  entries: string;
  /** Within an entry: the title link, one element per author, the venue. */
  link: string;
  authors: string;
  venue: string;
  /** The element showing the date: a selector, or found from the entry and its venue. */
  date: string | ((entry: Element, venue: Element | null) => Element | null | undefined);
  /** The date as written, from the date element's text (default: that text). */
  dateText?: (shown: string) => string;
  /** The DOI, from the entry and the title link's absolute address. */
  doi: (entry: Element, href: string) => string | undefined;
}

/** Every entry of a result list laid out as `layout` says; entries without a title link are skipped. */
export function readListEntries(doc: Document, url: URL, layout: ListLayout): DetectedPaper[] {
  return [...doc.querySelectorAll(layout.entries)].flatMap((entry) => {
    const link = entry.querySelector(layout.link);
    if (!link) return [];
    const href = new URL(link.getAttribute('href') ?? '', url).href;
    const venue = entry.querySelector(layout.venue);
    const date = typeof layout.date === 'string' ? entry.querySelector(layout.date) : layout.date(entry, venue);
    const shown = visibleText(date);
    return [
      readListEntry({
        site: layout.site,
        entry,
        link,
        href,
        authors: [...entry.querySelectorAll(layout.authors)],
        venue,
        date: { text: layout.dateText ? layout.dateText(shown) : shown, shownIn: date },
        doi: { value: layout.doi(entry, href) },
      }),
    ];
  });
}
