import { browser } from 'wxt/browser';
import { openQueueDb } from '../queue/db';
import { releaseAbandonedSends } from '../queue/delivery-state';
import { getCounts } from '../queue/outbox';
import { sweepOrphanPdfs } from '../queue/pdf-store';
import { STATUS_PACE_MS, STATUS_PACE_POPUP_MS } from '../queue/review-state';
import type { SettingsChanged } from '../schema/messages';
import { onSettingsSaved } from '../settings';
import { createDeliveryScheduler } from '../sync/scheduler';
import { createHandlers } from './handlers';
import { startPageReach } from './page-reach';
import { privateDb } from './private-store';
import { createQueueAnnouncer } from './queue-announcer';
import { createRouter } from './router';
import { createSettingsCache } from './settings-cache';
import { checkDueStatuses } from './status-checks';

const DELIVERY_ALARM = 'erratum-delivery';
const WAKE_ALARM = 'erratum-wake';
/** Asks what became of sent corrections (issue #17): every half hour, and when the popup opens. */
const STATUS_ALARM = 'erratum-status';
const ALARM_FLOOR_MS = 30_000;
/** A staged PDF whose correction never arrived (tab closed mid-submit) is dropped after a day. */
const ORPHAN_PDF_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Wires the worker: the message router, the delivery scheduler and what wakes it (a new
 * correction, the browser coming online, alarms — re-created at every start, since alarms are
 * what brings a stopped worker back), the toolbar badge and the queue broadcasts.
 */
export function startBackground(): void {
  const db = () => openQueueDb();
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

  const announcer = createQueueAnnouncer({
    countItems: async () => getCounts(await db()),
    async setBadge(badge) {
      await action.setBadgeText({ text: badge.text });
      if (badge.text) await action.setBadgeBackgroundColor({ color: badge.color });
    },
    async broadcast(message) {
      // Reaches extension pages only (popup, options, framed forms); none may be open.
      await browser.runtime.sendMessage(message).catch(() => undefined);
    },
  });

  const settings = createSettingsCache();
  const scheduler = createDeliveryScheduler({
    db: openQueueDb,
    loadSettings: settings.get,
    onChange: (item) => announcer.itemChanged(item),
    // Chrome stops a worker after 30 s without extension API calls, even mid-upload.
    keepAlive: () => browser.runtime.getPlatformInfo(),
  });

  let soon: ReturnType<typeof setTimeout> | undefined;

  async function afterRun(): Promise<void> {
    const wakeAt = await scheduler.nextWakeAt();
    if (wakeAt === undefined) return;
    // The alarm brings a stopped worker back, but Chrome rounds alarms up to 30 s in packed
    // extensions; a live worker honours a shorter Retry-After with a timer of its own.
    await browser.alarms.create(WAKE_ALARM, { when: Math.max(wakeAt, Date.now() + 1000) });
    clearTimeout(soon);
    const delay = wakeAt - Date.now();
    if (delay < ALARM_FLOOR_MS) soon = setTimeout(deliver, Math.max(delay, 0));
  }

  function deliver(): void {
    // Read afresh on every run: cheap next to a delivery, and always the settings as saved.
    settings.invalidate();
    scheduler.kick();
    void scheduler
      .idle?.()
      .then(afterRun)
      .catch(() => undefined);
  }

  // Settings (the token, the user's email) and drafts are in the private IndexedDB, where no
  // content script reaches; what an older version left in storage.local moves there now (and on
  // the first read, if that comes first). storage.local is still locked where the browser can, in
  // case anything secret is ever written there again.
  void restrictLocalStorage();
  void privateDb().catch((error) => console.error('[erratum] settings could not be migrated', error));
  onSettingsSaved(() => {
    // Open options pages show the new settings; the message carries none of them.
    const changed: SettingsChanged = { type: 'settings/changed' };
    void browser.runtime.sendMessage(changed).catch(() => undefined);
  });

  let statusRun: Promise<number> | undefined;
  /** One status run at a time: the popup opening during the alarm's run waits for it. */
  function checkStatuses(paceMs: number): Promise<number> {
    statusRun ??= checkDueStatuses({
      db,
      loadSettings: settings.get,
      fetch: (input, init) => fetch(input, init),
      paceMs,
      onChange: (item) => announcer.itemChanged(item),
    }).finally(() => {
      statusRun = undefined;
    });
    return statusRun;
  }

  const route = createRouter(
    createHandlers(
      {
        db,
        checkStatuses: () => checkStatuses(STATUS_PACE_POPUP_MS),
        queueChanged: (moved = []) => {
          for (const item of moved) announcer.itemChanged(item);
          announcer.countsChanged();
          deliver();
        },
      },
      startPageReach(action),
    ),
    browser.runtime.id,
    browser.runtime.getURL('/'),
  );
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DELIVERY_ALARM || alarm.name === WAKE_ALARM) deliver();
    if (alarm.name === STATUS_ALARM) void checkStatuses(STATUS_PACE_MS).catch(() => undefined);
  });
  void browser.alarms.create(DELIVERY_ALARM, { periodInMinutes: 1 });
  void browser.alarms.create(STATUS_ALARM, { periodInMinutes: STATUS_PACE_MS / 60_000 });
  globalThis.addEventListener('online', deliver);

  void db()
    .then(async (database) => {
      await releaseAbandonedSends(database);
      await sweepOrphanPdfs(database, ORPHAN_PDF_AGE_MS);
    })
    .finally(() => {
      announcer.countsChanged();
      deliver();
    });
}

async function restrictLocalStorage(): Promise<void> {
  const local = browser.storage.local as typeof browser.storage.local & {
    setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
  };
  try {
    await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch (error) {
    console.warn('[erratum] storage.local could not be restricted to trusted contexts', error);
  }
}
