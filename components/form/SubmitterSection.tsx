import type { FormAction } from '../../lib/form/reducer';
import type { FormState } from '../../lib/form/state';
import { emailProblem } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import { text } from './text';

interface SubmitterSectionProps {
  state: FormState;
  dispatch: (action: FormAction) => void;
}

/** Who asks, so the endpoint's curators can reply; prefilled from the options page. */
export function SubmitterSection({ state, dispatch }: SubmitterSectionProps) {
  const nameError = state.touched.includes('submitter-name') && state.name.trim() === '';
  const emailError = state.touched.includes('submitter-email') ? emailProblem(state.email) : null;
  return (
    <fieldset class="section">
      <legend>{t('formSubmitterLegend')}</legend>
      <p class="hint">
        {t('formSubmitterHint')} {t('formRequiredHint')}
      </p>
      <label for="submitter-name" class="required">
        {t('formSubmitterName')}
      </label>
      <input
        id="submitter-name"
        type="text"
        autocomplete="name"
        required
        value={state.name}
        aria-invalid={nameError}
        aria-describedby={nameError ? 'submitter-name-error' : undefined}
        onInput={(e) => dispatch({ type: 'set', key: 'name', value: e.currentTarget.value })}
        onBlur={() => dispatch({ type: 'touch', target: 'submitter-name' })}
      />
      {nameError && (
        <p id="submitter-name-error" class="error">
          {t('formErrorNameMissing')}
        </p>
      )}
      <label for="submitter-email" class="required">
        {t('formSubmitterEmail')}
      </label>
      <input
        id="submitter-email"
        type="email"
        autocomplete="email"
        required
        value={state.email}
        aria-invalid={emailError !== null}
        aria-describedby={emailError ? 'submitter-email-error' : undefined}
        onInput={(e) => dispatch({ type: 'set', key: 'email', value: e.currentTarget.value })}
        onBlur={() => dispatch({ type: 'touch', target: 'submitter-email' })}
      />
      {emailError && (
        <p id="submitter-email-error" class="error">
          {text(emailError)}
        </p>
      )}
    </fieldset>
  );
}
