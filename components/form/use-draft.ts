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

/** A draft put back: hadPdf says its PDF has to be attached again. */
export interface RestoredDraft {
  hadPdf: boolean;
  /** The id the draft was sent under before (its answer may have been lost). */
  correctionId?: string;
  /** The state as restored: the form compares it with what it is about to send. */
  state: FormState;
}

export interface DraftControls {
  /** Set once a saved draft was put back. */
  restored: RestoredDraft | null;
  /** Before a Send: saves the draft now with the id it is sent under. */
  keepId: (correctionId: string) => Promise<void>;
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
  const [restored, setRestored] = useState<RestoredDraft | null>(null);
  const [loaded, setLoaded] = useState(false);
  const loadedRef = useRef(false);
  // The state as loaded or last saved: nothing to save while the form still shows it.
  const baseline = useRef<FormState>(state);
  const latest = useRef({ state, hasPdf });
  latest.current = { state, hasPdf };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const finished = useRef(false);
  const correctionId = useRef<string | undefined>(undefined);

  const write = useCallback(() => {
    const current = latest.current;
    baseline.current = current.state;
    return api.saveDraft(key, {
      version: 1,
      savedAt: Date.now(),
      hadPdf: current.hasPdf,
      ...(correctionId.current ? { correctionId: correctionId.current } : {}),
      state: current.state,
    });
  }, [api, key]);

  const saveNow = useCallback(async () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    if (finished.current || latest.current.state === baseline.current) return;
    await write();
  }, [write]);

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
          correctionId.current = draft.correctionId;
          dispatch({ type: 'replace', state: restoredState });
          setRestored({ hadPdf: draft.hadPdf, correctionId: draft.correctionId, state: restoredState });
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
    correctionId.current = undefined;
    await api.clearDraft(key);
  }, [api, key, fresh, dispatch]);

  const keepId = useCallback(
    async (id: string) => {
      clearTimeout(timer.current);
      timer.current = undefined;
      correctionId.current = id;
      if (!finished.current) await write();
    },
    [write],
  );

  const finish = useCallback(async () => {
    finished.current = true;
    clearTimeout(timer.current);
    timer.current = undefined;
    await api.clearDraft(key);
  }, [api, key]);

  return { restored, keepId, discard, finish, flush };
}
