import { createHash } from 'node:crypto';
import { z } from 'zod';
import { type Correction, CorrectionIdSchema, CorrectionSchema } from '../../lib/schema/correction';
import { MAX_PDF_BYTES } from '../../lib/schema/fields';
import type { UploadedPdf } from './body';

/** A correction that passed every check, ready to store. */
export interface AcceptedCorrection {
  correction: Correction;
  /** The JSON exactly as parsed from the request, before zod applied defaults: what is stored. */
  received: unknown;
  /** Same fingerprint = same correction, whatever the key order or whitespace of the JSON. */
  fingerprint: string;
  /** The id of the revision this correction replaces. */
  supersedes?: string;
}

/**
 * `supersedes` as the receiver reads it: the id of the revision replaced, in the id's form.
 * Read from the body itself so it works whether or not CorrectionSchema has the field yet.
 */
const RevisionLinkSchema = z.object({ supersedes: CorrectionIdSchema.optional() });

export type CorrectionVerdict = { ok: true; value: AcceptedCorrection } | { ok: false; error: string };

const MAX_LISTED_ISSUES = 20;

/** "submitter.email: Enter a valid email address; changes.0.to: Enter a four-digit year" */
export function describeIssues(error: z.ZodError): string {
  const lines = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const path = issue.path.map(String).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  const more = error.issues.length - lines.length;
  if (more > 0) lines.push(`and ${more} more`);
  return lines.join('; ');
}

/** JSON with object keys sorted, so two serialisations of one value compare equal. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The key's value: protocol 1.1 sends it as an RFC 8941 sf-string (`"0190…"`, as
 * draft-ietf-httpapi-idempotency-key-header has it); 1.0 clients sent it bare. Both are taken.
 */
export function idempotencyKeyValue(header: string | undefined): string | undefined {
  const trimmed = header?.trim();
  if (!trimmed) return undefined;
  const quoted = /^"((?:[^"\\]|\\["\\])*)"$/.exec(trimmed);
  return quoted ? (quoted[1] ?? '').replace(/\\(["\\])/g, '$1') : trimmed;
}

/** Parses and validates the correction JSON and checks it against the Idempotency-Key. */
export function checkCorrection(text: string, idempotencyKeyHeader: string | undefined): CorrectionVerdict {
  const idempotencyKey = idempotencyKeyValue(idempotencyKeyHeader);
  let received: unknown;
  try {
    received = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `The correction is not valid JSON: ${(error as Error).message}` };
  }
  const parsed = CorrectionSchema.safeParse(received);
  if (!parsed.success) return { ok: false, error: `The correction is not valid: ${describeIssues(parsed.error)}` };
  const correction = parsed.data;
  const link = RevisionLinkSchema.safeParse(received);
  if (!link.success) return { ok: false, error: `The correction is not valid: ${describeIssues(link.error)}` };
  const { supersedes } = link.data;
  if (supersedes === correction.id) return { ok: false, error: 'supersedes: A revision cannot supersede itself' };
  if (!idempotencyKey)
    return { ok: false, error: 'The Idempotency-Key header is missing: send the correction id in it' };
  if (idempotencyKey !== correction.id)
    return {
      ok: false,
      error: `The Idempotency-Key (${idempotencyKey.slice(0, 100)}) must equal the correction id (${correction.id})`,
    };
  const fingerprint = createHash('sha256').update(canonicalJson(received)).digest('hex');
  return { ok: true, value: { correction, received, fingerprint, supersedes } };
}

const PDF_SIGNATURE = new TextEncoder().encode('%PDF-');

function startsWithPdfSignature(bytes: Uint8Array): boolean {
  return PDF_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** Why the attached PDF does not match `correction.pdf`, or null when it does. */
export function pdfProblem(correction: Correction, pdf: UploadedPdf | undefined): string | null {
  const declared = correction.pdf;
  if (!declared && !pdf) return null;
  if (!declared) return 'A "pdf" part was sent but the correction has no "pdf" field describing it';
  if (!pdf) return 'The correction describes a PDF ("pdf" field) but no "pdf" part was sent';
  if (pdf.bytes.byteLength > MAX_PDF_BYTES) return `The PDF is larger than ${MAX_PDF_BYTES / 1024 / 1024} MB`;
  if (!startsWithPdfSignature(pdf.bytes)) return 'The attached file is not a PDF (it does not start with %PDF-)';
  if (pdf.bytes.byteLength !== declared.size)
    return `The PDF has ${pdf.bytes.byteLength} bytes but pdf.size says ${declared.size}`;
  const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
  if (sha256 !== declared.sha256) return 'The PDF does not match pdf.sha256 (it was changed or cut short)';
  return null;
}
