import type { TargetedInputEvent } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { EndpointTestResult } from '../../lib/messaging/protocol';
import { errorMessage } from '../queue/error-message';
import type { OptionsApi } from './api';
import { endpointOrigin, endpointProblemText } from './settings-checks';

export interface EndpointFieldsProps {
  api: OptionsApi;
  endpointUrl: string;
  token: string;
  /** A problem found on save (invalid address, permission refused), shown under the address. */
  endpointError: string | null;
  onEndpointUrl(value: string): void;
  onToken(value: string): void;
}

function describeTest(result: EndpointTestResult): string {
  if (result.status === undefined)
    return result.ok ? t('optionsTestOkNoStatus', result.message) : t('optionsTestNoAnswer', result.message);
  return result.ok
    ? t('optionsTestOk', result.status, result.message)
    : t('optionsTestFailed', result.status, result.message);
}

/** Where corrections go and the token they carry, with a live check of both. */
export function EndpointFields(props: EndpointFieldsProps) {
  const { api, endpointUrl, token, endpointError } = props;
  const [showToken, setShowToken] = useState(false);
  const [testing, setTesting] = useState(false);
  const [testResult, setTestResult] = useState<{ ok: boolean; text: string } | null>(null);
  const problem = endpointError ?? endpointProblemText(endpointUrl);
  const tokenInput = {
    id: 'options-token',
    autoComplete: 'off',
    spellcheck: false,
    value: token,
    'aria-describedby': 'options-token-help',
    onInput: (event: TargetedInputEvent<HTMLInputElement>) => props.onToken(event.currentTarget.value),
  };

  const testConnection = () => {
    const origin = endpointOrigin(endpointUrl);
    if (!origin) {
      setTestResult({ ok: false, text: endpointProblemText(endpointUrl) ?? t('optionsTestNeedsUrl') });
      return;
    }
    // The worker can reach the server only with this origin's permission; the prompt needs the
    // click's user gesture, so it is asked for before anything else is awaited.
    const granted = api.requestOrigin(origin);
    setTesting(true);
    setTestResult(null);
    void (async () => {
      try {
        if (!(await granted)) setTestResult({ ok: false, text: t('optionsPermissionRefused', origin) });
        else {
          const result = await api.testEndpoint(endpointUrl.trim(), token);
          setTestResult({ ok: result.ok, text: describeTest(result) });
        }
      } catch (failure) {
        setTestResult({ ok: false, text: errorMessage(failure) });
      } finally {
        setTesting(false);
      }
    })();
  };

  return (
    <fieldset class="options-group">
      <legend>{t('optionsDeliveryHeading')}</legend>
      <div class="options-field">
        <label for="options-endpoint">{t('optionsEndpointLabel')}</label>
        <input
          id="options-endpoint"
          type="url"
          inputMode="url"
          autoComplete="url"
          spellcheck={false}
          placeholder="https://corrections.example.org/api"
          value={endpointUrl}
          aria-invalid={problem ? true : undefined}
          aria-describedby="options-endpoint-help options-endpoint-error"
          onInput={(event) => props.onEndpointUrl(event.currentTarget.value)}
        />
        <p id="options-endpoint-help" class="options-help">
          {t('optionsEndpointHelp')}
        </p>
        <p id="options-endpoint-error" class="options-error" aria-live="polite">
          {problem}
        </p>
      </div>
      <div class="options-field">
        <label for="options-token">{t('optionsTokenLabel')}</label>
        <div class="options-inline">
          {/* Two elements rather than one with a changing type: preact types `type` per element kind. */}
          {showToken ? <input type="text" {...tokenInput} /> : <input type="password" {...tokenInput} />}
          <button
            type="button"
            aria-pressed={showToken}
            aria-controls="options-token"
            onClick={() => setShowToken(!showToken)}
          >
            {showToken ? t('optionsTokenHide') : t('optionsTokenShow')}
          </button>
        </div>
        <p id="options-token-help" class="options-help">
          {t('optionsTokenHelp')}
        </p>
      </div>
      <div class="options-inline">
        <button type="button" disabled={testing} aria-busy={testing} onClick={testConnection}>
          {testing ? t('optionsTesting') : t('optionsTestConnection')}
        </button>
        <p
          class={testResult?.ok ? 'options-test options-test--ok' : 'options-test options-test--failed'}
          role="status"
          aria-live="polite"
        >
          {testResult?.text}
        </p>
      </div>
    </fieldset>
  );
}
