import type { Correction } from '../../../lib/schema/correction';
import type { PaperMetadata } from '../../../lib/schema/paper';
import { correctedRecord, nameParts } from './corrected-record';

// CSL-JSON (the Citation Style Language's input data, schema csl-data.json v1.0) of the paper
// as corrected: what a reference manager or citeproc imports. One item in an array, as the
// schema's top level is. Names go as family/given; a one-word name as `literal`, so a processor
// does not take it for a family name with a missing given one. Page text can hold control
// characters: one-line fields have them (and line breaks) made single spaces; the abstract keeps
// its line breaks.

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: string;
  title?: string;
  author?: CslName[];
  abstract?: string;
  issued?: { 'date-parts': [[number, number?, number?]] } | { raw: string };
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  language?: string;
  DOI?: string;
  PMID?: string;
  URL?: string;
  number?: string;
  note?: string;
}

/** CSL's item type from what the page was: conference papers on the Anthology, preprints on arXiv. */
function typeOf(record: PaperMetadata): string {
  if (record.site === 'acl-anthology') return 'paper-conference';
  if (record.arxivId && !record.venue) return 'article';
  return 'article-journal';
}

function issued(record: PaperMetadata): CslItem['issued'] {
  const parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(record.date ?? '');
  if (parts) {
    const [year, month, day] = parts.slice(1).map((p) => (p === undefined ? undefined : Number(p)));
    const date: [number, number?, number?] = [year!];
    if (month !== undefined) date.push(month);
    if (day !== undefined) date.push(day);
    return { 'date-parts': [date] };
  }
  return record.year === null ? undefined : { 'date-parts': [[record.year]] };
}

const oneLine = (value: string) => value.replace(/[\p{Cc}\s]+/gu, ' ').trim();
const paragraphs = (value: string) =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}]/gu, (c) => (c === '\n' ? c : ' '))
    .trim();

export function cslJson(correction: Correction): CslItem[] {
  const record = correctedRecord(correction);
  const item: CslItem = { id: correction.id, type: typeOf(record) };
  const text = (value: string | null) => {
    const clean = value === null ? '' : oneLine(value);
    return clean === '' ? undefined : clean;
  };
  const put = <K extends keyof CslItem>(key: K, value: CslItem[K] | undefined) => {
    if (value !== undefined) item[key] = value;
  };
  put('title', text(record.title));
  if (record.authors.length > 0)
    item.author = record.authors.map((author): CslName => {
      const { given, family } = nameParts({ ...author, name: oneLine(author.name) || author.name });
      return oneLine(given) === '' ? { literal: oneLine(family) } : { family: oneLine(family), given: oneLine(given) };
    });
  if (record.abstract && paragraphs(record.abstract) !== '') item.abstract = paragraphs(record.abstract);
  put('issued', issued(record));
  put('container-title', text(record.venue));
  put('volume', text(record.volume));
  put('issue', text(record.issue));
  put('page', text(record.pages));
  put('publisher', text(record.publisher));
  put('language', text(record.language));
  put('DOI', text(record.doi));
  put('PMID', text(record.pmid));
  put('URL', text(record.url) ?? correction.pageUrl);
  if (record.arxivId) put('number', `arXiv:${record.arxivId}`);
  return [item];
}
