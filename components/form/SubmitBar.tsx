import type { Problem } from '../../lib/form/validation';
import { t } from '../../lib/i18n';
import { problemText } from './text';

interface SubmitBarProps {
  problems: Problem[];
  onReview: () => void;
}

/** The way to the review step, closed while anything keeps the form from being sent. */
export function SubmitBar({ problems, onReview }: SubmitBarProps) {
  const first = problems[0];
  return (
    <div class="submit-bar">
      <button
        type="submit"
        class="primary"
        disabled={first !== undefined}
        aria-describedby={first ? 'submit-reason' : undefined}
        onClick={(e) => {
          e.preventDefault();
          onReview();
        }}
      >
        {t('formReview')}
      </button>
      {first && (
        <p id="submit-reason" class="submit-reason">
          {problemText(first)}
        </p>
      )}
    </div>
  );
}
