// Plain constants shared by page-side code and schemas. This file must not import zod: the
// content script imports it, and anything that builds a schema at top level is always bundled.

/** Scalar paper fields a correction can change, in the order the form lists them. */
export const SCALAR_FIELDS = [
  'title',
  'abstract',
  'year',
  'date',
  'venue',
  'volume',
  'issue',
  'pages',
  'publisher',
  'language',
  'doi',
  'arxivId',
  'pmid',
  'pdfUrl',
] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];

/** Every field a correction can touch: the scalars plus the author list. */
export const CORRECTABLE_FIELDS = [...SCALAR_FIELDS, 'authors'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/**
 * Values of `data-erratum-field` on inline controls: documented in README, relied on by tests
 * and user styles, so never rename one. `author` is one author; `authors` is the whole list.
 */
export const CONTROL_FIELDS = [...SCALAR_FIELDS, 'authors', 'author'] as const;
export type ControlField = (typeof CONTROL_FIELDS)[number];

/** Where a field value was read from; merge precedence is documented in lib/extract/merge.ts. */
export const METADATA_SOURCES = [
  'site',
  'visible',
  'highwire',
  'json-ld',
  'dublin-core',
  'prism',
  'eprints',
  'bepress',
  'open-graph',
  'coins',
  'url',
  'text',
  /** The reader typed it into "Correct this page": the page gave nothing to detect. */
  'manual',
] as const;
export type MetadataSource = (typeof METADATA_SOURCES)[number];

export const MAX_PDF_BYTES = 10 * 1024 * 1024;

export const QUEUE_STATUSES = ['queued', 'sending', 'sent', 'retrying', 'needs-attention', 'discarded'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/**
 * The only hosts an endpoint may be reached on over plain http (this machine, where the reference
 * endpoint runs). The validator, the manifest's optional host permissions and docs/endpoint.md all
 * name exactly these: `[::1]` and the rest of 127.0.0.0/8 are left out because a permission
 * pattern for each would be needed too, and no one has asked for them.
 */
export const HTTP_ENDPOINT_HOSTS = ['localhost', '127.0.0.1'] as const;

/** Origins the extension may ask to reach an endpoint on (optional host permissions). */
export const ENDPOINT_ORIGIN_PATTERNS = ['https://*/*', ...HTTP_ENDPOINT_HOSTS.map((host) => `http://${host}/*`)];
