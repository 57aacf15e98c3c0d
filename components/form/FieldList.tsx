import { fieldSuggestion } from '../../lib/form/field-suggestion';
import type { FormAction } from '../../lib/form/reducer';
import { currentValueText, type FormState } from '../../lib/form/state';
import { fieldControlId, fieldLabelKey } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import { SCALAR_FIELDS } from '../../lib/schema/fields';
import type { PaperMetadata } from '../../lib/schema/paper';
import { FieldEditor } from './FieldEditor';
import { editButtonId } from './problem-links';

interface FieldListProps {
  paper: PaperMetadata;
  state: FormState;
  dispatch: (action: FormAction) => void;
}

/** One row per scalar field: its current value and an edit button that opens its editor. */
export function FieldList({ paper, state, dispatch }: FieldListProps) {
  return (
    <fieldset class="section">
      <legend>{t('formFieldsLegend')}</legend>
      <p class="hint">{t('formFieldsHint')}</p>
      <ul class="field-list">
        {SCALAR_FIELDS.map((field) => {
          const label = t(fieldLabelKey(field));
          const current = currentValueText(paper, field);
          const selected = state.selected.includes(field);
          const id = fieldControlId(field);
          return (
            <li key={field} class={selected ? 'field-row selected' : 'field-row'}>
              <div class="field-summary">
                <span class="field-name">{label}</span>
                <span class={current === null ? 'field-current muted' : 'field-current'}>
                  {current ?? t('formNotShown')}
                </span>
                <button
                  type="button"
                  id={editButtonId(field)}
                  class="edit-button"
                  aria-pressed={selected}
                  aria-label={t('formEditField', label)}
                  onClick={() => dispatch({ type: 'toggleField', field })}
                >
                  {t('formEdit')}
                </button>
              </div>
              {selected && (
                <FieldEditor
                  field={field}
                  label={label}
                  current={current}
                  value={state.suggestions[field] ?? ''}
                  suggestion={fieldSuggestion(paper, field, state.suggestions[field])}
                  touched={state.touched.includes(id)}
                  onInput={(value) => dispatch({ type: 'suggest', field, value })}
                  onBlur={() => dispatch({ type: 'touch', target: id })}
                />
              )}
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
