import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { migrateLegacyStorage } from '@/lib/background/legacy-storage';
import { closePrivateDb, openPrivateDb } from '@/lib/background/private-db';
import { type FormDraft, loadDraft } from '@/lib/drafts';
import { initialFormState } from '@/lib/form/state';
import type { Settings } from '@/lib/schema/settings';
import { loadSettings, saveSettings } from '@/lib/settings';
import { detectedPaper } from '../form/paper-fixture';

const TOKEN = 'tok-legacy-9f2c';
const EMAIL = 'ada.private@example.org';

const OLD_SETTINGS: Settings = {
  endpointUrl: 'https://corrections.example.org/in',
  token: TOKEN,
  submitter: { name: 'Ada Lovelace', email: EMAIL },
  disabledSites: ['arxiv', 'generic'],
};

function oldDraft(title: string): FormDraft {
  const state = initialFormState(detectedPaper(), { name: 'Ada Lovelace', email: EMAIL });
  return { version: 1, savedAt: 5, hadPdf: false, state: { ...state, selected: ['title'], suggestions: { title } } };
}

/** storage.local as Erratum 0.1 left it: WXT's `local:settings` item (version 1) and draft:<paper> keys. */
async function writeAsVersion01(): Promise<void> {
  await storage.defineItem<Settings>('local:settings', { version: 1 }).setValue(OLD_SETTINGS);
  await browser.storage.local.set({
    'draft:doi:10.1000/abc': oldDraft('On Computable Numbers'),
    'draft:arxiv:2101.01234': oldDraft('Tidal Mixing'),
    unrelated: 'kept',
  });
}

const everythingInLocal = async () => JSON.stringify(await browser.storage.local.get(null));

describe('moving settings and drafts out of storage.local', () => {
  it('keeps every value, on the first read, and leaves no secret in storage.local', async () => {
    await writeAsVersion01();
    expect(await everythingInLocal()).toContain(TOKEN);

    expect(await loadSettings()).toEqual(OLD_SETTINGS);
    expect(await loadDraft('doi:10.1000/abc')).toEqual(oldDraft('On Computable Numbers'));
    expect(await loadDraft('arxiv:2101.01234')).toEqual(oldDraft('Tidal Mixing'));

    const left = await browser.storage.local.get(null);
    expect(left).toEqual({ unrelated: 'kept' });
    expect(await everythingInLocal()).not.toContain(TOKEN);
    expect(await everythingInLocal()).not.toContain(EMAIL);
  });

  it('is idempotent: running again (a new worker, an update) changes nothing', async () => {
    await writeAsVersion01();
    const db = await openPrivateDb();
    await migrateLegacyStorage(db);
    await migrateLegacyStorage(db);
    await closePrivateDb();
    await migrateLegacyStorage(await openPrivateDb());
    expect(await loadSettings()).toEqual(OLD_SETTINGS);
    expect(await loadDraft('doi:10.1000/abc')).toEqual(oldDraft('On Computable Numbers'));
    expect(await browser.storage.local.get(null)).toEqual({ unrelated: 'kept' });
  });

  it('never imports storage.local again once migrated, so a content script cannot plant settings', async () => {
    await writeAsVersion01();
    await loadSettings();
    await saveSettings({ ...OLD_SETTINGS, token: 'newer-token' });
    // What a content script could write where the browser does not lock storage.local.
    await browser.storage.local.set({
      settings: { ...OLD_SETTINGS, endpointUrl: 'https://thief.example.net/in', token: 'planted' },
      'draft:doi:10.1000/new': oldDraft('Planted'),
    });
    await closePrivateDb();
    expect(await loadSettings()).toEqual({ ...OLD_SETTINGS, token: 'newer-token' });
    expect(await loadDraft('doi:10.1000/new')).toBeNull();
    expect(await browser.storage.local.get(null)).toEqual({ unrelated: 'kept' });
  });

  it('keeps the token and name when an old endpoint no longer passes the rules', async () => {
    await browser.storage.local.set({
      settings: { ...OLD_SETTINGS, endpointUrl: 'http://corrections.example.org/in' },
    });
    expect(await loadSettings()).toEqual({ ...OLD_SETTINGS, endpointUrl: '' });
  });

  it('does not overwrite settings saved in the database before the migration ran', async () => {
    const db = await openPrivateDb();
    await db.put('settings', { ...OLD_SETTINGS, token: 'already-here' }, 'settings');
    await writeAsVersion01();
    expect((await loadSettings()).token).toBe('already-here');
    expect(await everythingInLocal()).not.toContain(TOKEN);
  });
});
