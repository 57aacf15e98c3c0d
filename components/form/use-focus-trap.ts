import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The form is a panel over the paper page: it takes focus when it opens, Tab and Shift+Tab wrap
 * inside it instead of leaving for the page, and Esc asks to close it.
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>, onEscape: () => void): void {
  // The latest handler, without re-running the effect (which would steal focus back to the form).
  const latestOnEscape = useRef(onEscape);
  latestOnEscape.current = onEscape;
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    root.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        latestOnEscape.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const focusable = Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      const active = root.ownerDocument.activeElement;
      // Focus may sit on something outside the tab order (a heading the form focused) or outside
      // the form: wrap when nothing focusable lies beyond it in the direction of travel.
      const outside = !active || !root.contains(active);
      const precedes = (el: HTMLElement) =>
        !outside && (el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      if (event.shiftKey && (outside || !focusable.some(precedes))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (outside || focusable.every((el) => el === active || precedes(el)))) {
        event.preventDefault();
        first.focus();
      }
    };
    root.ownerDocument.addEventListener('keydown', onKeyDown);
    return () => root.ownerDocument.removeEventListener('keydown', onKeyDown);
  }, [container]);
}
