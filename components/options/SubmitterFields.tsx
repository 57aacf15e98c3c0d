import { t } from '../../lib/i18n';
import { emailProblemText } from './settings-checks';

export interface SubmitterFieldsProps {
  name: string;
  email: string;
  onName(value: string): void;
  onEmail(value: string): void;
}

/** The name and email that prefill every correction form. */
export function SubmitterFields({ name, email, onName, onEmail }: SubmitterFieldsProps) {
  const emailProblem = emailProblemText(email);
  return (
    <fieldset class="options-group">
      <legend>{t('optionsSubmitterHeading')}</legend>
      <p class="options-help">{t('optionsSubmitterHelp')}</p>
      <div class="options-field">
        <label for="options-name">{t('optionsNameLabel')}</label>
        <input
          id="options-name"
          type="text"
          autoComplete="name"
          maxLength={300}
          value={name}
          onInput={(event) => onName(event.currentTarget.value)}
        />
      </div>
      <div class="options-field">
        <label for="options-email">{t('optionsEmailLabel')}</label>
        <input
          id="options-email"
          type="email"
          autoComplete="email"
          maxLength={300}
          value={email}
          aria-invalid={emailProblem ? true : undefined}
          aria-describedby="options-email-error"
          onInput={(event) => onEmail(event.currentTarget.value)}
        />
        <p id="options-email-error" class="options-error" aria-live="polite">
          {emailProblem}
        </p>
      </div>
    </fieldset>
  );
}
