import type { FormAction } from '../../lib/form/reducer';
import type { FormState } from '../../lib/form/state';
import { urlProblem } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import { text } from './text';

interface WhySectionProps {
  state: FormState;
  dispatch: (action: FormAction) => void;
}

/** Optional: why the correction is right, and where it can be checked. */
export function WhySection({ state, dispatch }: WhySectionProps) {
  const urlError = state.touched.includes('evidence-url') ? urlProblem(state.evidenceUrl) : null;
  return (
    <fieldset class="section">
      <legend>{t('formWhyLegend')}</legend>
      <label for="comment">{t('formComment')}</label>
      <textarea
        id="comment"
        rows={3}
        value={state.comment}
        onInput={(e) => dispatch({ type: 'set', key: 'comment', value: e.currentTarget.value })}
      />
      <label for="evidence-url">{t('formEvidenceUrl')}</label>
      <input
        id="evidence-url"
        type="url"
        value={state.evidenceUrl}
        placeholder="https://"
        aria-invalid={urlError !== null}
        aria-describedby={urlError ? 'evidence-url-hint evidence-url-error' : 'evidence-url-hint'}
        onInput={(e) => dispatch({ type: 'set', key: 'evidenceUrl', value: e.currentTarget.value })}
        onBlur={() => dispatch({ type: 'touch', target: 'evidence-url' })}
      />
      <p id="evidence-url-hint" class="hint">
        {t('formEvidenceUrlHint')}
      </p>
      {urlError && (
        <p id="evidence-url-error" class="error">
          {text(urlError)}
        </p>
      )}
    </fieldset>
  );
}
