import { FormDraftSchema } from '../drafts';
import { CorrectionIdSchema, CorrectionSchema } from './correction';
import { CONTROL_FIELDS, MAX_PDF_BYTES, SCALAR_FIELDS } from './fields';
import { PaperMetadataSchema } from './paper';
import { QueueCountsSchema, QueueSummarySchema } from './queue';
import { SettingsSchema } from './settings';
import { z } from './zod';

const FormClaimIdSchema = z.string().regex(/^[0-9a-f-]{36}$/);

const DraftKeySchema = z.string().min(1).max(1000);

/** A selection longer than this is not a field value anyone meant to suggest. */
export const MAX_SUGGESTION_CHARS = 100_000;

/** A detected paper as the toolbar and popup name it: its title, else its DOI or arXiv id. */
export const PaperSummarySchema = z.object({ name: z.string().max(10_000).nullable() });
export type PaperSummary = z.infer<typeof PaperSummarySchema>;

/** The popup offers the first this many entries of a list page (the worker keeps no more). */
export const MAX_REPORTED_PAPERS = 200;

/** What a page shows: no paper, one, or the entries of a list page (as many as it reads). */
export const PageDetectionSchema = z.object({
  papers: z.array(PaperSummarySchema).max(20_000),
});
export type PageDetection = z.infer<typeof PageDetectionSchema>;

/** What the reader typed into "Correct this page" when nothing was detected. */
export const ManualEntrySchema = z.object({
  doi: z.string().trim().max(1000).optional(),
  arxivId: z.string().trim().max(100).optional(),
  title: z.string().trim().max(2000).optional(),
});
export type ManualEntry = z.infer<typeof ManualEntrySchema>;

/**
 * "Correct this page" (popup) or "Correct with Erratum" (context menu): which detected paper
 * (by its index in the page's detection; none: the only one, or the entry the reader
 * right-clicked), the field to open at and the selected text as its suggestion, or a paper the
 * reader identifies by hand.
 */
export const CorrectPageRequestSchema = z.object({
  paperIndex: z.number().int().min(0).max(MAX_REPORTED_PAPERS).optional(),
  field: z.enum(SCALAR_FIELDS).optional(),
  suggestion: z.string().max(MAX_SUGGESTION_CHARS).optional(),
  manual: ManualEntrySchema.optional(),
});
export type CorrectPageRequest = z.infer<typeof CorrectPageRequestSchema>;

/**
 * Worker to content script: open the form in this page's panel, for the paper the request picks
 * among those the page detected, or for `paper`, the one the reader entered by hand. The page
 * opens it with form/open, as after a pencil's click (the worker parses the paper again there).
 * Checked by the page by hand (lib/page/correct-page-command.ts).
 */
export const CorrectPageCommandSchema = z.object({
  type: z.literal('page/correct'),
  request: CorrectPageRequestSchema.omit({ manual: true }),
  paper: PaperMetadataSchema.optional(),
});
export type CorrectPageCommand = z.infer<typeof CorrectPageCommandSchema>;

/**
 * Every request a context sends to the background, by type. The background parses each with
 * these schemas and checks the sender against `MESSAGE_SENDERS` before doing anything.
 */
