import { CORRECTABLE_FIELDS, METADATA_SOURCES } from './fields';
import { z } from './zod';

export const AuthorSchema = z.object({
  /** The name as a reader sees it ("Ada Lovelace"). */
  name: z.string().min(1).max(1000),
  given: z.string().max(500).optional(),
  family: z.string().max(500).optional(),
  affiliations: z.array(z.string().max(2000)).max(100).default([]),
  /** Bare ORCID iD, 0000-0000-0000-000X, without the resolver prefix. */
  orcid: z.string().max(100).optional(),
  /** As the page gives it (citation_author_email): kept to tell authors of the same name apart. */
  email: z.string().max(320).optional(),
});
export type Author = z.infer<typeof AuthorSchema>;

const text = (max: number) => z.string().max(max).nullable();

export const FieldConflictSchema = z.object({
  field: z.enum(CORRECTABLE_FIELDS),
  /** The value kept, and where it came from. */
  chosen: z.string().max(2_000_000),
  chosenSource: z.enum(METADATA_SOURCES),
  /** The value that disagreed with it, and where it came from. */
  other: z.string().max(2_000_000),
  otherSource: z.enum(METADATA_SOURCES),
});
export type FieldConflict = z.infer<typeof FieldConflictSchema>;

/**
 * One paper as detected on a page. Serialisable: the elements each field was read from stay in
 * the content script (see lib/extract/types.ts); `shown` lists which fields the page shows.
 */
export const PaperMetadataSchema = z.object({
  title: text(10_000),
  authors: z.array(AuthorSchema).max(20_000),
  abstract: text(2_000_000),
  /** ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)
    .nullable(),
  year: z.number().int().min(1000).max(3000).nullable(),
  /** Lower-case, without resolver prefix: 10.1000/xyz. */
  doi: text(1000),
  arxivId: text(100),
  pmid: text(100),
  venue: text(2000),
  // Where the paper sits in its venue, its publisher and language. Optional on input: records
  // made before these were read (a queued correction, a saved draft) have none.
  volume: text(100).default(null),
  issue: text(100).default(null),
  /** "123–130" (en dash), one page, or an article number ("e1002345"). */
  pages: text(100).default(null),
  publisher: text(2000).default(null),
  /** A language code ("en", "pt-BR") or name, as the page gives it. */
  language: text(100).default(null),
  pdfUrl: text(5000),
  /** The page the paper was read from. */
  url: z.string().max(10_000),
  /** Site adapter id ('arxiv', 'pubmed', … or 'generic'). */
  site: z.string().max(100),
  /** Where each field's value came from. */
  sources: z.partialRecord(z.enum(CORRECTABLE_FIELDS), z.enum(METADATA_SOURCES)).default({}),
  /** Fields the page shows to the reader, so a control can sit beside each. */
  shown: z.array(z.enum(CORRECTABLE_FIELDS)).default([]),
  /** Where sources disagreed, and which value was kept. */
  conflicts: z.array(FieldConflictSchema).max(100).default([]),
});
export type PaperMetadata = z.infer<typeof PaperMetadataSchema>;
