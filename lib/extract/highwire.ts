// Highwire Press citation_* tags, the vocabulary Google Scholar asks publishers for.
// https://scholar.google.com/intl/en/scholar/inclusion.html#indexing
import { normaliseDoi, normaliseOrcid } from '../identifiers';
import type { Author } from '../schema/paper';
import { parseAuthorName, splitAuthorList } from './authors';
import { bibliographic } from './bibliographic';
import { type Candidate, MAX_AUTHORS, present } from './candidate';
import { toIsoDate } from './dates';
import { type MetaTags, readMetaTags } from './meta-tags';
import { cleanText, stripAbstractLabel } from './text';
import { absoluteUrl, firstDate } from './values';

export function readHighwire(doc: Document = document, tags: MetaTags = readMetaTags(doc)): Candidate {
  const date = firstDate(
    // citation_publication_date is the one Scholar documents; citation_date is the older name;
    // the online date comes last because it is often a later re-posting (arXiv's last revision).
    tags.all('citation_publication_date', 'citation_date', 'citation_cover_date', 'citation_online_date'),
  );
  return {
    source: 'highwire',
    fields: present({
      title: cleanText(tags.first('citation_title')),
      authors: readHighwireAuthors(tags),
      abstract: stripAbstractLabel(cleanText(tags.first('citation_abstract'))),
      date: date.date,
      year: date.year ?? yearOf(tags.first('citation_year')),
      doi: normaliseDoiOrNull(tags.first('citation_doi')),
      arxivId: cleanText(tags.first('citation_arxiv_id'))
        ?.replace(/^arxiv:/i, '')
        .replace(/v\d+$/, ''),
      pmid: cleanText(tags.first('citation_pmid')),
      venue: cleanText(
        tags.first(
          'citation_journal_title',
          'citation_conference_title',
          'citation_book_title',
          'citation_inbook_title',
        ),
      ),
      ...bibliographic({
        volume: tags.first('citation_volume'),
        issue: tags.first('citation_issue'),
        firstPage: tags.first('citation_firstpage'),
        lastPage: tags.first('citation_lastpage'),
        publisher: tags.first('citation_publisher'),
        language: tags.first('citation_language'),
      }),
      pdfUrl: absoluteUrl(tags.first('citation_pdf_url'), doc),
    }),
  };
}

/**
 * citation_author tags, each followed by its own citation_author_institution / _orcid / _email
 * tags (order is the only link between them). Pages without per-author tags give one
 * citation_authors list ("Family, Given; Family, Given" or "A, B, and C").
 */
export function readHighwireAuthors(tags: MetaTags): Author[] {
  const authors: Author[] = [];
  let current: Author | undefined;
  for (const { name, content } of tags.ordered) {
    if (name === 'citation_author') {
      if (authors.length >= MAX_AUTHORS) break;
      current = cleanText(content) ? parseAuthorName(content) : undefined;
      if (current) authors.push(current);
    } else if (current === undefined) {
      // Institution or ORCID tags before any author belong to no one.
    } else if (name === 'citation_author_institution') {
      const institution = cleanText(content);
      if (institution && current.affiliations.length < 100) current.affiliations.push(institution);
    } else if (name === 'citation_author_orcid') {
      const orcid = cleanText(content);
      if (orcid) current.orcid = normaliseOrcid(orcid);
    } else if (name === 'citation_author_email') {
      const email = cleanText(content)?.replace(/^mailto:/i, '');
      if (email && email.length <= 320 && email.includes('@')) current.email = email;
    }
  }
  if (authors.length > 0) return dedupeRepeatedList(authors);
  const list = tags.first('citation_authors');
  return list ? splitAuthorList(list).slice(0, MAX_AUTHORS).map(parseAuthorName) : [];
}

// Some saved pages hold the whole document twice (PubMed crawls concatenate two copies), so
// every tag repeats: a list that is exactly two copies of itself is one list.
export function dedupeRepeatedList(authors: Author[]): Author[] {
  const half = authors.length / 2;
  if (!Number.isInteger(half) || half === 0) return authors;
  for (let i = 0; i < half; i++) if (authors[i]?.name !== authors[i + half]?.name) return authors;
  return authors.slice(0, half);
}

function normaliseDoiOrNull(raw: string | undefined): string | null {
  return raw ? normaliseDoi(raw) : null;
}

function yearOf(raw: string | undefined): number | null {
  return raw ? toIsoDate(raw).year : null;
}
