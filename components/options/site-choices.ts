import { t } from '../../lib/i18n';
import { SITE_ADAPTERS } from '../../lib/sites';
import type { SiteAdapter } from '../../lib/sites/types';

export interface SiteChoice {
  id: string;
  name: string;
}

/** The id under which pages no site adapter claims are switched off (settings.disabledSites). */
export const GENERIC_SITE_ID = 'generic';

/** Every site a user can switch off: the adapters, then every other page with standard metadata. */
export function siteChoices(adapters: readonly Pick<SiteAdapter, 'id' | 'name'>[] = SITE_ADAPTERS): SiteChoice[] {
  const choices = adapters
    .filter((adapter) => adapter.id !== GENERIC_SITE_ID)
    .map((adapter) => ({ id: adapter.id, name: adapter.name }));
  return [...choices, { id: GENERIC_SITE_ID, name: t('optionsSiteGeneric') }];
}
