// bepress Digital Commons' bepress_citation_* tags: Highwire's names with a prefix.
import type { Author } from '../schema/paper';
import { parseAuthorName } from './authors';
import { bibliographic } from './bibliographic';
import { type Candidate, MAX_AUTHORS, present } from './candidate';
import { findDoi } from './dublin-core';
import { type MetaTags, readMetaTags } from './meta-tags';
import { cleanText } from './text';
import { absoluteUrl, firstDate } from './values';

export function readBepress(doc: Document = document, tags: MetaTags = readMetaTags(doc)): Candidate {
  const date = firstDate(tags.all('bepress_citation_publication_date', 'bepress_citation_date'));
  const authors: Author[] = tags
    .all('bepress_citation_author')
    .filter((name) => cleanText(name))
    .slice(0, MAX_AUTHORS)
    .map(parseAuthorName);
  return {
    source: 'bepress',
    fields: present({
      title: cleanText(tags.first('bepress_citation_title')),
      authors,
      date: date.date,
      year: date.year,
      doi: findDoi(tags.all('bepress_citation_doi')),
      venue: cleanText(tags.first('bepress_citation_journal_title', 'bepress_citation_conference_title')),
      ...bibliographic({
        volume: tags.first('bepress_citation_volume'),
        issue: tags.first('bepress_citation_issue'),
        firstPage: tags.first('bepress_citation_firstpage'),
        lastPage: tags.first('bepress_citation_lastpage'),
        publisher: tags.first('bepress_citation_publisher'),
      }),
      pdfUrl: absoluteUrl(tags.first('bepress_citation_pdf_url'), doc),
    }),
  };
}
