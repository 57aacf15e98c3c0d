import { browser } from 'wxt/browser';

/** Storage key of the sites the user switched off; the only setting page-side code reads. */
export const DISABLED_SITES_KEY = 'disabledSites';

export async function isSiteDisabled(siteId: string): Promise<boolean> {
  const stored = await browser.storage.local.get(DISABLED_SITES_KEY);
  const disabled = stored[DISABLED_SITES_KEY];
  return Array.isArray(disabled) && disabled.includes(siteId);
}
