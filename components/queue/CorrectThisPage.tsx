import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { isArxivId, normaliseDoi } from '../../lib/identifiers';
import type { ResponseMap } from '../../lib/messaging/protocol';
import type { CorrectPageRequest, PaperSummary } from '../../lib/schema/messages';

/** What "Correct this page" needs from the extension; tests hand in fakes. */
export interface CorrectThisPageApi {
  /** The tab the popup was opened over. */
  currentTabId(): Promise<number | undefined>;
  pageState(tabId: number): Promise<ResponseMap['page/state']>;
  correctPage(tabId: number, request: CorrectPageRequest): Promise<ResponseMap['page/correct']>;
  /** The popup goes once the form is open (the panel takes focus). */
  closePopup(): void;
}

type Loaded =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number; state: ResponseMap['page/state'] }
  /** No tab to correct (the popup opened on its own). */
  | { kind: 'none' };

function paperName(paper: PaperSummary | undefined): string {
  return paper?.name ?? t('queueUntitled');
}

/** A DOI (any resolver form) or an arXiv id, as the manual entry's request; null when neither. */
export function manualIdentity(typed: string): { doi: string } | { arxivId: string } | null {
  const doi = normaliseDoi(typed);
  if (doi) return { doi };
  const arxiv = typed.trim().replace(/^arxiv:\s*/i, '');
  return isArxivId(arxiv) ? { arxivId: arxiv } : null;
}

/**
 * The popup's way in when there is no pencil: the form for the paper the page shows (on a list
 * page, the entry the reader picks), or for one the reader identifies by DOI or arXiv id.
 */
export function CorrectThisPage({ api }: { api: CorrectThisPageApi }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [chosen, setChosen] = useState(0);
  const [typedId, setTypedId] = useState('');
  const [typedTitle, setTypedTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  useEffect(() => {
    let live = true;
    (async () => {
      const tabId = await api.currentTabId();
      if (tabId === undefined) return { kind: 'none' } as const;
      return { kind: 'ready', tabId, state: await api.pageState(tabId) } as const;
    })().then(
      (next) => live && setLoaded(next),
      () => live && setLoaded({ kind: 'none' }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (loaded.kind !== 'ready') return null;
  const { tabId, state } = loaded;
  const papers = state.detection?.papers ?? [];

  const open = async (request: CorrectPageRequest) => {
    setOpening(true);
    setProblem(null);
    try {
      await api.correctPage(tabId, request);
      api.closePopup();
    } catch (error) {
      setProblem(t('reachFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      setOpening(false);
    }
  };

  const submitManual = (event: Event) => {
    event.preventDefault();
    const identity = manualIdentity(typedId);
    if (!identity) {
      setProblem(t('reachManualInvalid'));
      return;
    }
    const title = typedTitle.trim();
    void open({ manual: { ...identity, ...(title ? { title } : {}) } });
  };

  return (
    <section class="reach" aria-labelledby="reach-heading">
      <h2 id="reach-heading">{t('reachHeading')}</h2>
      {papers.length > 0 ? (
        <div class="reach-detected">
          {papers.length > 1 && (
            <>
              <p>{t('reachEntriesFound', papers.length)}</p>
              <label>
                {t('reachPickEntry')}
                <select value={String(chosen)} onChange={(e) => setChosen(Number(e.currentTarget.value))}>
                  {papers.map((paper, index) => (
                    <option key={index} value={String(index)}>
                      {paperName(paper)}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
          <p class="reach-target" data-testid="reach-target">
            {t('reachWillCorrect', paperName(papers[chosen]))}
          </p>
          <button type="button" disabled={opening} onClick={() => void open({ paperIndex: chosen })}>
            {t('reachCorrectPage')}
          </button>
        </div>
      ) : (
        <form class="reach-manual" onSubmit={submitManual} noValidate>
          <p>{t('reachNothingDetected')}</p>
          {!state.reachable && <p class="reach-hint">{t('reachNoReach')}</p>}
          <label>
            {t('reachManualId')}
            <input
              type="text"
              value={typedId}
              required
              aria-invalid={problem === t('reachManualInvalid')}
              onInput={(e) => setTypedId(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('reachManualTitle')}
            <input type="text" value={typedTitle} onInput={(e) => setTypedTitle(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={opening}>
            {t('reachCorrectPage')}
          </button>
        </form>
      )}
      {problem && (
        <p class="queue-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
