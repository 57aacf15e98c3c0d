import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { defaultPopupApi, type PopupApi } from './api';
import { CorrectThisPage } from './CorrectThisPage';
import { QueuePanel } from './QueuePanel';

/** The toolbar popup: the outbox at a glance, and a nudge when no endpoint is set. */
export function Popup({ api = defaultPopupApi }: { api?: PopupApi }) {
  const [endpointMissing, setEndpointMissing] = useState(false);

  useEffect(() => {
    // Only a positive answer shows the notice: a failed read must not claim the endpoint is unset.
    api.getSettings().then(
      (settings) => setEndpointMissing(settings.endpointUrl.trim() === ''),
      () => setEndpointMissing(false),
    );
    // What became of sent corrections: asked at each opening (the worker keeps to the endpoint's
    // pace); the rows update as answers come in.
    api.checkStatuses().catch(() => undefined);
  }, [api]);

  const openOptions = () => void api.openOptions();

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('queueHeading')}</h1>
        <button type="button" onClick={openOptions}>
          {t('queueOptions')}
        </button>
      </header>
      {endpointMissing && (
        <p class="queue-notice">
          {t('queueNoEndpoint')}{' '}
          <button type="button" class="queue-link" onClick={openOptions}>
            {t('queueNoEndpointLink')}
          </button>
        </p>
      )}
      <CorrectThisPage api={api} />
      <QueuePanel api={api} />
    </main>
  );
}
