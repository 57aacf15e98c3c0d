import { useState } from 'preact/hooks';
import type { FieldSuggestion } from '../../lib/form/field-suggestion';
import { fieldControlId } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import type { ScalarField } from '../../lib/schema/fields';

interface FieldEditorProps {
  field: ScalarField;
  label: string;
  current: string | null;
  value: string;
  suggestion: FieldSuggestion;
  /** Errors show once the user has left the input, not while they are still typing it. */
  touched: boolean;
  onInput: (value: string) => void;
  onBlur: () => void;
}

const HINT_KEYS: Partial<Record<ScalarField, string>> = {
  date: 'formHintDate',
  doi: 'formHintDoi',
  arxivId: 'formHintArxivId',
  pmid: 'formHintPmid',
  pdfUrl: 'formHintUrl',
};

export function FieldEditor({ field, label, current, value, suggestion, touched, onInput, onBlur }: FieldEditorProps) {
  // A number input reports text that is not a number as '' (validity.badInput): remember it, so
  // that "20x4" is called out instead of silently counting as empty.
  const [badNumber, setBadNumber] = useState(false);
  const id = fieldControlId(field);
  const errorKey = badNumber ? 'formErrorYear' : suggestion.kind === 'invalid' ? suggestion.messageKey : null;
  const showError = touched && errorKey !== null;
  const noteKey =
    suggestion.kind === 'same' ? 'formNoteSame' : suggestion.kind === 'empty' && !badNumber ? 'formNoteEmpty' : null;
  // An empty suggestion is where every field starts: a quiet hint, not a warning.
  const noteClass = noteKey === 'formNoteEmpty' ? 'hint' : 'note';
  const hintKey = HINT_KEYS[field];
  const describedBy = [showError && `${id}-error`, noteKey && `${id}-note`, hintKey && `${id}-hint`]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    'aria-invalid': showError,
    'aria-describedby': describedBy || undefined,
    onBlur,
  };
  return (
    <div class="field-editor">
      <div class="current-value">
        <span class="label">{t('formCurrentValue')}</span>
        <span class={current === null ? 'muted' : 'value'}>{current ?? t('formNotShown')}</span>
      </div>
      <label for={id}>{t('formSuggestedCorrection', label)}</label>
      {field === 'abstract' ? (
        <textarea {...common} rows={8} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : field === 'year' ? (
        <input
          {...common}
          type="number"
          inputMode="numeric"
          min={1000}
          max={3000}
          step={1}
          onInput={(e) => {
            setBadNumber(e.currentTarget.validity?.badInput ?? false);
            onInput(e.currentTarget.value);
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={field === 'pdfUrl' ? 'url' : 'text'}
          spellcheck={field === 'title' || field === 'venue'}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      {hintKey && (
        <p id={`${id}-hint`} class="hint">
          {t(hintKey)}
        </p>
      )}
      {showError && errorKey && (
        <p id={`${id}-error`} class="error">
          {t(errorKey)}
        </p>
      )}
      {noteKey && (
        <p id={`${id}-note`} class={noteClass}>
          {t(noteKey)}
        </p>
      )}
    </div>
  );
}
