import type { FormAction } from '../../lib/form/reducer';
import type { AuthorDraft } from '../../lib/form/state';
import { authorControlId, orcidProblem } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import { text } from './text';

interface AuthorEditorProps {
  author: AuthorDraft;
  /** The row's name as shown, for labels that say which author a control belongs to. */
  displayName: string;
  touched: string[];
  dispatch: (action: FormAction) => void;
}

/** The expanded part of an author row: names, affiliations (one per line) and ORCID iD. */
export function AuthorEditor({ author, displayName, touched, dispatch }: AuthorEditorProps) {
  const base = `author-${author.key}`;
  const nameId = authorControlId(author, 'name');
  const orcidId = authorControlId(author, 'orcid');
  const orcid = touched.includes(orcidId) ? orcidProblem(author.orcid) : null;
  const nameMissing = touched.includes(nameId) && displayName === '';
  const edit = (part: 'name' | 'given' | 'family' | 'orcid') => (e: { currentTarget: HTMLInputElement }) =>
    dispatch({ type: 'editAuthor', key: author.key, part, value: e.currentTarget.value });
  const touch = (target: string) => () => dispatch({ type: 'touch', target });
  return (
    <div class="author-editor" id={`${base}-editor`}>
      <div class="author-names">
        <div>
          <label for={`${base}-given`}>{t('formAuthorGiven')}</label>
          <input id={`${base}-given`} type="text" value={author.given} onInput={edit('given')} />
        </div>
        <div>
          <label for={`${base}-family`}>{t('formAuthorFamily')}</label>
          <input id={`${base}-family`} type="text" value={author.family} onInput={edit('family')} />
        </div>
      </div>
      <label for={nameId}>{t('formAuthorDisplayName')}</label>
      <input
        id={nameId}
        type="text"
        value={author.name}
        aria-invalid={nameMissing}
        aria-describedby={nameMissing ? `${nameId}-error` : undefined}
        onInput={edit('name')}
        onBlur={touch(nameId)}
      />
      {nameMissing && (
        <p id={`${nameId}-error`} class="error">
          {t('formErrorAuthorName')}
        </p>
      )}
      <fieldset class="affiliations">
        <legend>{t('formAuthorAffiliations')}</legend>
        {author.affiliations.map((line, index) => {
          const id = `${base}-affiliation-${index}`;
          return (
            <div class="affiliation" key={index}>
              <label for={id} class="visually-hidden">
                {t('formAuthorAffiliationNumber', String(index + 1))}
              </label>
              <input
                id={id}
                type="text"
                value={line}
                onInput={(e) =>
                  dispatch({ type: 'setAffiliation', key: author.key, index, value: e.currentTarget.value })
                }
              />
              <button
                type="button"
                class="small"
                aria-label={t('formAuthorRemoveAffiliationNamed', String(index + 1))}
                onClick={() => dispatch({ type: 'removeAffiliation', key: author.key, index })}
              >
                {t('formRemove')}
              </button>
            </div>
          );
        })}
        <button type="button" class="small" onClick={() => dispatch({ type: 'addAffiliation', key: author.key })}>
          {t('formAuthorAddAffiliation')}
        </button>
      </fieldset>
      <label for={orcidId}>{t('formAuthorOrcid')}</label>
      <input
        id={orcidId}
        type="text"
        value={author.orcid}
        placeholder="0000-0000-0000-0000"
        aria-invalid={orcid !== null}
        aria-describedby={orcid ? `${orcidId}-error` : undefined}
        onInput={edit('orcid')}
        onBlur={touch(orcidId)}
      />
      {orcid && (
        <p id={`${orcidId}-error`} class="error">
          {text(orcid)}
        </p>
      )}
    </div>
  );
}
