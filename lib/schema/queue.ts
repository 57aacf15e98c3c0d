import { CorrectionSchema, ReceiptSchema } from './correction';
import { QUEUE_STATUSES } from './fields';
import { ReviewSchema } from './status';
import { z } from './zod';

export const QueueStatusSchema = z.enum(QUEUE_STATUSES);

export const DeliveryErrorSchema = z.object({
  /** 'network' | 'timeout' | 'http' | 'rejected' | 'credentials' | 'config' | 'storage' */
  kind: z.enum(['network', 'timeout', 'http', 'rejected', 'credentials', 'config', 'storage']),
  status: z.number().int().optional(),
  /** An English description, kept for export and logs; the UI words it in the user's language. */
  message: z.string().max(5000),
  /** The endpoint's own `{ error }` text, shown to the user as the server wrote it. */
  serverMessage: z.string().max(5000).optional(),
  at: z.number(),
});
export type DeliveryError = z.infer<typeof DeliveryErrorSchema>;

/** One correction in the outbox, as stored in IndexedDB and shown in the popup. */
export const QueueItemSchema = z.object({
  id: z.string(),
  correction: CorrectionSchema,
  status: QueueStatusSchema,
  attempts: z.number().int().min(0),
  /** Epoch ms; the alarm and the scheduler pick items whose time has come. */
  nextAttemptAt: z.number(),
  /** Epoch ms until which a `sending` item belongs to the worker that took it. */
  leaseUntil: z.number().optional(),
  /** The endpoint an in-flight attempt started with. */
  sendingTo: z.string().optional(),
  lastError: DeliveryErrorSchema.optional(),
  receipt: ReceiptSchema.optional(),
  /** What the endpoint's status address last said (sent items whose receipt carries one). */
  review: ReviewSchema.optional(),
  /** Epoch ms of the last status check, answered or not. */
  statusCheckedAt: z.number().optional(),
  /** Epoch ms before which the status address must not be asked (its Retry-After, or a backoff). */
  statusNotBefore: z.number().optional(),
  hasPdf: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type QueueItem = z.infer<typeof QueueItemSchema>;

/** What the popup lists: everything but the correction body. */
export const QueueSummarySchema = z.object({
  id: z.string(),
  status: QueueStatusSchema,
  title: z.string().nullable(),
  site: z.string(),
  pageUrl: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.number(),
  lastError: DeliveryErrorSchema.optional(),
  receipt: ReceiptSchema.optional(),
  review: ReviewSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type QueueSummary = z.infer<typeof QueueSummarySchema>;

export const QueueCountsSchema = z.record(QueueStatusSchema, z.number().int());
export type QueueCounts = z.infer<typeof QueueCountsSchema>;
