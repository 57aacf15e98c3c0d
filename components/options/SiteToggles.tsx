import { t } from '../../lib/i18n';
import type { SiteChoice } from './site-choices';

export interface SiteTogglesProps {
  sites: SiteChoice[];
  disabledSites: readonly string[];
  onChange(disabledSites: string[]): void;
}

/** One checkbox per site: checked shows Erratum's edit controls there. */
export function SiteToggles({ sites, disabledSites, onChange }: SiteTogglesProps) {
  const disabled = new Set(disabledSites);
  const toggle = (id: string, enabled: boolean) => {
    const next = new Set(disabled);
    if (enabled) next.delete(id);
    else next.add(id);
    onChange([...next]);
  };
  return (
    <fieldset class="options-group">
      <legend>{t('optionsSitesHeading')}</legend>
      <p class="options-help">{t('optionsSitesHelp')}</p>
      <ul class="options-sites">
        {sites.map((site) => (
          <li key={site.id}>
            <label>
              <input
                type="checkbox"
                checked={!disabled.has(site.id)}
                onChange={(event) => toggle(site.id, event.currentTarget.checked)}
              />
              {site.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
