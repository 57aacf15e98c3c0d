import type { ControlField } from '@/lib/schema/fields';

interface EditButtonProps {
  field: ControlField;
  label: string;
  onActivate: (button: HTMLButtonElement) => void;
}

/** The small pencil beside a field. Only real user clicks (and keys) open the form. */
export function EditButton({ field, label, onActivate }: EditButtonProps) {
  return (
    <button
      type="button"
      data-erratum-field={field}
      title={label}
      aria-label={label}
      onClick={(event) => {
        // The control may sit inside page markup with its own click handlers.
        event.preventDefault();
        event.stopPropagation();
        // A page can dispatch synthetic clicks on our control; those open nothing.
        if (!event.isTrusted) return;
        onActivate(event.currentTarget);
      }}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M12 20h9" />
        <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
      </svg>
    </button>
  );
}
