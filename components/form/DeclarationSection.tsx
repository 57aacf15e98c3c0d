import type { FormAction } from '../../lib/form/reducer';
import type { FormState } from '../../lib/form/state';
import { t } from '../../lib/i18n';

interface DeclarationSectionProps {
  state: FormState;
  dispatch: (action: FormAction) => void;
}

export function DeclarationSection({ state, dispatch }: DeclarationSectionProps) {
  const showError = state.touched.includes('declaration') && !state.declaration;
  return (
    <fieldset class="section">
      <legend>
        {t('formDeclarationLegend')} <span aria-hidden="true">*</span>
      </legend>
      <div class="checkbox">
        <input
          id="declaration"
          type="checkbox"
          required
          checked={state.declaration}
          aria-invalid={showError}
          aria-describedby={showError ? 'declaration-error' : undefined}
          onChange={(e) => dispatch({ type: 'declare', value: e.currentTarget.checked })}
          onBlur={() => dispatch({ type: 'touch', target: 'declaration' })}
        />
        <label for="declaration">{t('formDeclarationText')}</label>
      </div>
      {showError && (
        <p id="declaration-error" class="error">
          {t('formErrorDeclaration')}
        </p>
      )}
    </fieldset>
  );
}
