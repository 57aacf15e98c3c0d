import { t } from '../../lib/i18n';

/** What to tell the user about a failure: the background's refusal as is, or a generic line. */
export function errorMessage(error: unknown): string {
  return error instanceof Error && error.message ? error.message : t('queueErrorUnknown');
}
