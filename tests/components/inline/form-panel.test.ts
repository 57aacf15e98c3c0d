import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FormPanel } from '@/components/inline/form-panel';

const CONTEXT_ID = '0d9f3a52-3b8e-4c5e-9a0e-8f1b2c3d4e5f';
const FORM_URL = `chrome-extension://id/form.html#ctx=${CONTEXT_ID}`;
const CLAIM = { contextId: CONTEXT_ID, claim: '6c1f0e4a-8a61-4d7b-9a53-2f7c3b9e1d20' };
const panelHost = () => document.querySelector('erratum-panel');
const frameOf = () => panelHost()?.shadowRoot?.querySelector('iframe') ?? null;
const mutationsDelivered = () => new Promise<void>((resolve) => queueMicrotask(() => setTimeout(resolve, 0)));

describe('the form panel over the page', () => {
  beforeEach(() => {
    // happy-dom cannot load extension pages into iframes and says so on the console.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  it('frames the form page and takes the focus', () => {
    const panel = new FormPanel();
    panel.open(FORM_URL, CLAIM);
    expect(frameOf()?.getAttribute('src') ?? frameOf()?.src).toBe(FORM_URL);
    expect(panel.isOpen).toBe(true);
    panel.close();
    expect(panelHost()).toBeNull();
  });

  it('ignores close requests that do not come from its own frame', () => {
    const panel = new FormPanel();
    panel.open(FORM_URL, CLAIM);
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'erratum/close' }, source: window }));
    expect(panel.isOpen).toBe(true);
    panel.close();
  });

  it('comes back when the page removes it, and closes cleanly if the page insists', async () => {
    const panel = new FormPanel();
    panel.open(FORM_URL, CLAIM);
    for (let attempt = 0; attempt < 3; attempt++) {
      panelHost()?.remove();
      await mutationsDelivered();
      expect(panelHost()).not.toBeNull();
    }
    panelHost()?.remove();
    await mutationsDelivered();
    expect(panelHost()).toBeNull();
    expect(panel.isOpen).toBe(false);
  });

  it("gives the claim to its own frame alone, for the extension's origin only", () => {
    const panel = new FormPanel();
    panel.open(FORM_URL, CLAIM);
    // happy-dom loads no extension page, so the frame's window is a stand-in that records posts.
    const post = vi.fn();
    const form = { postMessage: post };
    Object.defineProperty(frameOf(), 'contentWindow', { value: form });
    const ready = (source: unknown, origin = 'chrome-extension://id') =>
      window.dispatchEvent(Object.assign(new Event('message'), { source, origin, data: { type: 'erratum/ready' } }));
    // The page asking (or a frame of its own), or our frame navigated to another origin: nothing.
    ready(window);
    ready({ postMessage: post });
    ready(form, 'https://evil.example');
    expect(post).not.toHaveBeenCalled();
    ready(form);
    expect(post).toHaveBeenCalledWith({ type: 'erratum/claim', ...CLAIM }, 'chrome-extension://id');
    panel.close();
  });

  it('keeps its layout against page styles on the host', () => {
    const panel = new FormPanel();
    panel.open(FORM_URL, CLAIM);
    expect(panelHost()?.getAttribute('style')).toContain('position: fixed !important');
    panel.close();
  });
});
