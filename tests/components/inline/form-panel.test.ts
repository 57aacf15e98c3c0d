import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FormPanel } from '@/components/inline/form-panel';

const FORM_URL = 'chrome-extension://id/form.html#ctx=1';
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
    panel.open(FORM_URL);
    expect(frameOf()?.getAttribute('src') ?? frameOf()?.src).toBe(FORM_URL);
    expect(panel.isOpen).toBe(true);
    panel.close();
    expect(panelHost()).toBeNull();
  });

  it('ignores close requests that do not come from its own frame', () => {
    const panel = new FormPanel();
    panel.open(FORM_URL);
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'erratum/close' }, source: window }));
    expect(panel.isOpen).toBe(true);
    panel.close();
  });

  it('comes back when the page removes it, and closes cleanly if the page insists', async () => {
    const panel = new FormPanel();
    panel.open(FORM_URL);
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

  it('keeps its layout against page styles on the host', () => {
    const panel = new FormPanel();
    panel.open(FORM_URL);
    expect(panelHost()?.getAttribute('style')).toContain('position: fixed !important');
    panel.close();
  });
});
