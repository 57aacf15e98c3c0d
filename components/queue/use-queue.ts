import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { QueueChanged } from '../../lib/schema/messages';
import type { QueueApi } from './api';
import { exportFilename } from './download';
import { errorMessage } from './error-message';
import { applyQueueChange, type QueueView, replaceItem } from './queue-state';
import { statusLabel } from './status';

/**
 * How many items a page asks for at a time. The outbox may hold tens of thousands; a bounded
 * page keeps the popup's first paint fast whatever its size.
 */
export const QUEUE_PAGE_SIZE = 100;

/** The queue as a page shows it: a bounded page of items kept current by broadcasts. */
export function useQueue(api: QueueApi, pageSize = QUEUE_PAGE_SIZE) {
  const [view, setView] = useState<QueueView | null>(null);
  const [limit, setLimit] = useState(pageSize);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const viewRef = useRef(view);
  viewRef.current = view;
  const limitRef = useRef(limit);
  limitRef.current = limit;

  const load = useCallback(
    async (count: number): Promise<boolean> => {
      try {
        const page = await api.list(count);
        setView({ items: page.items, counts: page.counts, total: page.total });
        setError(null);
        return true;
      } catch (failure) {
        setError(errorMessage(failure));
        return false;
      }
    },
    [api],
  );

  useEffect(() => {
    void load(pageSize);
  }, [load, pageSize]);

  useEffect(
    () =>
      api.onQueueChanged((change: QueueChanged) => {
        const shown = new Map(viewRef.current?.items.map((listed) => [listed.id, listed.status]));
        // 'sending' lasts a moment; announcing it would only chatter.
        const moved = change.items.filter((item) => {
          const before = shown.get(item.id);
          return before !== undefined && before !== item.status && item.status !== 'sending';
        });
        const [only] = moved;
        if (moved.length === 1 && only)
          setAnnouncement(t('queueAnnounceStatus', only.title ?? t('queueUntitled'), statusLabel(only.status)));
        else if (moved.length > 1) setAnnouncement(t('queueAnnounceManyStatuses', moved.length));
        setView((current) => (current ? applyQueueChange(current, change, limitRef.current) : current));
      }),
    [api],
  );

  /** Runs one user action; `key` marks what is busy (an item id, or 'all'). */
  const act = useCallback(async (key: string, action: () => Promise<string>) => {
    setPending((keys) => new Set(keys).add(key));
    try {
      setAnnouncement(await action());
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending((keys) => {
        const next = new Set(keys);
        next.delete(key);
        return next;
      });
    }
  }, []);

  const showMore = useCallback(async () => {
    const next = limitRef.current + pageSize;
    setLoadingMore(true);
    if (await load(next)) setLimit(next);
    setLoadingMore(false);
  }, [load, pageSize]);

  // Stable across renders, so that rows whose item did not move are not rendered again.
  const retry = useCallback(
    (id?: string) =>
      act(id ?? 'all', async () => {
        const { scheduled } = await api.retry(id);
        // The broadcasts will follow; reloading the page keeps it right even if one is missed.
        await load(limitRef.current);
        if (id) return t('queueAnnounceRetryOne');
        return scheduled === 0 ? t('queueAnnounceRetryNone') : t('queueAnnounceRetryAll', scheduled);
      }),
    [act, api, load],
  );

  const discard = useCallback(
    (id: string) =>
      act(id, async () => {
        const discarded = await api.discard(id);
        setView((current) => (current ? replaceItem(current, discarded) : current));
        await load(limitRef.current);
        return t('queueAnnounceDiscarded');
      }),
    [act, api, load],
  );

  const exportAll = () =>
    act('export', async () => {
      const exported = await api.exportAll();
      const json = JSON.stringify(exported, null, 2);
      api.download(exportFilename(exported.exportedAt), new Blob([json], { type: 'application/json' }));
      return t('queueAnnounceExported', exported.items.length);
    });

  const openFixForm = useCallback(
    (id: string) =>
      act(id, async () => {
        await api.openFixForm(id);
        return '';
      }),
    [act, api],
  );

  return { view, limit, loadingMore, error, announcement, pending, showMore, retry, discard, exportAll, openFixForm };
}
