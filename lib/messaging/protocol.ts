// The typed map of every cross-context request and its answer. Types only: the content script
// imports this file, and zod must stay out of its bundle (schemas: lib/schema/messages.ts).
import type { z } from 'zod';
import type { FormDraft } from '../drafts';
import type { Correction } from '../schema/correction';
import type { PageDetection, RequestSchemas } from '../schema/messages';
import type { PaperMetadata } from '../schema/paper';
import type { QueueCounts, QueueItem, QueueSummary } from '../schema/queue';
import type { Settings } from '../schema/settings';

export type RequestType = keyof typeof RequestSchemas;
export type RequestPayload<T extends RequestType> = z.input<(typeof RequestSchemas)[T]>;

export interface FormContext {
  paper: PaperMetadata;
  field?: string;
  authorIndex?: number;
  /** Text selected on the page, offered as the corrected value of `field`. */
  suggestion?: string;
  submitter: { name: string; email: string };
}

export interface EndpointTestResult {
  ok: boolean;
  status?: number;
  message: string;
}

export interface ResponseMap {
  /** The claim goes only to the form frame the content script creates (form-frames.ts). */
  'form/open': { contextId: string; claim: string };
  'site/status': { disabled: boolean };
  'page/detected': { recorded: boolean };
  /** `reachable`: the page's content script reported (the form can open in its panel). */
  'page/state': { reachable: boolean; detection: PageDetection | null };
  /** Where the form opened: in the page's panel, or in a tab of its own. */
  'page/correct': { openedIn: 'panel' | 'tab' };
  'form/context': FormContext;
  'pdf/stage': { size: number };
  'correction/submit': QueueSummary;
  'queue/list': { items: QueueSummary[]; counts: QueueCounts; total: number };
  'queue/get': QueueItem | null;
  'queue/retry': { scheduled: number };
  'queue/check-status': { checked: number };
  'queue/discard': QueueSummary;
  'queue/resubmit': QueueSummary;
  'queue/export': { exportedAt: string; items: QueueItem[] };
  'draft/load': FormDraft | null;
  'draft/save': null;
  'draft/clear': null;
  'settings/get': Settings;
  'settings/save': Settings;
  'endpoint/test': EndpointTestResult;
}

/** Every answer is wrapped so that a refusal carries a message the user can read. */
export type Reply<T extends RequestType> = { ok: true; value: ResponseMap[T] } | { ok: false; error: string };

export type { Correction };
