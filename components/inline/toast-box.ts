import { createShadowHost } from './shadow-host';

const TOAST_HOST_STYLE =
  'all: initial !important; position: fixed !important; bottom: 16px !important; right: 16px !important; z-index: 2147483647 !important; display: block !important;';
const TOAST_CSS = `
div { all: initial; display: block; max-width: 360px; padding: 10px 14px; border-radius: 8px; font: 14px/1.4 system-ui, sans-serif;
  background: #7f1d1d; color: #fff; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
`;

/** A short message over the page, as text; gone after a few seconds (lives in form-panel.js: see toast.ts). */
export function showToastBox(message: string, doc: Document = document, durationMs = 6000): void {
  const { host, root } = createShadowHost('erratum-toast', TOAST_CSS, TOAST_HOST_STYLE, doc);
  const box = doc.createElement('div');
  box.setAttribute('role', 'alert');
  box.textContent = message;
  root.append(box);
  doc.documentElement.append(host);
  setTimeout(() => host.remove(), durationMs);
}
