import { browser } from 'wxt/browser';
import type { EndpointTestResult } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import type { Settings } from '../../lib/schema/settings';

/** Everything the options page needs from the extension; tests hand in fakes. */
export interface OptionsApi {
  getSettings(): Promise<Settings>;
  /** Resolves to the settings as stored; rejects with the background's refusal message. */
  saveSettings(settings: Settings): Promise<Settings>;
  testEndpoint(endpointUrl: string, token: string): Promise<EndpointTestResult>;
  /**
   * Asks the user to let Erratum reach an origin. Browsers show the prompt only during a user
   * gesture, so call it straight from a click handler, before awaiting anything else.
   */
  requestOrigin(pattern: string): Promise<boolean>;
}

export const defaultOptionsApi: OptionsApi = {
  getSettings: () => sendRequest('settings/get', {}),
  saveSettings: (settings) => sendRequest('settings/save', { settings }),
  testEndpoint: (endpointUrl, token) => sendRequest('endpoint/test', { endpointUrl, token }),
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
};
