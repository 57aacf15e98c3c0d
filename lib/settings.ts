import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './schema/settings';

// Settings live in extension storage, which the worker restricts to trusted contexts (extension
// pages and the worker) where the browser allows it: the token and the user's email never
// reach page-side code. Content scripts ask the worker whether their site is switched off.
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}
