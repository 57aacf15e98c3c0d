import type { Correction } from '../../../lib/schema/correction';
import type { ScalarField } from '../../../lib/schema/fields';
import { authorMoves } from '../inbox/author-moves';
import { FlowedText } from './flowed-text';

// A plain-text message a curator can send to a paper's publisher: which paper, what is wrong
// and what it should be for each field, the authors before and after, the reader's comment and
// evidence, and who reported it. In English, the language publishers' correction desks share.
// Text the reader or the page wrote is never taken for the message's own lines: one-line
// values have their line breaks made spaces, and the abstract and the comment are quoted.

const LABELS: Record<ScalarField, string> = {
  title: 'Title',
  abstract: 'Abstract',
  year: 'Year',
  date: 'Date',
  venue: 'Venue',
  volume: 'Volume',
  issue: 'Issue',
  pages: 'Pages',
  publisher: 'Publisher',
  language: 'Language',
  doi: 'DOI',
  arxivId: 'arXiv id',
  pmid: 'PubMed id',
  pdfUrl: 'PDF address',
};

/** Fields whose values run to paragraphs: quoted, line breaks kept. */
const QUOTED: ReadonlySet<ScalarField> = new Set(['abstract']);

export interface MessageContext {
  /** When the receiver got the correction (ISO 8601). */
  receivedAt?: string;
}

export function publisherMessage(correction: Correction, context: MessageContext = {}): string {
  const text = new FlowedText();
  const detected = correction.detected;
  const title = correction.paper.title ?? detected.title;
  const doi = correction.paper.doi ?? detected.doi;
  text.line('Metadata correction');
  text.line();
  text.line(`Paper: ${title ?? '(no title)'}`);
  if (doi) text.line(`DOI: ${doi}`);
  text.line(`Page: ${correction.pageUrl}`);
  text.line(`Correction id: ${correction.id}`);
  if (context.receivedAt) text.line(`Received: ${context.receivedAt}`);
  text.line();
  text.line("A reader reports that this paper's published metadata is wrong. What is wrong, and what it should be:");
  for (const change of correction.changes) {
    const label = LABELS[change.field];
    text.line();
    text.line(label);
    if (QUOTED.has(change.field)) {
      text.line('Now:');
      if (change.from === null) text.line('(empty)');
      else text.quote(String(change.from));
      text.line('Should be:');
      text.quote(String(change.to));
    } else {
      text.line(`Now: ${change.from === null ? '(empty)' : String(change.from)}`);
      text.line(`Should be: ${String(change.to)}`);
    }
  }
  if (correction.authorChanges.length > 0 && correction.proposedAuthors) {
    const edited = new Set(correction.authorChanges.flatMap((c) => (c.kind === 'edit' ? [c.index] : [])));
    const lists = authorMoves(detected.authors, correction.proposedAuthors, edited);
    text.line();
    text.line('Authors');
    text.line('Now:');
    for (const [i, line] of lists.before.entries())
      text.line(`${i + 1}. ${line.name}${line.mark.kind === 'removed' ? ' (removed)' : ''}`);
    text.line('Should be:');
    for (const [i, line] of lists.after.entries()) {
      const mark = line.mark;
      const note = mark.kind === 'moved' ? ` (moved from ${mark.from})` : mark.kind === 'same' ? '' : ` (${mark.kind})`;
      text.line(`${i + 1}. ${line.name}${note}`);
    }
  }
  if (correction.comment) {
    text.line();
    text.line('Comment from the reader:');
    text.quote(correction.comment);
  }
  if (correction.evidenceUrl) {
    text.line();
    text.line(`Evidence: ${correction.evidenceUrl}`);
  }
  if (correction.pdf) {
    text.line();
    text.line(
      `The reader attached a PDF: ${correction.pdf.name} (${correction.pdf.size} bytes, SHA-256 ${correction.pdf.sha256}).`,
    );
  }
  text.line();
  text.line(`Reported by: ${correction.submitter.name} <${correction.submitter.email}>`);
  return text.toString();
}
