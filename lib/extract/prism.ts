// PRISM (Publishing Requirements for Industry Standard Metadata): prism.* tags, used by Springer
// Nature, Elsevier and others beside Dublin Core.
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
    }),
  };
}
