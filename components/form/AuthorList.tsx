import { useRef } from 'preact/hooks';
import { authorDisplayName } from '../../lib/form/author-changes';
import type { FormAction } from '../../lib/form/reducer';
import type { FormState } from '../../lib/form/state';
import { t } from '../../lib/i18n';
import { AuthorRow } from './AuthorRow';

interface AuthorListProps {
  state: FormState;
  dispatch: (action: FormAction) => void;
  /** Says a move out loud (live region): the list changed under a keyboard user's focus. */
  announce: (message: string) => void;
}

export function AuthorList({ state, dispatch, announce }: AuthorListProps) {
  const dragged = useRef<string | null>(null);
  const count = state.authors.length;
  const move = (key: string, to: number) => {
    const author = state.authors.find((a) => a.key === key);
    const target = Math.max(0, Math.min(count - 1, to));
    if (!author || state.authors.indexOf(author) === target) return;
    dispatch({ type: 'moveAuthor', key, to: target });
    const name = authorDisplayName(author) || t('formAuthorUnnamed');
    announce(t('formAuthorMoved', name, String(target + 1), String(count)));
  };
  return (
    <fieldset class="section">
      <legend>{t('formAuthorsLegend')}</legend>
      <p class="hint">{t('formAuthorsHint')}</p>
      {count === 0 && <p class="muted">{t('formAuthorsNone')}</p>}
      <ol class="author-list">
        {state.authors.map((author, position) => (
          <AuthorRow
            key={author.key}
            author={author}
            displayName={authorDisplayName(author)}
            position={position}
            count={count}
            expanded={state.expanded.includes(author.key)}
            touched={state.touched}
            dispatch={dispatch}
            onMove={(to) => move(author.key, to)}
            onDragStart={() => {
              dragged.current = author.key;
            }}
            onDrop={() => {
              if (dragged.current) move(dragged.current, position);
              dragged.current = null;
            }}
          />
        ))}
      </ol>
      <button type="button" onClick={() => dispatch({ type: 'addAuthor' })}>
        {t('formAuthorAdd')}
      </button>
    </fieldset>
  );
}
