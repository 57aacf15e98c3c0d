// EPrints repository software's eprints.* tags (institutional repositories, Pensoft).
import type { Author } from '../schema/paper';
import { parseAuthorName } from './authors';
import { bibliographic } from './bibliographic';
import { type Candidate, MAX_AUTHORS, present } from './candidate';
import { findDoi } from './dublin-core';
import { type MetaTags, readMetaTags } from './meta-tags';
import { cleanText } from './text';
import { absoluteUrl, firstDate } from './values';

export function readEprints(doc: Document = document, tags: MetaTags = readMetaTags(doc)): Candidate {
  const date = firstDate(tags.all('eprints.date'));
  const authors: Author[] = tags
    .all('eprints.creators_name')
    .filter((name) => cleanText(name))
    .slice(0, MAX_AUTHORS)
    .map(parseAuthorName);
  const documentUrl = tags.all('eprints.document_url').find((url) => /\.pdf(?:$|[?#])/i.test(url));
  return {
    source: 'eprints',
    fields: present({
      title: cleanText(tags.first('eprints.title')),
      authors,
      abstract: cleanText(tags.first('eprints.abstract')),
      date: date.date,
      year: date.year,
      doi: findDoi(tags.all('eprints.id_number', 'eprints.doi')),
      venue: cleanText(tags.first('eprints.publication', 'eprints.book_title', 'eprints.event_title')),
      ...bibliographic({
        volume: tags.first('eprints.volume'),
        issue: tags.first('eprints.number'),
        pages: tags.first('eprints.pagerange'),
        publisher: tags.first('eprints.publisher'),
      }),
      pdfUrl: absoluteUrl(documentUrl, doc),
    }),
  };
}
