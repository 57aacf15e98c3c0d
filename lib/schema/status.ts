import { z } from './zod';

// What became of a sent correction, as an endpoint's status address answers it (protocol 1.2,
// docs/endpoint.md "Status"). The reference receiver writes it; the extension reads it.

/** received: stored, not looked at yet; accepted / rejected: a curator decided; applied: fixed in the record. */
export const REVIEW_STATES = ['received', 'accepted', 'rejected', 'applied'] as const;
export const ReviewStateSchema = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ReviewStateSchema>;

/** The answer to `GET <status address>`. */
export const CorrectionStatusSchema = z.object({
  id: z.string().max(500),
  state: ReviewStateSchema,
  /** The curator's note to the reader (why it was rejected, what was changed); plain text. */
  note: z.string().max(10_000).nullable(),
  /** When the state last changed. */
  updatedAt: z.iso.datetime(),
});
export type CorrectionStatus = z.infer<typeof CorrectionStatusSchema>;
