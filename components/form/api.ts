import { browser } from 'wxt/browser';
import { bytesToBase64 } from '../../lib/base64';
import type { FormDraft } from '../../lib/drafts';
import { untilAnswered } from '../../lib/form/hand-over';
import { sendRequest } from '../../lib/messaging/send';
import type { Correction } from '../../lib/schema/correction';
import { type QueueChanged, QueueChangedSchema } from '../../lib/schema/messages';
import type { QueueSummary } from '../../lib/schema/queue';

/**
 * Everything the form does outside itself; tests hand in fakes. submit, resubmit and stagePdf
 * reject only with the background's refusal: a message or answer lost to a stopping worker is
 * sent again (untilAnswered), because the correction may have been stored.
 */
export interface FormApi {
  /** Store a new correction in the outbox; resolves once the background has stored it. */
  submit(correction: Correction): Promise<QueueSummary>;
  /** Queue an edited correction as a new revision (`supersedes` names the one edited). */
  resubmit(correction: Correction): Promise<QueueSummary>;
  /** Keep the PDF's bytes where the worker will find them, before the correction is submitted. */
  stagePdf(correctionId: string, file: Blob, sha256: string): Promise<void>;
  loadDraft(key: string): Promise<FormDraft | null>;
  saveDraft(key: string, draft: FormDraft): Promise<void>;
  clearDraft(key: string): Promise<void>;
  /** Calls back with every valid queue/changed broadcast; returns the unsubscribe. */
  subscribeQueue(listener: (change: QueueChanged) => void): () => void;
}

export const browserFormApi: FormApi = {
  submit: (correction) => untilAnswered(() => sendRequest('correction/submit', { correction })),
  resubmit: (correction) => untilAnswered(() => sendRequest('queue/resubmit', { correction })),
  async stagePdf(correctionId, file, sha256) {
    // By message: the framed form's IndexedDB is partitioned by the page it sits in, so the
    // worker's outbox is out of its reach.
    const base64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
    await untilAnswered(() => sendRequest('pdf/stage', { correctionId, sha256, base64 }));
  },
  // By message, like the PDF: the drafts are in the worker's private database (lib/drafts.ts).
  loadDraft: (key) => sendRequest('draft/load', { key }),
  async saveDraft(key, draft) {
    await sendRequest('draft/save', { key, draft });
  },
  async clearDraft(key) {
    await sendRequest('draft/clear', { key });
  },
  subscribeQueue(listener) {
    const onMessage = (message: unknown) => {
      // Any extension context can broadcast; only well-formed queue news is acted on.
      const change = QueueChangedSchema.safeParse(message);
      if (change.success) listener(change.data);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
};
