import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../lib/i18n';
import { defaultQueueApi, type QueueApi } from './api';
import { QueueItemRow } from './QueueItemRow';
import { countGroups } from './queue-state';
import { QUEUE_PAGE_SIZE, useQueue } from './use-queue';

export interface QueuePanelProps {
  api?: QueueApi;
  pageSize?: number;
}

/** Relative times ("2 minutes ago") drift while a page stays open; a coarse clock keeps them true. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The outbox: counts, bulk actions and the newest items. Shared by the popup and the options page. */
export function QueuePanel({ api = defaultQueueApi, pageSize = QUEUE_PAGE_SIZE }: QueuePanelProps) {
  const queue = useQueue(api, pageSize);
  const now = useMinuteClock();
  const locale = uiLanguage();
  // Built once: the panel renders again at every queue update.
  const number = useMemo(() => new Intl.NumberFormat(locale), [locale]);
  const view = queue.view;
  const groups = view ? countGroups(view.counts) : null;
  const retryable = view
    ? (view.counts.queued ?? 0) + (view.counts.retrying ?? 0) + (view.counts['needs-attention'] ?? 0)
    : 0;

  return (
    <div class="queue">
      <div class="queue-toolbar">
        <p class="queue-counts">
          {groups ? (
            <>
              <span>{t('queueCountWaiting', number.format(groups.waiting))}</span>
              <span class={groups.needsAttention > 0 ? 'queue-counts-attention' : undefined}>
                {t('queueCountNeedsAttention', number.format(groups.needsAttention))}
              </span>
              <span>{t('queueCountSent', number.format(groups.sent))}</span>
            </>
          ) : (
            t('queueLoading')
          )}
        </p>
        <div class="queue-toolbar-actions">
          <button type="button" disabled={retryable === 0 || queue.pending.has('all')} onClick={() => queue.retry()}>
            {t('queueRetryAll')}
          </button>
          <button
            type="button"
            disabled={!view || view.total === 0 || queue.pending.has('export')}
            onClick={queue.exportAll}
          >
            {t('queueExport')}
          </button>
        </div>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {queue.announcement}
      </p>
      {queue.error && (
        <p class="queue-error" role="alert">
          {queue.error}
        </p>
      )}
      {view && view.items.length === 0 && <p class="queue-empty">{t('queueEmpty')}</p>}
      {view && view.items.length > 0 && (
        <ul class="queue-list" aria-label={t('queueListLabel')}>
          {view.items.map((item) => (
            <QueueItemRow
              key={item.id}
              item={item}
              now={now}
              locale={locale}
              busy={queue.pending.has(item.id)}
              onRetry={queue.retry}
              onDiscard={queue.discard}
              onFix={queue.openFixForm}
            />
          ))}
        </ul>
      )}
      {view && view.items.length < view.total && (
        <div class="queue-more">
          <span>{t('queueShowing', number.format(view.items.length), number.format(view.total))}</span>
          <button type="button" disabled={queue.loadingMore} onClick={queue.showMore}>
            {t('queueShowMore')}
          </button>
        </div>
      )}
    </div>
  );
}
