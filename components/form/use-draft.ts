import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { FormAction } from '../../lib/form/reducer';
import { type FormState, type OpenAt, openAtSelection } from '../../lib/form/state';
import type { FormApi } from './api';

interface DraftOptions {
  key: string;
  state: FormState;
  dispatch: (action: FormAction) => void;
  /** The state a discarded draft goes back to. */
  fresh: () => FormState;
  openAt: OpenAt;
  hasPdf: boolean;
  api: Pick<FormApi, 'loadDraft' | 'saveDraft' | 'clearDraft'>;
  delayMs: number;
}

export interface DraftControls {
  /** Set once a saved draft was put back; hadPdf says its PDF has to be attached again. */
  restored: { hadPdf: boolean } | null;
  discard: () => Promise<void>;
  /** After sending: forget the draft and save nothing more. */
  finish: () => Promise<void>;
  /** Saves what is on screen now, debounce or not; resolves once the worker has it. */
  flush: () => Promise<void>;
}

/**
 * Keeps the form's state in a draft as the user types (debounced), and puts it back when the same
 * paper's form reopens. The last keystrokes, still inside the debounce, are saved at once when the
 * form is hidden (visibilitychange, which fires while a closing tab can still send a message;
 * pagehide comes later, often too late to finish) and before the panel closes (flush).
 */
export function useDraft({ key, state, dispatch, fresh, openAt, hasPdf, api, delayMs }: DraftOptions): DraftControls {
  const [restored, setRestored] = useState<{ hadPdf: boolean } | null>(null);
  const [loaded, setLoaded] = useState(false);
  const loadedRef = useRef(false);
  // The state as loaded or last saved: nothing to save while the form still shows it.
  const baseline = useRef<FormState>(state);
  const latest = useRef({ state, hasPdf });
  latest.current = { state, hasPdf };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const finished = useRef(false);

  const saveNow = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const current = latest.current;
    if (finished.current || current.state === baseline.current) return;
    baseline.current = current.state;
    await api.saveDraft(key, { version: 1, savedAt: Date.now(), hadPdf: current.hasPdf, state: current.state });
  }, [api, key]);

  useEffect(() => {
    let cancelled = false;
    void api
      .loadDraft(key)
      .catch(() => null)
      .then((draft) => {
        if (cancelled) return;
        if (draft) {
          const restoredState = openAtSelection(draft.state, openAt);
          baseline.current = restoredState;
          dispatch({ type: 'replace', state: restoredState });
          setRestored({ hadPdf: draft.hadPdf });
        }
        // Without a draft the baseline stays the state the form opened with, so that anything
        // typed while the draft was loading is still saved.
        loadedRef.current = true;
        setLoaded(true);
      });
    return () => {
      cancelled = true;
    };
    // Loaded once per form; openAt and dispatch do not change while it is open.
  }, [api, key]);

  useEffect(() => {
    if (!loaded || state === baseline.current || finished.current) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow().catch(() => undefined), delayMs);
  }, [loaded, state, delayMs, saveNow]);

  useEffect(() => {
    // Until the draft has loaded, saving could overwrite one the user has not seen yet.
    const flush = () => {
      if (loadedRef.current) void saveNow().catch(() => undefined);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, [saveNow]);

  const flush = useCallback(async () => {
    if (loadedRef.current) await saveNow();
  }, [saveNow]);

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const next = fresh();
    baseline.current = next;
    dispatch({ type: 'replace', state: next });
    setRestored(null);
    await api.clearDraft(key);
  }, [api, key, fresh, dispatch]);

  const finish = useCallback(async () => {
    finished.current = true;
    clearTimeout(timer.current);
    timer.current = undefined;
    await api.clearDraft(key);
  }, [api, key]);

  return { restored, discard, finish, flush };
}
