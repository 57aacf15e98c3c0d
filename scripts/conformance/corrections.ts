// The corrections the kit sends, typed and checked by the extension's own schema: if
// lib/schema/correction.ts changes, the kit sends the new shape or fails loudly, never drifts.
import { createHash } from 'node:crypto';
import { newCorrectionId } from '../../lib/correction-id';
import { type Correction, CorrectionSchema, type PdfAttachment } from '../../lib/schema/correction';
import type { PaperMetadata } from '../../lib/schema/paper';

const PAGE_URL = 'https://example.org/erratum-conformance-test';

/** Marks every record the kit makes, so the endpoint's operator can find and delete them. */
export const TEST_SUBMITTER = { name: 'Erratum conformance kit', email: 'conformance@erratum.invalid' };
const TEST_COMMENT = 'Test record made by `npm run conformance` (docs/endpoint.md); safe to delete.';

function testPaper(): PaperMetadata {
  return {
    title: 'A Paper the Conformance Kit Made Up',
    authors: [{ name: 'Ada Lovelace', affiliations: [] }],
    abstract: null,
    date: '2026-01-01',
    year: 2026,
    doi: null,
    arxivId: null,
    pmid: null,
    venue: null,
    volume: null,
    issue: null,
    pages: null,
    publisher: null,
    language: null,
    pdfUrl: null,
    url: PAGE_URL,
    site: 'generic',
    sources: {},
    shown: ['title'],
    conflicts: [],
  };
}

/** A new, valid correction with a fresh id: the title corrected to `title`. */
export function testCorrection(title = 'A Paper the Conformance Kit Corrected', extra: Partial<Correction> = {}) {
  const detected = testPaper();
  const correction: Correction = {
    id: newCorrectionId(),
    createdAt: new Date().toISOString(),
    pageUrl: PAGE_URL,
    paper: { title: detected.title, doi: null, arxivId: null, pmid: null, url: PAGE_URL },
    detected,
    changes: [{ field: 'title', from: detected.title, to: title }],
    authorChanges: [],
    comment: TEST_COMMENT,
    submitter: TEST_SUBMITTER,
    declaration: true,
    ...extra,
  };
  return CorrectionSchema.parse(correction);
}

/** The `pdf` field that describes `bytes`, as the extension computes it. */
export function describePdf(bytes: Uint8Array, name = 'paper.pdf'): PdfAttachment {
  return { name, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A small file that is a PDF by its signature (the protocol checks only `%PDF-`). */
export function pdfFile(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n%conformance kit\n'));
  bytes.set(new TextEncoder().encode('\n%%EOF\n'), size - 7);
  return bytes;
}

/** A PNG (its 8-byte signature, RFC 2083 §3.1, and an IHDR start) that a reader renamed .pdf. */
export function pngFile(size = 4096): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
}
