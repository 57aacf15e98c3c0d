import { t } from '../../lib/i18n';

/** What the form is for and how to use it, before the first control. */
export function GuidanceIntro() {
  return (
    <section class="section intro" aria-labelledby="guidance-heading">
      <p>{t('formIntro')}</p>
      <h2 id="guidance-heading">{t('formGuidanceHeading')}</h2>
      <ul class="guidance">
        <li>{t('formGuidanceEdit')}</li>
        <li>{t('formGuidanceSuggest')}</li>
        <li>{t('formGuidanceAuthors')}</li>
        <li>{t('formGuidanceContact')}</li>
      </ul>
    </section>
  );
}
