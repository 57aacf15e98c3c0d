import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Settings } from '../../lib/schema/settings';
import { errorMessage } from '../queue/error-message';
import type { OptionsApi } from './api';
import { EndpointFields } from './EndpointFields';
import { SiteToggles } from './SiteToggles';
import { SubmitterFields } from './SubmitterFields';
import { emailProblemText, endpointOrigin, endpointProblemText } from './settings-checks';
import type { SiteChoice } from './site-choices';

export interface SettingsFormProps {
  api: OptionsApi;
  sites: SiteChoice[];
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'refused'; message: string };

/** Loads the settings, lets the user edit them, and saves them once the endpoint is allowed. */
export function SettingsForm({ api, sites }: SettingsFormProps) {
  const [draft, setDraft] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [endpointError, setEndpointError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const formRef = useRef<HTMLFormElement>(null);

  // The settings as last loaded or saved: while the form still shows them, it has no edits.
  const stored = useRef<Settings | null>(null);
  const shown = useRef<Settings | null>(null);
  shown.current = draft;
  const show = (settings: Settings) => {
    stored.current = settings;
    setDraft(settings);
  };

  useEffect(() => {
    api.getSettings().then(show, (failure) => setLoadError(errorMessage(failure)));
    return api.subscribeSettings(() => {
      // Saved elsewhere (another options page): shown here too, unless the user is editing.
      void api.getSettings().then(
        (fresh) => {
          if (shown.current === stored.current) show(fresh);
        },
        () => undefined,
      );
    });
  }, [api]);

  if (loadError)
    return (
      <p class="options-error" role="alert">
        {t('optionsLoadFailed', loadError)}
      </p>
    );
  if (!draft) return <p>{t('optionsLoading')}</p>;

  const edit = (change: Partial<Settings>) => {
    setDraft({ ...draft, ...change });
    if (save.kind !== 'saving') setSave({ kind: 'idle' });
  };
  const editSubmitter = (change: Partial<Settings['submitter']>) =>
    edit({ submitter: { ...draft.submitter, ...change } });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const endpointUrl = draft.endpointUrl.trim();
    const urlProblem = endpointProblemText(endpointUrl);
    if (urlProblem || emailProblemText(draft.submitter.email)) {
      setEndpointError(urlProblem);
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const settings: Settings = {
      ...draft,
      endpointUrl,
      submitter: { name: draft.submitter.name.trim(), email: draft.submitter.email.trim() },
    };
    const origin = endpointOrigin(endpointUrl);
    // Ask for the endpoint's origin first, inside the submit's user gesture: browsers refuse to
    // show the permission prompt once anything else has been awaited.
    const granted = origin ? api.requestOrigin(origin) : Promise.resolve(true);
    setSave({ kind: 'saving' });
    void (async () => {
      try {
        if (origin && !(await granted)) {
          setEndpointError(t('optionsPermissionRefused', origin));
          setSave({ kind: 'idle' });
          return;
        }
      } catch (failure) {
        // e.g. an origin the manifest does not list as optional.
        setEndpointError(t('optionsPermissionFailed', errorMessage(failure)));
        setSave({ kind: 'idle' });
        return;
      }
      try {
        show(await api.saveSettings(settings));
        setSave({ kind: 'saved' });
      } catch (failure) {
        setSave({ kind: 'refused', message: errorMessage(failure) });
      }
    })();
  };

  return (
    <form ref={formRef} class="options-form" noValidate onSubmit={onSubmit}>
      <EndpointFields
        api={api}
        endpointUrl={draft.endpointUrl}
        token={draft.token}
        endpointError={endpointError}
        onEndpointUrl={(endpointUrl) => {
          setEndpointError(null);
          edit({ endpointUrl });
        }}
        onToken={(token) => edit({ token })}
      />
      <SubmitterFields
        name={draft.submitter.name}
        email={draft.submitter.email}
        onName={(name) => editSubmitter({ name })}
        onEmail={(email) => editSubmitter({ email })}
      />
      <SiteToggles
        sites={sites}
        disabledSites={draft.disabledSites}
        onChange={(disabledSites) => edit({ disabledSites })}
      />
      <div class="options-inline">
        <button type="submit" class="primary" disabled={save.kind === 'saving'}>
          {save.kind === 'saving' ? t('optionsSaving') : t('optionsSave')}
        </button>
        <p class={save.kind === 'refused' ? 'options-error' : 'options-saved'} role="status" aria-live="polite">
          {save.kind === 'saved' && t('optionsSaved')}
          {save.kind === 'refused' && save.message}
        </p>
      </div>
    </form>
  );
}
