import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { QueueSummary } from '../../lib/schema/queue';
import type { FormApi } from './api';

function newer(a: QueueSummary | null, b: QueueSummary): QueueSummary {
  return a && a.updatedAt > b.updatedAt ? a : b;
}

/**
 * The delivery of one correction, live from queue/changed broadcasts. News can arrive before the
 * background has answered the submit (the worker may start sending at once), so it is kept and
 * shown only once the correction is accepted: "Queued" must never show before that.
 */
export function useDelivery(api: Pick<FormApi, 'subscribeQueue'>, correctionId: string) {
  const heard = useRef<QueueSummary | null>(null);
  const accepted = useRef(false);
  const [item, setItem] = useState<QueueSummary | null>(null);

  useEffect(
    () =>
      api.subscribeQueue((change) => {
        const mine = change.items.find((moved) => moved.id === correctionId);
        if (!mine) return;
        heard.current = newer(heard.current, mine);
        if (accepted.current) setItem(heard.current);
      }),
    [api, correctionId],
  );

  const accept = useCallback((summary: QueueSummary) => {
    accepted.current = true;
    heard.current = newer(heard.current, summary);
    setItem(heard.current);
  }, []);

  return { item, accept };
}
