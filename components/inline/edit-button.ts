// The small pencil beside a field, the one piece of UI that loads before any click. It is a single
// native button built with DOM calls: no markup string is ever parsed, and its label (which may
// carry an author's name read from the page) is set as an attribute, so page text stays text.
// Preact would cost 3.5 KB gzipped of the content script's 20 KB budget to render this one
// element; all UI a user reads or fills in (form, popup, options) is Preact.
import type { ControlField } from '@/lib/schema/fields';

const SVG = 'http://www.w3.org/2000/svg';
const PENCIL_PATHS = ['M12 20h9', 'M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z'];
// The author-list pencil sits next to the last author's: lines of a list beside a smaller pencil,
// so the two never look alike (issue #18).
const LIST_PATHS = ['M3 4h7', 'M3 9h5', ...PENCIL_PATHS];

interface EditButtonOptions {
  field: ControlField;
  label: string;
  onActivate: (button: HTMLButtonElement) => void;
  /** The page's own colour behind the pencil (`rgb(…)`), so it is no box of another colour. */
  background: string;
}

/** Only real user clicks (and keys, which browsers turn into trusted clicks) open the form. */
export function createEditButton(
  doc: Document,
  { field, label, onActivate, background }: EditButtonOptions,
): HTMLButtonElement {
  const button = doc.createElement('button');
  button.type = 'button';
  button.dataset.erratumField = field;
  button.title = label;
  button.setAttribute('aria-label', label);
  button.style.backgroundColor = background;
  button.addEventListener('click', (event) => {
    // The control may sit inside page markup with its own click handlers.
    event.preventDefault();
    event.stopPropagation();
    // A page can dispatch synthetic clicks on our control; those open nothing.
    if (!event.isTrusted) return;
    onActivate(button);
  });
  const icon = doc.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  for (const d of field === 'authors' ? LIST_PATHS : PENCIL_PATHS) {
    const path = doc.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    icon.append(path);
  }
  button.append(icon);
  return button;
}
