import { endpointProblem } from '../identifiers';

/**
 * Why an endpoint address cannot be used, in the user's words, or null when it can. Checked again
 * at every use: settings written by an older version, or edited by hand, were never validated by
 * this version's form.
 */
export function endpointAddressProblem(endpointUrl: string): string | null {
  switch (endpointProblem(endpointUrl)) {
    case 'invalid':
      return 'The endpoint address is not a valid https:// address; correct it in the settings.';
    case 'insecure':
      return 'The endpoint must use https (plain http is allowed only for localhost); correct it in the settings.';
    case 'credentials':
      return 'The endpoint address contains a user name or password; put the token in the token field instead.';
    default:
      return null;
  }
}
