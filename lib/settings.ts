import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './schema/settings';
import { DISABLED_SITES_KEY } from './site-toggle';

// Settings live in extension storage. Only extension pages and the worker read this item; the
// content script reads nothing but `disabledSitesItem`, so the token and the user's email never
// reach page-side code.
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The one setting page-side code needs, kept apart from the secrets. */
export const disabledSitesItem = storage.defineItem<string[]>(`local:${DISABLED_SITES_KEY}`, {
  fallback: [],
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
  await disabledSitesItem.setValue(settings.disabledSites);
}
