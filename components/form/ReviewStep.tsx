import type { ComponentChildren } from 'preact';
import { fieldLabelKey } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import type { AuthorChange, Correction } from '../../lib/schema/correction';
import type { Author } from '../../lib/schema/paper';
import { fileSizeText } from './PdfAttachment';

function authorSummary(author: Author): string {
  const parts = [author.name];
  if (author.affiliations.length > 0) parts.push(author.affiliations.join('; '));
  if (author.orcid) parts.push(`ORCID ${author.orcid}`);
  return parts.join(' — ');
}

function OldToNew({ from, to }: { from: string | null; to: string }) {
  return (
    <span class="old-new">
      <span class={from === null ? 'old muted' : 'old'}>{from ?? t('formNotShown')}</span>
      <span aria-hidden="true"> → </span>
      <span class="visually-hidden">{t('formReviewBecomes')}</span>
      <span class="new">{to}</span>
    </span>
  );
}

function AuthorChangeItem({ change }: { change: AuthorChange }) {
  switch (change.kind) {
    case 'edit':
      return (
        <li>
          <strong>{t('formReviewAuthorEdit', change.from.name)}</strong>{' '}
          <OldToNew from={authorSummary(change.from)} to={authorSummary(change.to)} />
        </li>
      );
    case 'remove':
      return <li>{t('formReviewAuthorRemove', change.author.name)}</li>;
    case 'add':
      return <li>{t('formReviewAuthorAdd', authorSummary(change.author), String(change.position + 1))}</li>;
    case 'reorder':
      return (
        <li>
          <strong>{t('formReviewAuthorOrder')}</strong>{' '}
          <OldToNew from={change.from.join(', ')} to={change.to.join(', ')} />
        </li>
      );
  }
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="review-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

interface ReviewStepProps {
  correction: Correction;
  /** The PDF to attach; its checksum is computed only when sending. */
  pdf: { name: string; size: number } | null;
  sending: boolean;
  /** The background's refusal, shown as is; the form keeps everything. */
  error: string | null;
  onBack: () => void;
  onSend: () => void;
}

/** Everything that will be sent, old → new, before it leaves the form. */
export function ReviewStep({ correction, pdf, sending, error, onBack, onSend }: ReviewStepProps) {
  return (
    <section class="section review" aria-labelledby="review-heading">
      <h2 id="review-heading" tabIndex={-1}>
        {t('formReviewHeading')}
      </h2>
      <dl>
        {correction.changes.map((change) => (
          <Row key={change.field} label={t(fieldLabelKey(change.field))}>
            <OldToNew from={change.from === null ? null : String(change.from)} to={String(change.to)} />
          </Row>
        ))}
        {correction.authorChanges.length > 0 && (
          <Row label={t('formAuthorsLegend')}>
            <ul>
              {correction.authorChanges.map((change, i) => (
                <AuthorChangeItem key={i} change={change} />
              ))}
            </ul>
          </Row>
        )}
        {pdf && <Row label={t('formPdfLegend')}>{t('formPdfAttached', pdf.name, fileSizeText(pdf.size))}</Row>}
        {correction.comment && <Row label={t('formComment')}>{correction.comment}</Row>}
        {correction.evidenceUrl && <Row label={t('formEvidenceUrl')}>{correction.evidenceUrl}</Row>}
        <Row label={t('formSubmitterLegend')}>
          {t('formReviewSubmitter', correction.submitter.name, correction.submitter.email)}
        </Row>
      </dl>
      {error && (
        <p class="error banner" role="alert">
          {t('formSendRefused', error)}
        </p>
      )}
      <div class="submit-bar">
        <button type="button" onClick={onBack} disabled={sending}>
          {t('formBack')}
        </button>
        <button type="button" class="primary" onClick={onSend} disabled={sending}>
          {sending ? t('formSending') : t('formSend')}
        </button>
      </div>
    </section>
  );
}
