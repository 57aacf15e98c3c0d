import { Component } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { isHttpUrl } from '../../lib/identifiers';
import type { QueueSummary } from '../../lib/schema/queue';
import { describeDeliveryError } from './delivery-error';
import { formatRelativeTime } from './relative-time';
import { canDiscard, canRetry, statusLabel } from './status';

export interface QueueItemRowProps {
  item: QueueSummary;
  now: number;
  locale: string;
  busy: boolean;
  onRetry(id: string): void;
  onDiscard(id: string): void;
  onFix(id: string): void;
}

/** What the endpoint's curators did with a sent correction, with when they did it. */
const REVIEW_LABELS = {
  received: 'queueReviewReceived',
  accepted: 'queueReviewAccepted',
  rejected: 'queueReviewRejected',
  applied: 'queueReviewApplied',
} as const;

/** Where the correction was made, as the reader knows it: the page's host name. */
function siteOf(item: QueueSummary): string {
  try {
    return new URL(item.pageUrl).hostname || item.site;
  } catch {
    return item.site;
  }
}

/** One correction in the outbox: what it is, where it stands, and what the user can do. */
function QueueItemRowView({ item, now, locale, busy, onRetry, onDiscard, onFix }: QueueItemRowProps) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const discardRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const titleId = `queue-item-${item.id}`;
  const title = item.title?.trim() || t('queueUntitled');
  const when = formatRelativeTime(item.status === 'sent' ? item.updatedAt : item.createdAt, now, locale);
  const receiptUrl =
    item.status === 'sent' && item.receipt?.url && isHttpUrl(item.receipt.url) ? item.receipt.url : null;
  const showError = item.lastError && item.status !== 'sent' && item.status !== 'discarded';

  // Keyboard users land on the safe choice when asked, and back on Discard when they cancel.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) discardRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <li class="queue-item" aria-labelledby={titleId} aria-busy={busy}>
      <div class="queue-item-head">
        <span class={`queue-badge queue-badge--${item.status}`}>{statusLabel(item.status)}</span>
        {isHttpUrl(item.pageUrl) ? (
          <a id={titleId} class="queue-item-title" href={item.pageUrl} target="_blank" rel="noreferrer">
            {title}
          </a>
        ) : (
          <span id={titleId} class="queue-item-title">
            {title}
          </span>
        )}
      </div>
      <p class="queue-item-meta">
        <span>{siteOf(item)}</span>
        <span>{item.status === 'sent' ? t('queueSentWhen', when) : t('queueCreatedWhen', when)}</span>
        {item.attempts > 0 && <span>{t('queueAttempts', item.attempts)}</span>}
      </p>
      {item.status === 'sent' && item.review && (
        <p class={`queue-item-review queue-item-review--${item.review.state}`}>
          <span>
            {t(REVIEW_LABELS[item.review.state], formatRelativeTime(Date.parse(item.review.updatedAt), now, locale))}
          </span>
          {item.review.note && <span class="queue-item-review-note">{item.review.note}</span>}
        </p>
      )}
      {item.status === 'retrying' && (
        <p class="queue-item-meta">{t('queueNextAttempt', formatRelativeTime(item.nextAttemptAt, now, locale))}</p>
      )}
      {showError && (
        <p class="queue-item-error">
          {t('queueLastError', item.lastError ? describeDeliveryError(item.lastError) : '')}
        </p>
      )}
      {!confirming && (
        <div class="queue-item-actions">
          {canRetry(item.status) && (
            <button type="button" disabled={busy} onClick={() => onRetry(item.id)}>
              {t('queueRetryNow')}
            </button>
          )}
          {item.status === 'needs-attention' && (
            <button type="button" disabled={busy} onClick={() => onFix(item.id)}>
              {t('queueFixAndResend')}
            </button>
          )}
          {receiptUrl && (
            <a href={receiptUrl} target="_blank" rel="noreferrer">
              {t('queueReceipt')}
            </a>
          )}
          {canDiscard(item.status) && (
            <button
              ref={discardRef}
              type="button"
              class="queue-danger"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t('queueDiscard')}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <fieldset class="queue-confirm">
          <legend>{t('queueDiscardQuestion')}</legend>
          <div class="queue-confirm-actions">
            <button
              type="button"
              class="queue-danger"
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                onDiscard(item.id);
              }}
            >
              {t('queueDiscardConfirm')}
            </button>
            <button ref={cancelRef} type="button" onClick={() => setConfirming(false)}>
              {t('queueDiscardCancel')}
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}

/**
 * A row renders again only when one of its props changed. Delivering a long queue updates the
 * list several times a second; rendering every row each time cost more than the delivery itself.
 */
export class QueueItemRow extends Component<QueueItemRowProps> {
  override shouldComponentUpdate(next: QueueItemRowProps): boolean {
    const current = this.props;
    return (Object.keys(next) as (keyof QueueItemRowProps)[]).some((key) => next[key] !== current[key]);
  }

  render() {
    return <QueueItemRowView {...this.props} />;
  }
}
