import { t, uiLanguage } from '../../lib/i18n';
import type { QueueSummary } from '../../lib/schema/queue';
import { describeDeliveryError } from '../queue/delivery-error';

function timeText(epochMs: number): string {
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

function StatusLine({ item }: { item: QueueSummary }) {
  switch (item.status) {
    case 'queued':
      return <p>{t('formStatusQueued')}</p>;
    case 'sending':
      return <p>{t('formStatusSending')}</p>;
    case 'sent':
      return (
        <p>
          {t('formStatusSent')}
          {item.receipt?.url && (
            <>
              {' '}
              <a href={item.receipt.url} target="_blank" rel="noopener noreferrer">
                {t('formStatusReceipt')}
              </a>
            </>
          )}
        </p>
      );
    case 'retrying':
      return <p>{t('formStatusRetrying', timeText(item.nextAttemptAt))}</p>;
    case 'needs-attention':
      return (
        <p class="error">
          {t('formStatusNeedsAttention', item.lastError ? describeDeliveryError(item.lastError) : '')}
        </p>
      );
    case 'discarded':
      return <p>{t('formStatusDiscarded')}</p>;
  }
}

/** After sending: the correction is in the outbox; its delivery, live. */
export function DeliveryStatus({ item, onClose }: { item: QueueSummary; onClose: () => void }) {
  return (
    <section class="section delivery" aria-labelledby="delivery-heading">
      <h2 id="delivery-heading" tabIndex={-1}>
        {t('formQueued')}
      </h2>
      <div role="status" aria-live="polite" data-status={item.status}>
        <StatusLine item={item} />
      </div>
      <p class="hint">{t('formQueuedHint')}</p>
      <button type="button" onClick={() => onClose()}>
        {t('formClose')}
      </button>
    </section>
  );
}
