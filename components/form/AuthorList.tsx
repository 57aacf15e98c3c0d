import { useLayoutEffect, useRef } from 'preact/hooks';
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
  const list = useRef<HTMLOListElement>(null);
  // Where focus goes once the list has re-rendered: a moved row's buttons are new elements (and
  // the one pressed may now be disabled, at the top or bottom), a new author's fields are new.
  // Selectors in order of preference: the first that finds an enabled control wins.
  const focusNext = useRef<string[] | null>(null);
  const count = state.authors.length;
  useLayoutEffect(() => {
    const selectors = focusNext.current;
    if (!selectors) return;
    focusNext.current = null;
    const candidates = selectors.flatMap((selector) => [
      ...(list.current?.querySelectorAll<HTMLElement>(selector) ?? []),
    ]);
    const enabled = candidates.find((element) => !(element as HTMLButtonElement).disabled);
    (enabled ?? candidates[0])?.focus();
  });
  const move = (key: string, to: number) => {
    const author = state.authors.find((a) => a.key === key);
    const target = Math.max(0, Math.min(count - 1, to));
    if (!author || state.authors.indexOf(author) === target) return;
    const direction = target < state.authors.indexOf(author) ? 'up' : 'down';
    const other = direction === 'up' ? 'down' : 'up';
    // The same arrow while it can go on (a second press moves on the same way); at the top (or
    // bottom) the other one, in the same row. Not document order: the up arrow comes first.
    focusNext.current = [
      `[data-author-key="${key}"] [data-move="${direction}"]`,
      `[data-author-key="${key}"] [data-move="${other}"]`,
    ];
    dispatch({ type: 'moveAuthor', key, to: target });
    const name = authorDisplayName(author) || t('formAuthorUnnamed');
    announce(t('formAuthorMoved', name, String(target + 1), String(count)));
  };
  return (
    <fieldset class="section">
      <legend>{t('formAuthorsLegend')}</legend>
      <p class="hint">{t('formAuthorsHint')}</p>
      {count === 0 && <p class="muted">{t('formAuthorsNone')}</p>}
      <ol class="author-list" ref={list}>
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
      <button
        type="button"
        onClick={() => {
          // The new author's first field, above this button: where the user goes on typing.
          focusNext.current = [`#author-n${state.nextAuthorKey}-given`];
          dispatch({ type: 'addAuthor' });
        }}
      >
        {t('formAuthorAdd')}
      </button>
    </fieldset>
  );
}
