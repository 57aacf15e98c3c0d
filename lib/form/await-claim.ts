import { FormClaimMessageSchema } from '../schema/messages';

// The framed form proves it is the frame the content script created by presenting a claim that
// only that content script holds (lib/background/form-frames.ts). It asks for it by posting
// `erratum/ready` to its parent, which carries nothing, and then waits for an `erratum/claim`
// from the parent window for its own context. A page that frames form.html itself is the
// parent too, but never learns the claim: the worker gives it to the content script alone.

/** How long a framed form waits for its claim before it says it was not opened from the page. */
export const CLAIM_TIMEOUT_MS = 5000;

export class NoClaimError extends Error {}

export function awaitClaim(contextId: string, win: Window = window, timeoutMs = CLAIM_TIMEOUT_MS): Promise<string> {
  if (win.parent === win) return claimInAddress(win);
  return new Promise((resolve, reject) => {
    const done = () => {
      win.removeEventListener('message', onMessage);
      clearTimeout(timer);
    };
    const onMessage = (event: MessageEvent) => {
      if (event.source !== win.parent) return;
      const message = FormClaimMessageSchema.safeParse(event.data);
      if (!message.success || message.data.contextId !== contextId) return;
      done();
      resolve(message.data.claim);
    };
    const timer = setTimeout(() => {
      done();
      reject(new NoClaimError('no claim'));
    }, timeoutMs);
    win.addEventListener('message', onMessage);
    // Any origin: the paper page's origin is not known here, and the message carries nothing.
    win.parent.postMessage({ type: 'erratum/ready' }, '*');
  });
}

/**
 * A form in a tab of its own (Correct this page where no content script reaches) has no parent to
 * hand it the claim: the worker that opened the tab put it in the address (#ctx=…&claim=…), which
 * no web page can read. Only a top frame takes it from there: a page framing form.html with a
 * made-up address is framed, and waits for a claim from its parent like every framed form.
 */
function claimInAddress(win: Window): Promise<string> {
  const claim = new URLSearchParams(win.location.hash.slice(1)).get('claim');
  return claim ? Promise.resolve(claim) : Promise.reject(new NoClaimError('not framed'));
}
