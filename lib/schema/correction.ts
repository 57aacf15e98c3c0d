import { endpointProblem, isArxivId, isDoi, isHttpUrl, isValidOrcid } from '../identifiers';
import { MAX_PDF_BYTES, SCALAR_FIELDS } from './fields';
import { AuthorSchema, PaperMetadataSchema } from './paper';
import { z } from './zod';

/** Client-made, time-ordered id: the idempotency key of every delivery attempt. */
export const CorrectionIdSchema = z.uuidv7();

export const HttpUrlSchema = z
  .string()
  .max(5000)
  .refine(isHttpUrl, { message: 'Enter a web address starting with https:// or http://' });

export const EndpointUrlSchema = z
  .string()
  .max(2000)
  .superRefine((value, ctx) => {
    const problem = endpointProblem(value);
    if (problem === 'invalid') ctx.addIssue({ code: 'custom', message: 'Enter a full https:// address' });
    if (problem === 'insecure')
      ctx.addIssue({ code: 'custom', message: 'The endpoint must use https (http is allowed only for localhost)' });
    if (problem === 'credentials')
      ctx.addIssue({ code: 'custom', message: 'Put the token in the token field, not in the address' });
  });

const ScalarValue = z.union([z.string().max(2_000_000), z.number()]);

export const FieldChangeSchema = z
  .object({
    field: z.enum(SCALAR_FIELDS),
    from: ScalarValue.nullable(),
    to: ScalarValue,
  })
  .superRefine((change, ctx) => {
    const to = change.to;
    const fail = (message: string) => ctx.addIssue({ code: 'custom', path: ['to'], message });
    if (typeof to === 'string' && to.trim() === '') fail(`The corrected ${change.field} is empty`);
    if (change.from === to) fail(`The corrected ${change.field} is the same as the current one`);
    switch (change.field) {
      case 'year':
        if (typeof to !== 'number' || !Number.isInteger(to) || to < 1000 || to > 3000) fail('Enter a four-digit year');
        break;
      case 'date':
        if (typeof to !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(to)) fail('Enter a date as YYYY-MM-DD');
        break;
      case 'doi':
        if (typeof to !== 'string' || !isDoi(to)) fail('Enter a DOI such as 10.1234/abcd');
        break;
      case 'arxivId':
        if (typeof to !== 'string' || !isArxivId(to)) fail('Enter an arXiv id such as 2101.01234');
        break;
      case 'pmid':
        if (typeof to !== 'string' || !/^\d{1,9}$/.test(to)) fail('Enter a PubMed id (digits only)');
        break;
      case 'pdfUrl':
        if (typeof to !== 'string' || !isHttpUrl(to)) fail('Enter a web address starting with https://');
        break;
      default:
        if (typeof to !== 'string') fail(`The corrected ${change.field} must be text`);
    }
  });
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const CorrectedAuthorSchema = AuthorSchema.superRefine((author, ctx) => {
  if (author.orcid !== undefined && author.orcid !== '' && !isValidOrcid(author.orcid))
    ctx.addIssue({ code: 'custom', path: ['orcid'], message: 'This ORCID iD is not valid (check digit)' });
});

/** Author changes refer to authors by their index in the detected list. */
export const AuthorChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('edit'), index: z.number().int().min(0), from: AuthorSchema, to: CorrectedAuthorSchema }),
  z.object({ kind: z.literal('remove'), index: z.number().int().min(0), author: AuthorSchema }),
  z.object({ kind: z.literal('add'), position: z.number().int().min(0), author: CorrectedAuthorSchema }),
  /** The proposed order, as names, of the list after edits, removals and additions. */
  z.object({ kind: z.literal('reorder'), from: z.array(z.string()), to: z.array(z.string()) }),
]);
export type AuthorChange = z.infer<typeof AuthorChangeSchema>;

export const PdfAttachmentSchema = z.object({
  name: z.string().min(1).max(500),
  size: z.number().int().min(1).max(MAX_PDF_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PdfAttachment = z.infer<typeof PdfAttachmentSchema>;

export const SubmitterSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(300),
  email: z.email('Enter a valid email address').max(300),
});
export type Submitter = z.infer<typeof SubmitterSchema>;

export const PaperIdentifiersSchema = z.object({
  title: z.string().max(10_000).nullable(),
  doi: z.string().max(1000).nullable(),
  arxivId: z.string().max(100).nullable(),
  pmid: z.string().max(100).nullable(),
  url: z.string().max(10_000),
});

/** The correction payload: what the endpoint receives (JSON Schema in docs/). */
export const CorrectionSchema = z
  .object({
    id: CorrectionIdSchema,
    /**
     * The id of the revision this one replaces (protocol 1.1). An edit after sending is a new
     * correction with its own id, so an endpoint that stored the first never sees a key reused.
     */
    supersedes: CorrectionIdSchema.optional(),
    createdAt: z.iso.datetime(),
    pageUrl: HttpUrlSchema,
    paper: PaperIdentifiersSchema,
    /** The metadata as detected on the page, before any correction. */
    detected: PaperMetadataSchema,
    changes: z.array(FieldChangeSchema).max(SCALAR_FIELDS.length),
    authorChanges: z.array(AuthorChangeSchema).max(20_000),
    /** The whole author list as proposed, present whenever authorChanges is not empty. */
    proposedAuthors: z.array(AuthorSchema).max(20_000).optional(),
    pdf: PdfAttachmentSchema.optional(),
    comment: z.string().max(10_000).optional(),
    evidenceUrl: HttpUrlSchema.optional(),
    submitter: SubmitterSchema,
    declaration: z.literal(true, 'The author declaration must be accepted'),
  })
  .superRefine((correction, ctx) => {
    if (correction.supersedes === correction.id)
      ctx.addIssue({ code: 'custom', path: ['supersedes'], message: 'A revision cannot supersede itself' });
    if (correction.changes.length === 0 && correction.authorChanges.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['changes'],
        message: 'Select at least one field to correct using the edit buttons above',
      });
    const fields = correction.changes.map((c) => c.field);
    if (new Set(fields).size !== fields.length)
      ctx.addIssue({ code: 'custom', path: ['changes'], message: 'A field is corrected twice' });
    if (correction.authorChanges.length > 0 && !correction.proposedAuthors)
      ctx.addIssue({
        code: 'custom',
        path: ['proposedAuthors'],
        message: 'Author changes need the proposed author list',
      });
  });
export type Correction = z.infer<typeof CorrectionSchema>;

/** The endpoint's optional answer body on success. */
export const ReceiptSchema = z.object({ id: z.string().max(500).optional(), url: HttpUrlSchema.optional() });
export type Receipt = z.infer<typeof ReceiptSchema>;
