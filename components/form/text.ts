import type { Message } from '../../lib/form/validation';
import { t } from '../../lib/i18n';

/** A validation message in the UI language. */
export function text(message: Message): string {
  return t(message.key, ...(message.args ?? []));
}

/** "DOI: Enter a DOI such as 10.1234/abcd." — a problem that names what it is about. */
export function problemText(problem: { message: Message; subject?: Message }): string {
  return problem.subject
    ? t('formReasonWithSubject', text(problem.subject), text(problem.message))
    : text(problem.message);
}
