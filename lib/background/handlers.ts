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
import { loadFormContext, saveFormContext } from './form-contexts';
import { type RequestHandlers, UserFacingError } from './router';

export interface HandlerDeps {
  db: () => Promise<QueueDb>;
  /**
   * Something changed in the queue: deliver what is due, refresh badge and listeners; `moved`
   * are items that changed without a delivery (a revision's withdrawn predecessor), announced.
   */
  queueChanged: (moved?: QueueSummary[]) => void;
}

/** The item a revision replaces, as it is now (withdrawn if it was still waiting), for the popup. */
async function superseded(db: QueueDb, correction: Correction): Promise<QueueSummary[]> {
  const old = correction.supersedes ? await getItem(db, correction.supersedes) : null;
  return old ? [toSummary(old)] : [];
}

export function createHandlers({ db, queueChanged }: HandlerDeps): RequestHandlers {
  return {
    'form/open': async ({ paper, field, authorIndex }, sender) => ({
      contextId: await saveFormContext({ paper, field, authorIndex, tabId: sender.tab?.id, createdAt: Date.now() }),
    }),
    'site/status': async ({ site }) => ({ disabled: (await loadSettings()).disabledSites.includes(site) }),
    'form/context': async ({ contextId }, sender) => {
      const context = await loadFormContext(contextId);
      if (!context) throw new UserFacingError('This form has expired. Close it and click the edit button again.');
      // A context belongs to the tab whose page handed over the paper: a page that learns the id
      // from the panel's address cannot open that form anywhere else.
      if (context.tabId !== undefined && sender.tab?.id !== context.tabId)
        throw new UserFacingError('This form belongs to another tab. Click the edit button on the paper page.');
      const { submitter } = await loadSettings();
      return { paper: context.paper, field: context.field, authorIndex: context.authorIndex, submitter };
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
