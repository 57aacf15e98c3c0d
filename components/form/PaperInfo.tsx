import { t } from '../../lib/i18n';
import type { PaperMetadata } from '../../lib/schema/paper';

interface Row {
  labelKey: string;
  value: string | null;
}

/** The paper as detected on the page. Page text is hostile: rendered as text, never as HTML. */
export function PaperInfo({ paper }: { paper: PaperMetadata }) {
  const rows: Row[] = [
    { labelKey: 'formFieldTitle', value: paper.title },
    { labelKey: 'formFieldAuthors', value: paper.authors.map((a) => a.name).join(', ') || null },
    { labelKey: 'formFieldVenue', value: paper.venue },
    { labelKey: 'formFieldVolume', value: paper.volume },
    { labelKey: 'formFieldIssue', value: paper.issue },
    { labelKey: 'formFieldPages', value: paper.pages },
    { labelKey: 'formFieldPublisher', value: paper.publisher },
    { labelKey: 'formFieldLanguage', value: paper.language },
    { labelKey: 'formFieldDate', value: paper.date ?? (paper.year === null ? null : String(paper.year)) },
    { labelKey: 'formFieldDoi', value: paper.doi },
    { labelKey: 'formFieldArxivId', value: paper.arxivId },
    { labelKey: 'formFieldPdfUrl', value: paper.pdfUrl },
  ];
  return (
    <section class="section" aria-labelledby="paper-info-heading">
      <h2 id="paper-info-heading">{t('formPaperInfo')}</h2>
      <dl class="paper-info">
        {rows
          .filter((row) => row.value !== null)
          .map((row) => (
            <div class="paper-info-row" key={row.labelKey}>
              <dt>{t(row.labelKey)}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
