import { t } from '../../lib/i18n';
import { endpointProblem, originPattern } from '../../lib/identifiers';
import { SubmitterSchema } from '../../lib/schema/correction';

const ENDPOINT_PROBLEM_KEYS = {
  invalid: 'optionsEndpointInvalid',
  insecure: 'optionsEndpointInsecure',
  credentials: 'optionsEndpointCredentials',
} as const;

/** What is wrong with an endpoint address, in words; null when it is fine or left empty. */
export function endpointProblemText(value: string): string | null {
  if (value.trim() === '') return null;
  const problem = endpointProblem(value.trim());
  return problem ? t(ENDPOINT_PROBLEM_KEYS[problem]) : null;
}

/**
 * The same email check the correction form applies (SubmitterSchema), so a default accepted
 * here is never refused there. Empty is fine: the default is optional.
 */
export function emailProblemText(value: string): string | null {
  if (value.trim() === '') return null;
  return SubmitterSchema.shape.email.safeParse(value.trim()).success ? null : t('optionsEmailInvalid');
}

/** The permission pattern for an endpoint, or null when it is not an address we would ask for. */
export function endpointOrigin(value: string): string | null {
  const url = value.trim();
  if (url === '' || endpointProblem(url)) return null;
  return originPattern(url);
}
