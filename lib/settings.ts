import { type PrivateDb, SETTINGS_KEY } from './background/private-db';
import { privateDb } from './background/private-store';
import { DEFAULT_SETTINGS, type Settings } from './schema/settings';

// The settings hold the token and the user's email, so they live in the extension origin's
// private IndexedDB (lib/background/private-db.ts), which no content script can open in any
// browser. Worker only: extension pages ask for them by message (settings/get, settings/save),
// content scripts may only ask whether their site is switched off (site/status).

type Listener = (settings: Settings) => void;
const listeners = new Set<Listener>();

export async function loadSettings(db: () => Promise<PrivateDb> = privateDb): Promise<Settings> {
  const stored = await (await db()).get('settings', SETTINGS_KEY);
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function saveSettings(settings: Settings, db: () => Promise<PrivateDb> = privateDb): Promise<void> {
  await (await db()).put('settings', settings, SETTINGS_KEY);
  for (const listener of listeners) listener(settings);
}

/**
 * Calls back after every save in this context (the worker's settings cache and its broadcast to
 * open extension pages); returns the unsubscribe.
 */
export function onSettingsSaved(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
