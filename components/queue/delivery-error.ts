import { t } from '../../lib/i18n';
import type { DeliveryError } from '../../lib/schema/queue';

/**
 * A delivery failure in the user's language. The worker stores an English description for
 * export and logs; what the endpoint itself said is shown as the server wrote it.
 */
export function describeDeliveryError(error: DeliveryError): string {
  const server = error.serverMessage;
  const status = String(error.status ?? '');
  const withServer = (text: string) => (server ? t('deliveryErrorWithServer', text, server) : text);
  switch (error.kind) {
    case 'network':
      return t('deliveryErrorNetwork');
    case 'timeout':
      return t('deliveryErrorTimeout');
    case 'http':
      return withServer(error.status === 429 ? t('deliveryErrorSlowDown') : t('deliveryErrorServer', status));
    case 'rejected':
      return server ?? t('deliveryErrorRejected', status);
    case 'credentials':
      return withServer(t('deliveryErrorCredentials', status));
    case 'config':
      return withServer(error.status ? t('deliveryErrorAddress', status) : t('deliveryErrorEndpointSetting'));
    case 'storage':
      return t('deliveryErrorPdfMissing');
  }
}
