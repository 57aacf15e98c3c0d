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
import { SettingsSchema } from '../schema/settings';
import { loadSettings, saveSettings } from '../settings';
import { testEndpoint } from '../sync/test-connection';
import { loadFormContext, saveFormContext } from './form-contexts';
import { type RequestHandlers, UserFacingError } from './router';

export interface HandlerDeps {
  db: () => Promise<QueueDb>;
  /** Something changed in the queue: deliver what is due, refresh badge and listeners. */
  queueChanged: () => void;
}

export function createHandlers({ db, queueChanged }: HandlerDeps): RequestHandlers {
  return {
    'form/open': async ({ paper, field, authorIndex }, sender) => ({
      contextId: await saveFormContext({ paper, field, authorIndex, tabId: sender.tab?.id, createdAt: Date.now() }),
    }),
    'form/context': async ({ contextId }) => {
      const context = await loadFormContext(contextId);
      if (!context) throw new UserFacingError('This form has expired. Close it and click the edit button again.');
      const { submitter } = await loadSettings();
      return { paper: context.paper, field: context.field, authorIndex: context.authorIndex, submitter };
    },
    'correction/submit': async ({ correction }) => {
      const item = await enqueue(await db(), correction);
      queueChanged();
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
      const item = await resubmit(await db(), correction);
      queueChanged();
      return item;
    },
    'queue/export': async () => ({ exportedAt: new Date().toISOString(), items: await exportAll(await db()) }),
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
