// Finders that run inside a Firefox context (sent as source text, so each stands alone): the
// same queries a reader's eye makes and Playwright's getByLabel / getByRole make in Chromium.

/** The form control whose visible label (or aria-label) starts with `text`. */
export function byLabel(text: string): Element | null {
  for (const label of document.querySelectorAll('label')) {
    if (label.textContent?.replace(/\s+/g, ' ').trim().startsWith(text) && label.control) return label.control;
  }
  return document.querySelector(`[aria-label^="${CSS.escape(text)}"]`);
}

/** The enabled button whose accessible name (aria-label, else its text) is `name`. */
export function button(name: string): Element | null {
  for (const candidate of document.querySelectorAll('button')) {
    const accessible = candidate.getAttribute('aria-label') ?? candidate.textContent?.replace(/\s+/g, ' ').trim();
    if (accessible === name) return candidate;
  }
  return null;
}

/** The inline control's button for a field (in its open shadow root), e.g. 'title', 'doi'. */
export function pencil(field: string, nth: number): Element | null {
  const hosts = document.querySelectorAll(`erratum-control[data-erratum-field="${field}"]`);
  return hosts[nth]?.shadowRoot?.querySelector('button') ?? null;
}

/** True when some element's own text contains `text` (what the reader can read). */
export function showsText(text: string): boolean {
  return (document.body.textContent ?? '').includes(text);
}

/** True when the popup's queue row of the correction titled `title` shows the badge `status`. */
export function queueBadgeIs(title: string, status: string): boolean {
  for (const row of document.querySelectorAll('li')) {
    if (row.textContent?.includes(title)) return row.querySelector('.queue-badge')?.textContent?.trim() === status;
  }
  return false;
}
