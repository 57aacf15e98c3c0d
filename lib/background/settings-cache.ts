// Delivery reads the settings before every claim, so that a new endpoint or token applies to
// everything not yet in flight. Reading extension storage that often was a large part of the cost
// of delivering a big queue; the settings are kept here and read again whenever they change.
// Only the worker writes them (settings/save), so a save in this context is every change.
import type { Settings } from '../schema/settings';
import { loadSettings, onSettingsSaved } from '../settings';

export interface SettingsCache {
  get(): Promise<Settings>;
  /** Forget what was read: the next get() reads the database. */
  invalidate(): void;
}

export function createSettingsCache(
  load: () => Promise<Settings> = loadSettings,
  watch: (onChange: () => void) => unknown = onSettingsSaved,
): SettingsCache {
  let cached: Promise<Settings> | undefined;
  const invalidate = () => {
    cached = undefined;
  };
  watch(invalidate);
  return {
    get() {
      if (!cached) {
        const reading = load();
        cached = reading;
        // A failed read is not kept: the next claim tries again.
        reading.catch(() => {
          if (cached === reading) cached = undefined;
        });
      }
      return cached;
    },
    invalidate,
  };
}
