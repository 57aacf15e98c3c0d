// PRISM (Publishing Requirements for Industry Standard Metadata): prism.* tags, used by Springer
// Nature, Elsevier and others beside Dublin Core.
import { bibliographic } from './bibliographic';
import { type Candidate, present } from './candidate';
import { findDoi } from './dublin-core';
import { type MetaTags, readMetaTags } from './meta-tags';
import { cleanText } from './text';
import { firstDate } from './values';

export function readPrism(doc: Document = document, tags: MetaTags = readMetaTags(doc)): Candidate {
  const date = firstDate(tags.all('prism.publicationdate', 'prism.coverdate', 'prism.onlinedate'));
  return {
    source: 'prism',
    fields: present({
      title: cleanText(tags.first('prism.title')),
      date: date.date,
      year: date.year,
      doi: findDoi(tags.all('prism.doi')),
      venue: cleanText(tags.first('prism.publicationname')),
      ...bibliographic({
        volume: tags.first('prism.volume'),
        issue: tags.first('prism.number', 'prism.issueidentifier'),
        firstPage: tags.first('prism.startingpage'),
        lastPage: tags.first('prism.endingpage'),
        pages: tags.first('prism.pagerange'),
        publisher: tags.first('prism.publisher'),
      }),
    }),
  };
}
