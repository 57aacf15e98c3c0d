import { type Browser, browser } from 'wxt/browser';
import type { EndpointTestResult } from '../../lib/messaging/protocol';
import { sendRequest } from '../../lib/messaging/send';
import { SettingsChangedSchema } from '../../lib/schema/messages';
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
  /** Calls back when the settings were saved anywhere (another options page); returns the unsubscribe. */
  subscribeSettings(listener: () => void): () => void;
}

export const defaultOptionsApi: OptionsApi = {
  getSettings: () => sendRequest('settings/get', {}),
  saveSettings: (settings) => sendRequest('settings/save', { settings }),
  testEndpoint: (endpointUrl, token) => sendRequest('endpoint/test', { endpointUrl, token }),
  requestOrigin: (pattern) => browser.permissions.request({ origins: [pattern] }),
  subscribeSettings(listener) {
    const onMessage = (message: unknown, sender: Browser.runtime.MessageSender) => {
      // Only this extension's worker announces saves; the news carries no setting, only a cue.
      if (sender.id === browser.runtime.id && SettingsChangedSchema.safeParse(message).success) listener();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  },
};
