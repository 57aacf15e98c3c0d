import { afterEach, describe, expect, it, vi } from 'vitest';
import { awaitClaim, NoClaimError } from '@/lib/form/await-claim';

const CONTEXT_ID = '0d9f3a52-3b8e-4c5e-9a0e-8f1b2c3d4e5f';
const CLAIM = '6c1f0e4a-8a61-4d7b-9a53-2f7c3b9e1d20';

/** A framed form's window: its parent is another window, which records what it is sent. */
function framedWindow() {
  const parent = { postMessage: vi.fn() } as unknown as Window;
  const target = new EventTarget();
  const win = Object.assign(target, { parent }) as unknown as Window;
  const from = (source: unknown, data: unknown) =>
    target.dispatchEvent(Object.assign(new Event('message'), { source, data }));
  return { win, parent, from };
}

describe('a framed form waiting for its claim', () => {
  afterEach(() => vi.useRealTimers());

  it('asks its parent, carrying nothing, and takes the claim for its own context from the parent alone', async () => {
    const { win, parent, from } = framedWindow();
    const claim = awaitClaim(CONTEXT_ID, win, 1000);
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'erratum/ready' }, '*');
    from({}, { type: 'erratum/claim', contextId: CONTEXT_ID, claim: crypto.randomUUID() }); // another window
    from(parent, { type: 'erratum/claim', contextId: crypto.randomUUID(), claim: CLAIM }); // another context
    from(parent, { type: 'erratum/claim', contextId: CONTEXT_ID, claim: '<img onerror=x>' }); // malformed
    from(parent, { type: 'erratum/claim', contextId: CONTEXT_ID, claim: CLAIM });
    await expect(claim).resolves.toBe(CLAIM);
  });

  it('gives up when no claim comes (a page framed the form itself) or when it is not framed at all', async () => {
    vi.useFakeTimers();
    const { win } = framedWindow();
    const claim = awaitClaim(CONTEXT_ID, win, 1000);
    vi.advanceTimersByTime(1000);
    await expect(claim).rejects.toBeInstanceOf(NoClaimError);
    await expect(awaitClaim(CONTEXT_ID, topWindow(`#ctx=${CONTEXT_ID}`))).rejects.toBeInstanceOf(NoClaimError);
  });
});

/** A form in a tab of its own, at `hash`. */
function topWindow(hash: string): Window {
  const top = { parent: undefined, location: { hash } } as unknown as Window;
  return Object.assign(top, { parent: top });
}

describe('a form in a tab of its own (Correct this page where no content script reaches)', () => {
  it('takes the claim the worker put in its address', async () => {
    await expect(awaitClaim(CONTEXT_ID, topWindow(`#ctx=${CONTEXT_ID}&claim=${CLAIM}`))).resolves.toBe(CLAIM);
  });

  it('takes no claim from the address when framed: a page framing form.html waits for its parent like any', async () => {
    vi.useFakeTimers();
    const { win, parent } = framedWindow();
    Object.assign(win, { location: { hash: `#ctx=${CONTEXT_ID}&claim=${CLAIM}` } });
    const claim = awaitClaim(CONTEXT_ID, win, 1000);
    expect(parent.postMessage).toHaveBeenCalledWith({ type: 'erratum/ready' }, '*');
    vi.advanceTimersByTime(1000);
    await expect(claim).rejects.toBeInstanceOf(NoClaimError);
    vi.useRealTimers();
  });
});
