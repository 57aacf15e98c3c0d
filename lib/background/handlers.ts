import type { Browser } from 'wxt/browser';
import { base64ToBytes } from '../base64';
import { clearDraft, loadDraft, saveDraft } from '../drafts';
import { hasPdfSignature } from '../pdf';
import type { QueueDb } from '../queue/db';
import {
  discard,
  enqueue,
  exportAll,
  getItem,
  listSummaries,
  requeueSettingsProblems,
  resubmit,
  retryNow,
} from '../queue/outbox';
import { stagePdf } from '../queue/pdf-store';
import { toSummary } from '../queue/summary';
import type { Correction } from '../schema/correction';
import type { QueueSummary } from '../schema/queue';
import { SettingsSchema } from '../schema/settings';
import { loadSettings, saveSettings } from '../settings';
import { testEndpoint } from '../sync/test-connection';
import { claimFormContext, isClaimedFrame, saveFormContext } from './form-contexts';
import { frameOf, isFramedForm } from './form-frames';
import type { PageReachRequest } from './page-reach';
import { type RequestHandlers, UserFacingError } from './router';

export interface HandlerDeps {
  db: () => Promise<QueueDb>;
  /**
   * Something changed in the queue: deliver what is due, refresh badge and listeners; `moved`
   * are items that changed without a delivery (a revision's withdrawn predecessor), announced.
   */
  queueChanged: (moved?: QueueSummary[]) => void;
  /** Asks the status addresses of sent corrections that are due (the popup opened); how many. */
  checkStatuses?: () => Promise<number>;
}

/** The item a revision replaces, as it is now (withdrawn if it was still waiting), for the popup. */
async function superseded(db: QueueDb, correction: Correction): Promise<QueueSummary[]> {
  const old = correction.supersedes ? await getItem(db, correction.supersedes) : null;
  return old ? [toSummary(old)] : [];
}

/** `pageReach`: the page/* requests (lib/background/page-reach.ts), guarded like the rest. */
export function createHandlers(deps: HandlerDeps, pageReach: Pick<RequestHandlers, PageReachRequest>): RequestHandlers {
  return onlyClaimedFormFrames({ ...createOpenHandlers(deps), ...pageReach });
}

/**
 * A form framed in a web page gets an answer only once it has claimed its context, and only in
 * the frame that claimed it (form-frames.ts): a page that frames form.html itself, even with a
 * context id read from the panel, gets no paper, no draft, and cannot submit.
 */
function onlyClaimedFormFrames(handlers: RequestHandlers): RequestHandlers {
  const guarded = { ...handlers } as Record<
    string,
    (payload: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown>
  >;
  for (const [type, handler] of Object.entries(guarded)) {
    if (type === 'form/context') continue;
    guarded[type] = async (payload, sender) => {
      if (isFramedForm(sender)) {
        const frame = frameOf(sender);
        if (!frame || !(await isClaimedFrame(frame))) throw new UserFacingError(NOT_YOUR_FORM);
      }
      return handler(payload, sender);
    };
  }
  return guarded as RequestHandlers;
}

const NOT_YOUR_FORM = 'This form was not opened from this page. Click the edit button on the paper page.';

function createOpenHandlers({ db, queueChanged, checkStatuses }: HandlerDeps): Omit<RequestHandlers, PageReachRequest> {
  return {
    'form/open': async ({ paper, field, authorIndex, suggestion }, sender) =>
      saveFormContext({ paper, field, authorIndex, suggestion, tabId: sender.tab?.id, createdAt: Date.now() }),
    'site/status': async ({ site }) => ({ disabled: (await loadSettings()).disabledSites.includes(site) }),
    'form/context': async ({ contextId, claim }, sender) => {
      const frame = frameOf(sender);
      // Only the panel's own frame received the claim from the content script (form-frames.ts).
      const claimed = frame
        ? await claimFormContext(contextId, claim, frame)
        : { ok: false as const, reason: 'not-yours' as const };
      if (!claimed.ok && claimed.reason === 'expired')
        throw new UserFacingError('This form has expired. Close it and click the edit button again.');
      if (!claimed.ok) throw new UserFacingError(NOT_YOUR_FORM);
      const { paper, field, authorIndex, suggestion } = claimed.context;
      const { submitter } = await loadSettings();
      return { paper, field, authorIndex, suggestion, submitter };
    },
    'pdf/stage': async ({ correctionId, sha256, base64 }) => {
      const bytes = base64ToBytes(base64);
      // Checked by content, not by name: a PDF starts with %PDF-.
      if (!hasPdfSignature(bytes)) throw new UserFacingError('The attached file is not a PDF.');
      const blob = new Blob([bytes as BlobPart], { type: 'application/pdf' });
      await stagePdf(await db(), correctionId, blob, sha256);
      return { size: blob.size };
    },
    'correction/submit': async ({ correction }) => {
      const database = await db();
      const item = await enqueue(database, correction);
      queueChanged(await superseded(database, correction));
      return item;
    },
    'queue/list': async ({ limit }) => listSummaries(await db(), { limit }),
    'queue/get': async ({ id }) => (await getItem(await db(), id)) ?? null,
    'queue/check-status': async () => ({ checked: (await checkStatuses?.()) ?? 0 }),
    'queue/retry': async ({ id }) => {
      const scheduled = await retryNow(await db(), id);
      queueChanged();
      return { scheduled };
    },
    'queue/discard': async ({ id }) => {
      const item = await discard(await db(), id);
      queueChanged();
      return item;
    },
    'queue/resubmit': async ({ correction }) => {
      const database = await db();
      const item = await resubmit(database, correction);
      queueChanged(await superseded(database, correction));
      return item;
    },
    'queue/export': async () => ({ exportedAt: new Date().toISOString(), items: await exportAll(await db()) }),
    'draft/load': async ({ key }) => loadDraft(key),
    'draft/save': async ({ key, draft }) => {
      await saveDraft(key, draft);
      return null;
    },
    'draft/clear': async ({ key }) => {
      await clearDraft(key);
      return null;
    },
    'settings/get': async () => loadSettings(),
    'settings/save': async ({ settings }) => {
      const parsed = SettingsSchema.parse(settings);
      await saveSettings(parsed);
      // A new endpoint or token applies to everything still queued, and to what failed on the
      // old address or credentials.
      await requeueSettingsProblems(await db());
      queueChanged();
      return parsed;
    },
    'endpoint/test': async ({ endpointUrl, token }) => testEndpoint(endpointUrl, token),
  };
}
