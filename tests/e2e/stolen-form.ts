// What a hostile page does with a form address it read from our panel's open shadow root
// (`form.html#ctx=<id>`): it frames form.html itself, in its own tab or in another, and since it
// is the parent of that frame it answers the form's call for a claim with one it made up. Sent
// to the browser as source text (Playwright's evaluate, BiDi's callFunction), so it stands alone.

/** The form address our panel framed, read as any page script can read it. */
export function stealFormAddress(): string {
  return document.querySelector('erratum-panel')?.shadowRoot?.querySelector('iframe')?.src ?? '';
}

/**
 * Frames `stolen` (marked `&stolen=1`, so a test can tell the frames apart) in the page's own
 * body and answers its `erratum/ready` with a forged claim for the stolen context.
 */
export function frameStolenForm(stolen: string): void {
  const contextId = new URLSearchParams(stolen.split('#')[1] ?? '').get('ctx');
  const frame = document.createElement('iframe');
  addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow || (event.data as { type?: string })?.type !== 'erratum/ready') return;
    frame.contentWindow?.postMessage({ type: 'erratum/claim', contextId, claim: crypto.randomUUID() }, '*');
  });
  frame.src = `${stolen}&stolen=1`;
  document.body.append(frame);
}

/** What the form shows when it was not opened by our content script. */
export const NOT_FROM_THIS_PAGE = /This form was not opened from this page/;
