import { isArxivId, isHttpUrl, normaliseDoi } from '../identifiers';
import type { ScalarField } from '../schema/fields';
import type { PaperMetadata } from '../schema/paper';

/** What a typed suggestion amounts to: the message keys live in locales/<lang>/form.json. */
export type FieldSuggestion =
  | { kind: 'empty' }
  | { kind: 'same' }
  | { kind: 'invalid'; messageKey: string }
  | { kind: 'change'; from: string | number | null; to: string | number };

const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function isRealIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match;
  if (month === undefined) return true;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return false;
  if (day === undefined) return true;
  const daysInMonth = new Date(Date.UTC(Number(year), monthNumber, 0)).getUTCDate();
  return Number(day) >= 1 && Number(day) <= daysInMonth;
}

/** Parses one field's suggestion into the value a correction carries, or says why it is none. */
function parseSuggestion(field: ScalarField, text: string): { to: string | number } | { messageKey: string } {
  switch (field) {
    case 'year': {
      if (!/^\d{4}$/.test(text)) return { messageKey: 'formErrorYear' };
      const year = Number(text);
      return year >= 1000 && year <= 3000 ? { to: year } : { messageKey: 'formErrorYear' };
    }
    case 'date':
      return isRealIsoDate(text) ? { to: text } : { messageKey: 'formErrorDate' };
    case 'doi': {
      const doi = normaliseDoi(text);
      return doi ? { to: doi } : { messageKey: 'formErrorDoi' };
    }
    case 'arxivId':
      return isArxivId(text) ? { to: text.replace(/^arxiv:/i, '') } : { messageKey: 'formErrorArxivId' };
    case 'pmid':
      return /^\d{1,9}$/.test(text) ? { to: text } : { messageKey: 'formErrorPmid' };
    case 'pdfUrl':
      return isHttpUrl(text) ? { to: text } : { messageKey: 'formErrorUrl' };
    default:
      return { to: text };
  }
}

function sameValue(field: ScalarField, from: string | number | null, to: string | number): boolean {
  if (from === null) return false;
  // The page may show a DOI with a resolver prefix or in capitals; both name the same DOI.
  if (field === 'doi' && typeof to === 'string') return normaliseDoi(String(from)) === to;
  if (typeof from === 'string' && typeof to === 'string') return from.trim() === to;
  return from === to;
}

export function fieldSuggestion(paper: PaperMetadata, field: ScalarField, raw: string | undefined): FieldSuggestion {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'empty' };
  const parsed = parseSuggestion(field, text);
  if ('messageKey' in parsed) return { kind: 'invalid', messageKey: parsed.messageKey };
  const from = paper[field];
  if (sameValue(field, from, parsed.to)) return { kind: 'same' };
  return { kind: 'change', from, to: parsed.to };
}
