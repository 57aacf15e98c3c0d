/** Where an inline control goes for a field shown in `anchor`. */
export interface Placement {
  parent: Node;
  before: Node | null;
}

// Inside a link or a button a click on our control would also follow the link, so the control
// goes right after such an element instead. Void elements cannot hold children.
const INTERACTIVE = 'a[href], button, label, summary, select, textarea, input';
const VOID = new Set(['IMG', 'INPUT', 'BR', 'HR', 'META', 'LINK', 'SOURCE', 'VIDEO', 'AUDIO', 'IFRAME', 'SVG']);

export function placementFor(anchor: Element): Placement | null {
  const interactive = anchor.closest(INTERACTIVE);
  const target = interactive ?? (VOID.has(anchor.tagName.toUpperCase()) ? anchor : null);
  if (target) {
    if (!target.parentNode) return null;
    return { parent: target.parentNode, before: target.nextSibling };
  }
  return { parent: anchor, before: null };
}
