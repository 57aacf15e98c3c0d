// Erratum 0.1 kept the settings (token, name, email) and the form drafts in storage.local, which
// content scripts can read in Firefox and before Chrome 140. They move once into the private
// database, and the keys are removed from storage.local at every start, so none stays behind.
//
// Once only, by design: after the first migration nothing in storage.local is ever imported
// again, because a content script (which a hostile page can drive) can write storage.local where
// the browser does not lock it, and must not be able to plant an endpoint or a token that way.
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings, SettingsSchema } from '../schema/settings';
import { type PrivateDb, SETTINGS_KEY } from './private-db';

/** WXT's `local:settings` item: its value and its version metadata. */
export const LEGACY_SETTINGS_KEYS = ['settings', 'settings$'] as const;
export const LEGACY_DRAFT_PREFIX = 'draft:';
const MIGRATED_KEY = 'storage-local-migrated';

/** The part of browser.storage.local the migration uses, so tests can hand in their own. */
export interface LegacyArea {
  get(keys: null): Promise<Record<string, unknown>>;
  remove(keys: string[]): Promise<void>;
}

const localArea = (): LegacyArea => browser.storage.local as unknown as LegacyArea;

function isLegacyKey(key: string): boolean {
  return (LEGACY_SETTINGS_KEYS as readonly string[]).includes(key) || key.startsWith(LEGACY_DRAFT_PREFIX);
}

/**
 * Keeps every setting that is still valid, field by field: an endpoint that a newer rule refuses
 * must not cost the user their token or their name.
 */
function legacySettings(stored: unknown): Settings {
  const record = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const kept: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const [field, schema] of Object.entries(SettingsSchema.shape)) {
    const parsed = schema.safeParse(record[field]);
    if (parsed.success) kept[field] = parsed.data;
  }
  return SettingsSchema.parse(kept);
}

/** Moves storage.local's settings and drafts into `db` (once), then removes them from storage.local. */
export async function migrateLegacyStorage(db: PrivateDb, area: LegacyArea = localArea()): Promise<void> {
  const stored = await area.get(null);
  const legacyKeys = Object.keys(stored).filter(isLegacyKey);
  // Durable before the originals are removed: a crash in between keeps the copy, not nothing.
  const tx = db.transaction(['settings', 'drafts', 'meta'], 'readwrite', { durability: 'strict' });
  if ((await tx.objectStore('meta').get(MIGRATED_KEY)) === undefined) {
    const settings = tx.objectStore('settings');
    if (stored.settings !== undefined && (await settings.get(SETTINGS_KEY)) === undefined)
      await settings.put(legacySettings(stored.settings), SETTINGS_KEY);
    const drafts = tx.objectStore('drafts');
    for (const key of legacyKeys) {
      if (!key.startsWith(LEGACY_DRAFT_PREFIX)) continue;
      const paper = key.slice(LEGACY_DRAFT_PREFIX.length);
      // As stored: loadDraft validates on every read, and a later schema may still read it.
      if ((await drafts.get(paper)) === undefined) await drafts.put(stored[key] as never, paper);
    }
    await tx.objectStore('meta').put(Date.now(), MIGRATED_KEY);
  }
  await tx.done;
  if (legacyKeys.length > 0) await area.remove(legacyKeys);
}
