import { t } from '../../lib/i18n';
import { defaultQueueApi, type QueueApi } from '../queue/api';
import { QueuePanel } from '../queue/QueuePanel';
import { defaultOptionsApi, type OptionsApi } from './api';
import { SettingsForm } from './SettingsForm';
import { type SiteChoice, siteChoices } from './site-choices';

export interface OptionsPageProps {
  api?: OptionsApi;
  queueApi?: QueueApi;
  sites?: SiteChoice[];
}

/** The options page: delivery settings, the submitter's defaults, sites on/off, and the queue. */
export function OptionsPage({
  api = defaultOptionsApi,
  queueApi = defaultQueueApi,
  sites = siteChoices(),
}: OptionsPageProps) {
  return (
    <main class="options">
      <h1>{t('optionsHeading')}</h1>
      <SettingsForm api={api} sites={sites} />
      <section class="options-queue" aria-labelledby="options-queue-heading">
        <h2 id="options-queue-heading">{t('optionsQueueHeading')}</h2>
        <QueuePanel api={queueApi} />
      </section>
    </main>
  );
}
