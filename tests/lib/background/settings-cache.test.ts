import { describe, expect, it, vi } from 'vitest';
import { createSettingsCache } from '@/lib/background/settings-cache';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/schema/settings';
import { loadSettings, saveSettings } from '@/lib/settings';

const withEndpoint = (endpointUrl: string): Settings => ({ ...DEFAULT_SETTINGS, endpointUrl });

describe('settings cache', () => {
  it('reads storage once, then again after the settings change', async () => {
    await saveSettings(withEndpoint('https://one.example.org/in'));
    const load = vi.fn(loadSettings);
    const cache = createSettingsCache(load);
    expect((await cache.get()).endpointUrl).toBe('https://one.example.org/in');
    expect((await cache.get()).endpointUrl).toBe('https://one.example.org/in');
    expect(load).toHaveBeenCalledTimes(1);

    await saveSettings(withEndpoint('https://two.example.org/in'));
    await vi.waitFor(async () => expect((await cache.get()).endpointUrl).toBe('https://two.example.org/in'));
  });

  it('reads afresh after invalidate(), and does not keep a failed read', async () => {
    const load = vi
      .fn<() => Promise<Settings>>()
      .mockRejectedValueOnce(new Error('storage unavailable'))
      .mockResolvedValue(withEndpoint('https://one.example.org/in'));
    const cache = createSettingsCache(load, () => undefined);
    await expect(cache.get()).rejects.toThrow('storage unavailable');
    expect((await cache.get()).endpointUrl).toBe('https://one.example.org/in');
    cache.invalidate();
    await cache.get();
    expect(load).toHaveBeenCalledTimes(3);
  });
});