export const RequestSchemas = {
  /** Content script: the user clicked a control; keep the paper for the form it will frame. */
  'form/open': z.object({
    paper: PaperMetadataSchema,
    field: z.enum(CONTROL_FIELDS).optional(),
    authorIndex: z.number().int().min(0).optional(),
    /** Text the reader selected on the page, offered as the field's corrected value. */
    suggestion: z.string().max(MAX_SUGGESTION_CHARS).optional(),
  }),
  /**
   * Content script: what it detected on its page (after every detection, nothing included). The
   * tab is the sender's, never one the message names; only the top frame's page counts.
   */
  'page/detected': PageDetectionSchema,
  /** Popup: what the content script of this tab reported, for "Correct this page". */
  'page/state': z.object({ tabId: z.number().int().min(0) }),
  /** Popup: open the form for a paper of this tab's page, or for one the reader enters by hand. */
  'page/correct': z.object({ tabId: z.number().int().min(0), request: CorrectPageRequestSchema }),
  /** Content script: are controls switched off for this site? (It cannot read settings itself.) */
  'site/status': z.object({ site: z.string().max(100) }),
  /**
   * Form page: what to show for the context id in its URL, with the claim the content script
   * handed to this frame alone (lib/background/form-frames.ts).
   */
  'form/context': z.object({ contextId: z.string().regex(/^[0-9a-f-]{36}$/), claim: FormClaimIdSchema }),
  /**
   * Form page: keep a corrected PDF for the correction about to be submitted. The bytes travel
   * in the message: the framed form's own IndexedDB is partitioned by the page it sits in, so
   * the worker could not read what the form stored there.
   */
  'pdf/stage': z.object({
    correctionId: CorrectionIdSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    base64: z
      .string()
      .max(Math.ceil(MAX_PDF_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  }),
  /** Form page: store this correction in the outbox (its PDF, if any, is already staged). */
  'correction/submit': z.object({ correction: CorrectionSchema }),
  'queue/list': z.object({ limit: z.number().int().min(1).max(100_000).default(200) }),
  'queue/get': z.object({ id: CorrectionIdSchema }),
  'queue/retry': z.object({ id: CorrectionIdSchema.optional() }),
  /** Popup: it opened; ask the status addresses of sent corrections that are due (at most once a minute each). */
  'queue/check-status': z.object({}),
  'queue/discard': z.object({ id: CorrectionIdSchema }),
  /** Replace a needs-attention item's correction after the user edited it, and send again. */
  'queue/resubmit': z.object({ correction: CorrectionSchema }),
  'queue/export': z.object({}),
  /** Form page: the draft kept for a paper (by paperKey), out of every content script's reach. */
  'draft/load': z.object({ key: DraftKeySchema }),
  'draft/save': z.object({ key: DraftKeySchema, draft: FormDraftSchema }),
  'draft/clear': z.object({ key: DraftKeySchema }),
  'settings/get': z.object({}),
  'settings/save': z.object({ settings: SettingsSchema }),
  'endpoint/test': z.object({ endpointUrl: z.string().max(2000), token: z.string().max(4000) }),
} as const;

export type RequestType = keyof typeof RequestSchemas;

/** Which contexts may send each request. 'content' = a content script in a web page. */
export const MESSAGE_SENDERS: Record<RequestType, readonly ('content' | 'extension')[]> = {
  'form/open': ['content'],
  'site/status': ['content'],
  'page/detected': ['content'],
  'page/state': ['extension'],
  'page/correct': ['extension'],
  'form/context': ['extension'],
  'pdf/stage': ['extension'],
  'correction/submit': ['extension'],
  'queue/list': ['extension'],
  'queue/get': ['extension'],
  'queue/retry': ['extension'],
  'queue/check-status': ['extension'],
  'queue/discard': ['extension'],
  'queue/resubmit': ['extension'],
  'queue/export': ['extension'],
  'draft/load': ['extension'],
  'draft/save': ['extension'],
  'draft/clear': ['extension'],
  'settings/get': ['extension'],
  'settings/save': ['extension'],
  'endpoint/test': ['extension'],
};

export const EnvelopeSchema = z.object({ type: z.string().max(100), payload: z.unknown() });

/** Items one broadcast carries at most; more moves go out in several broadcasts. */
export const MAX_CHANGED_ITEMS = 200;

/** Broadcast from the background to extension pages (popup, options, form) when the queue moves. */
export const QueueChangedSchema = z.object({
  type: z.literal('queue/changed'),
  counts: QueueCountsSchema,
  /** The items that moved since the last broadcast, each as it is now; none when only counts moved. */
  items: z.array(QueueSummarySchema).max(MAX_CHANGED_ITEMS),
});
export type QueueChanged = z.infer<typeof QueueChangedSchema>;

/**
 * Broadcast from the background to extension pages after the settings were saved. It carries no
 * setting (the token stays out of every broadcast): a page that shows them asks settings/get.
 */
export const SettingsChangedSchema = z.object({ type: z.literal('settings/changed') });
export type SettingsChanged = z.infer<typeof SettingsChangedSchema>;

/**
 * From the content script to the form frame it created (postMessage to that frame only, for the
 * extension's origin): the claim that binds the frame to its context. The form frame first posts
 * `{ type: 'erratum/ready' }` to its parent, so the claim is never sent before it can be heard.
 */
export const FormClaimMessageSchema = z.object({
  type: z.literal('erratum/claim'),
  contextId: z.string().regex(/^[0-9a-f-]{36}$/),
  claim: FormClaimIdSchema,
});
export type FormClaimMessage = z.infer<typeof FormClaimMessageSchema>;
