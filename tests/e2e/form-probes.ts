// Page-side probes of the form, run inside its frame by either browser's harness (Playwright's
// evaluate, BiDi's callFunction): each is sent as source text, so each stands alone.

/** Every visible text's computed font size in the form, and every field's, by a readable name. */
export function formTextSizes(): [string, number][] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Map<string, number>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.textContent?.trim() || element.closest('.visually-hidden')) continue;
    if (element.getClientRects().length === 0) continue;
    const name = `${element.tagName.toLowerCase()}.${element.className || '-'}: ${node.textContent.trim().slice(0, 30)}`;
    seen.set(name, Number.parseFloat(getComputedStyle(element).fontSize));
  }
  for (const input of Array.from(document.querySelectorAll('input, textarea')))
    seen.set(`${input.tagName.toLowerCase()}#${input.id}`, Number.parseFloat(getComputedStyle(input).fontSize));
  return [...seen];
}

/** Where focus is in the form, as a screen reader would announce it. */
export function formFocus() {
  const active = document.activeElement as HTMLElement | null;
  const row = active?.closest('.author-row');
  return {
    tag: active?.tagName.toLowerCase() ?? 'none',
    id: active?.id ?? '',
    label: active?.getAttribute('aria-label') ?? '',
    rowName: row?.querySelector('.author-name')?.textContent ?? null,
    rowIsNew: row?.classList.contains('added') ?? false,
  };
}
