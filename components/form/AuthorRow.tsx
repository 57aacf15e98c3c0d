import type { FormAction } from '../../lib/form/reducer';
import type { AuthorDraft } from '../../lib/form/state';
import { t } from '../../lib/i18n';
import { AuthorEditor } from './AuthorEditor';

interface AuthorRowProps {
  author: AuthorDraft;
  displayName: string;
  position: number;
  count: number;
  expanded: boolean;
  touched: string[];
  dispatch: (action: FormAction) => void;
  onMove: (to: number) => void;
  onDragStart: () => void;
  onDrop: () => void;
}

/** One author: name, expand, move up/down, remove or undo; draggable for mouse users. */
export function AuthorRow(props: AuthorRowProps) {
  const { author, displayName, position, count, expanded, touched, dispatch, onMove } = props;
  const name = displayName || t('formAuthorUnnamed');
  const classes = ['author-row', author.removed && 'removed', author.origin === null && 'added'].filter(Boolean);
  return (
    <li
      class={classes.join(' ')}
      data-author-key={author.key}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        props.onDrop();
      }}
    >
      {/* Only the summary line drags: a draggable row would keep the editor's inputs from
          selecting text with the mouse (Firefox). */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dragging is for the mouse; the up/down buttons are the keyboard path */}
      <div
        class="author-summary"
        draggable
        onDragStart={(e) => {
          e.dataTransfer?.setData('text/plain', author.key);
          props.onDragStart();
        }}
      >
        <span class="drag-handle" aria-hidden="true">
          ⋮⋮
        </span>
        <span class="author-position">{position + 1}.</span>
        {author.removed ? <s class="author-name">{name}</s> : <span class="author-name">{name}</span>}
        {author.removed && <span class="tag">{t('formAuthorMarkedRemoved')}</span>}
        {author.origin === null && <span class="tag">{t('formAuthorNew')}</span>}
        <span class="author-actions">
          {!author.removed && (
            <button
              type="button"
              class="small"
              aria-expanded={expanded}
              aria-controls={`author-${author.key}-editor`}
              aria-label={t('formAuthorEditNamed', name)}
              onClick={() => dispatch({ type: 'toggleAuthor', key: author.key })}
            >
              {t('formEdit')}
            </button>
          )}
          <button
            type="button"
            class="small icon"
            data-move="up"
            aria-label={t('formAuthorMoveUp', name)}
            disabled={position === 0}
            onClick={() => onMove(position - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            class="small icon"
            data-move="down"
            aria-label={t('formAuthorMoveDown', name)}
            disabled={position === count - 1}
            onClick={() => onMove(position + 1)}
          >
            ↓
          </button>
          {author.removed ? (
            <button
              type="button"
              class="small"
              aria-label={t('formAuthorUndoNamed', name)}
              onClick={() => dispatch({ type: 'undoRemoveAuthor', key: author.key })}
            >
              {t('formUndo')}
            </button>
          ) : (
            <button
              type="button"
              class="small danger"
              aria-label={t('formAuthorRemoveNamed', name)}
              onClick={() => dispatch({ type: 'removeAuthor', key: author.key })}
            >
              {t('formRemove')}
            </button>
          )}
        </span>
      </div>
      {expanded && !author.removed && (
        <AuthorEditor author={author} displayName={displayName} touched={touched} dispatch={dispatch} />
      )}
    </li>
  );
}
