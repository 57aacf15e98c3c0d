import type { Problem } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import { problemText } from './text';

interface SubmitBarProps {
  problems: Problem[];
  onReview: () => void;
}

const REASON_ID = 'submit-reason';

/** Moves focus to the control a problem is about (a link's own jump would not focus it). */
function focusTarget(target: string): void {
  const control = document.getElementById(target);
  control?.focus();
  control?.scrollIntoView({ block: 'center' });
}

/**
 * The way to the review step. While anything keeps the form from being sent, the button stays
 * focusable (aria-disabled, not disabled: a disabled button is skipped by Tab, and its reason with
 * it) and the reasons are a polite live region listing every problem, each a link to its field.
 */
export function SubmitBar({ problems, onReview }: SubmitBarProps) {
  const blocked = problems.length > 0;
  return (
    <div class="submit-bar">
      <button
        type="submit"
        class="primary"
        aria-disabled={blocked ? 'true' : undefined}
        aria-describedby={REASON_ID}
        onClick={(e) => {
          e.preventDefault();
          if (!blocked) onReview();
          else document.querySelector<HTMLElement>(`#${REASON_ID} a`)?.focus();
        }}
      >
        {t('formReview')}
      </button>
      <div id={REASON_ID} class="submit-reason" aria-live="polite">
        {blocked && (
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.target}:${problem.message.key}`}>
                {problem.target ? (
                  <a
                    href={`#${problem.target}`}
                    onClick={(e) => {
                      e.preventDefault();
                      focusTarget(problem.target);
                    }}
                  >
                    {problemText(problem)}
                  </a>
                ) : (
                  problemText(problem)
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
