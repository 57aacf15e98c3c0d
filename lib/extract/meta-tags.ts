// One pass over the document's <meta> elements, shared by every meta-tag vocabulary.

export interface MetaTag {
  /** `name`, `property` or `itemprop`, lower-cased ("citation_author", "og:title", "dc.creator"). */
  name: string;
  content: string;
}

/** Meta tags by lower-cased name, each name's values in document order; `ordered` keeps them all in order. */
export class MetaTags extends Map<string, string[]> {
  /** Every tag in document order, for vocabularies where order carries meaning (an author, then its institution). */
  readonly ordered: MetaTag[] = [];

  /** The first non-empty value of the first name that has one. */
  first(...names: string[]): string | undefined {
    for (const name of names) {
      const value = this.get(name)?.find((v) => v.trim() !== '');
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Every value of every given name, in the order the names are given. */
  all(...names: string[]): string[] {
    return names.flatMap((name) => this.get(name) ?? []);
  }
}

/** Most tags a page can contribute; beyond this a page is hostile, not informative. */
const MAX_META_TAGS = 20_000;
const MAX_CONTENT_LENGTH = 2_000_000;

/** Reads every <meta name|property|itemprop content> once, in document order. */
export function readMetaTags(doc: Document): MetaTags {
  const tags = new MetaTags();
  const elements = doc.getElementsByTagName('meta');
  const count = Math.min(elements.length, MAX_META_TAGS);
  for (let i = 0; i < count; i++) {
    const el = elements[i] as Element;
    const name = (el.getAttribute('name') ?? el.getAttribute('property') ?? el.getAttribute('itemprop'))
      ?.trim()
      .toLowerCase();
    const content = el.getAttribute('content');
    if (!name || content == null) continue;
    const value = content.length > MAX_CONTENT_LENGTH ? content.slice(0, MAX_CONTENT_LENGTH) : content;
    tags.ordered.push({ name, content: value });
    const values = tags.get(name);
    if (values) values.push(value);
    else tags.set(name, [value]);
  }
  return tags;
}
