// Queries that several readers of one extraction make, each made once: every querySelectorAll
// walks the whole page. One PageQueries serves one extraction of a page that does not change
// meanwhile (extractEmbedded makes one); it is never kept for a later reading.
import { bodyOf } from './text';

export class PageQueries {
  readonly body: Element | null;
  private byItemprop?: Map<string, Element[]>;
  private hrefLinks?: ArrayLike<Element>;

  constructor(doc: Document) {
    this.body = bodyOf(doc);
  }

  /**
   * The elements in <body> marked itemprop="`value`", in document order: one [itemprop] query
   * for the headline, author, name and description readers together.
   */
  itemprop(value: string): readonly Element[] {
    if (!this.byItemprop) {
      this.byItemprop = new Map();
      const marked = this.body?.querySelectorAll('[itemprop]') ?? [];
      for (let i = 0; i < marked.length; i++) {
        const el = marked[i] as Element;
        const name = el.getAttribute('itemprop') as string;
        const list = this.byItemprop.get(name);
        if (list) list.push(el);
        else this.byItemprop.set(name, [el]);
      }
    }
    return this.byItemprop.get(value) ?? [];
  }

  /** The links (<a href>) in <body>, in document order. */
  links(): ArrayLike<Element> {
    this.hrefLinks ??= this.body?.querySelectorAll('a[href]') ?? [];
    return this.hrefLinks;
  }
}
