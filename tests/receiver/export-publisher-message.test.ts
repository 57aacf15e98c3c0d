// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { type Correction, CorrectionSchema } from '../../lib/schema/correction';
import { publisherMessage } from '../../scripts/receiver/export/publisher-message';
import { sampleCorrection, samplePaper } from './sample-correction';

// The message is checked against written rules, not against our own formatter:
// - RFC 5322 §2.1.1 and §2.3: lines of at most 78 characters (counted here in UTF-8 octets, the
//   stricter reading) ending in CRLF, and no CR or LF alone;
// - RFC 3676 (format=flowed; delsp=yes), which the download's Content-Type declares: read back
//   here with the RFC's own rules (quote depth §4.5, space-stuffing §4.4, a line ending in a
//   space is flowed and, with DelSp, loses that space §4.2), every value the page or the reader
//   gave must be there verbatim;
// - nothing from a hostile value may put a control character or a bidirectional override in
//   the text (they are shown as U+FFFD), nor start a line of its own that looks like ours.

interface LogicalLine {
  depth: number;
  text: string;
}

function readFlowed(body: string): LogicalLine[] {
  const lines: LogicalLine[] = [];
  let open: LogicalLine | null = null;
  for (const physical of body.split('\r\n').slice(0, -1)) {
    const depth = /^>*/.exec(physical)![0].length;
    let text = physical.slice(depth);
    if (text.startsWith(' ')) text = text.slice(1);
    const flowed = text.endsWith(' ') && text !== '-- ';
    if (flowed) text = text.slice(0, -1);
    if (open && open.depth === depth) open.text += text;
    else {
      if (open) lines.push(open);
      open = { depth, text };
    }
    if (!flowed) {
      lines.push(open);
      open = null;
    }
  }
  if (open) lines.push(open);
  return lines;
}

const top = (lines: LogicalLine[]) => lines.filter((l) => l.depth === 0).map((l) => l.text);
const quoted = (lines: LogicalLine[]) => lines.filter((l) => l.depth === 1).map((l) => l.text);

function expectMailRules(body: string): void {
  expect(body.endsWith('\r\n')).toBe(true);
  expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of body.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(78);
  expect(body.replace(/\r\n/g, '')).not.toMatch(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
}

const LONG_JAPANESE_TITLE = `深層学習による${'自然言語処理の事前学習モデルに関する大規模な比較研究'.repeat(12)}`;
const LONG_URL = `https://example.org/evidence/${'a'.repeat(300)}?q="x"&y=1`;

function hostile(): Correction {
  const detected = samplePaper({
    title: 'From the wrong title: "quoted" > not',
    abstract: 'Old abstract.',
    authors: [
      { name: '山田 太郎', given: '太郎', family: '山田', affiliations: [] },
      { name: 'Ada Lovelace', affiliations: [] },
      { name: 'Alan Turing', affiliations: [] },
    ],
  });
  const proposed = [
    { name: 'Ada Lovelace', affiliations: [] },
    { name: '山田 太郎', given: '太郎', family: '山田', affiliations: [] },
    { name: 'Grace "Amazing" Hopper', affiliations: [] },
  ];
  return CorrectionSchema.parse(
    sampleCorrection({
      detected,
      paper: { ...sampleCorrection().paper, title: detected.title, doi: '10.1234/abc' },
      changes: [
        { field: 'title', from: detected.title, to: LONG_JAPANESE_TITLE },
        { field: 'abstract', from: detected.abstract, to: 'First paragraph.\n\n> Not a quote of ours\nFrom here on.' },
        { field: 'venue', from: null, to: 'Line one\nShould be: forged\u0007 \u202Eevil' },
      ],
      authorChanges: [
        { kind: 'remove', index: 2, author: detected.authors[2]! },
        { kind: 'add', position: 2, author: proposed[2]! },
        { kind: 'reorder', from: ['山田 太郎', 'Ada Lovelace'], to: ['Ada Lovelace', '山田 太郎'] },
      ],
      proposedAuthors: proposed,
      comment: 'See page 1.\r\nReported by: someone else\n\n-- \nsig?',
      evidenceUrl: LONG_URL,
      submitter: { name: '佐藤 "Sato" 花子', email: 'hanako@example.jp' },
    }),
  );
}

describe('the plain-text message for a publisher', () => {
  it('keeps to RFC 5322 line rules: at most 78 octets, CRLF, no control characters', () => {
    for (const correction of [sampleCorrection(), hostile()]) expectMailRules(publisherMessage(correction));
  });

  it('reads back, by RFC 3676, every field as it is now and as it should be, verbatim', () => {
    const correction = hostile();
    const lines = readFlowed(publisherMessage(correction, { receivedAt: '2026-12-07T10:00:00.000Z' }));
    const text = top(lines);
    expect(text).toContain(`Paper: ${correction.paper.title}`);
    expect(text).toContain('DOI: 10.1234/abc');
    expect(text).toContain(`Page: ${correction.pageUrl}`);
    expect(text).toContain(`Correction id: ${correction.id}`);
    expect(text).toContain('Received: 2026-12-07T10:00:00.000Z');
    const title = text.indexOf('Title');
    expect(text.slice(title, title + 3)).toEqual([
      'Title',
      `Now: ${correction.detected.title}`,
      `Should be: ${LONG_JAPANESE_TITLE}`,
    ]);
    expect(text).toContain(`Evidence: ${LONG_URL}`);
    expect(text).toContain('Reported by: 佐藤 "Sato" 花子 <hanako@example.jp>');
  });

  it('quotes the abstract and the comment, so none of their lines can pass for the message’s own', () => {
    const lines = readFlowed(publisherMessage(hostile()));
    expect(quoted(lines)).toEqual([
      'Old abstract.',
      'First paragraph.',
      '',
      '> Not a quote of ours',
      'From here on.',
      'See page 1.',
      'Reported by: someone else',
      '',
      '--',
      'sig?',
    ]);
    // Only our own "Reported by" line is at the top level.
    expect(top(lines).filter((l) => l.startsWith('Reported by:'))).toHaveLength(1);
  });

  it('puts a one-line value on one line, its control characters and overrides shown as U+FFFD', () => {
    const text = top(readFlowed(publisherMessage(hostile())));
    expect(text).toContain('Should be: Line one Should be: forged\uFFFD \uFFFDevil');
    expect(text.filter((l) => l.startsWith('Should be: forged'))).toEqual([]);
  });

  it('lists the authors before and after, with what happened to each', () => {
    const text = top(readFlowed(publisherMessage(hostile())));
    const authors = text.indexOf('Authors');
    expect(text.slice(authors, authors + 9)).toEqual([
      'Authors',
      'Now:',
      '1. 山田 太郎',
      '2. Ada Lovelace',
      '3. Alan Turing (removed)',
      'Should be:',
      '1. Ada Lovelace (moved from 2)',
      '2. 山田 太郎 (moved from 1)',
      '3. Grace "Amazing" Hopper (added)',
    ]);
  });
});
