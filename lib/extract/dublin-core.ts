// Dublin Core: DC.*, dc.* and DCTERMS.* (names are lower-cased by readMetaTags).
// https://www.dublincore.org/specifications/dublin-core/dcmi-terms/
import { normaliseDoi } from '../identifiers';
import type { Author } from '../schema/paper';
import { parseAuthorName } from './authors';
import { bibliographic } from './bibliographic';
import { type Candidate, MAX_AUTHORS, present } from './candidate';
import { dedupeRepeatedList } from './highwire';
import { type MetaTags, readMetaTags } from './meta-tags';
import { cleanText, stripAbstractLabel } from './text';
import { firstDate } from './values';

export function readDublinCore(doc: Document = document, tags: MetaTags = readMetaTags(doc)): Candidate {
  const dedicatedAbstract = tags.first('dcterms.abstract');
  const date = firstDate(
    tags.all('dcterms.issued', 'dc.date.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'dc.date.created'),
  );
  return {
    source: 'dublin-core',
    abstractIsDescription: dedicatedAbstract === undefined,
    fields: present({
      title: cleanText(tags.first('dc.title', 'dcterms.title')),
      authors: readDublinCoreAuthors(tags),
      abstract: stripAbstractLabel(cleanText(dedicatedAbstract ?? tags.first('dc.description', 'dcterms.description'))),
      date: date.date,
      year: date.year,
      doi: findDoi(tags.all('dc.identifier', 'dcterms.identifier', 'dc.identifier.doi')),
      venue: cleanText(tags.first('dc.relation.ispartof', 'dcterms.ispartof', 'dcterms.bibliographiccitation.jtitle')),
      // Open Journal Systems writes DC.Citation.*; DCTERMS has bibliographicCitation.* for the same.
      ...bibliographic({
        volume: tags.first('dc.citation.volume', 'dcterms.bibliographiccitation.volume'),
        issue: tags.first('dc.citation.issue', 'dcterms.bibliographiccitation.issue'),
        firstPage: tags.first('dc.citation.spage', 'dcterms.bibliographiccitation.spage'),
        lastPage: tags.first('dc.citation.epage', 'dcterms.bibliographiccitation.epage'),
        publisher: tags.first('dc.publisher', 'dcterms.publisher'),
        language: tags.first('dc.language', 'dcterms.language', 'dc.language.iso'),
      }),
    }),
  };
}

// dc.creator names the authors. dc.contributor is used only without any creator: Taylor &
// Francis list the reviewing editor there beside dc.creator authors, while eLife and bioRxiv
// put the authors in dc.contributor alone.
function readDublinCoreAuthors(tags: MetaTags): Author[] {
  let names = tags.all('dc.creator', 'dcterms.creator');
  if (names.length === 0) names = tags.all('dc.contributor', 'dcterms.contributor');
  const authors: Author[] = [];
  for (const name of names) {
    if (authors.length >= MAX_AUTHORS) break;
    if (cleanText(name)) authors.push(parseAuthorName(name));
  }
  return dedupeRepeatedList(authors);
}

/** The first value that is a DOI ("doi:10.1/x", "https://doi.org/10.1/x", "10.1/x"). */
export function findDoi(values: readonly string[]): string | undefined {
  for (const value of values) {
    const doi = normaliseDoi(value);
    if (doi) return doi;
  }
  return undefined;
}
