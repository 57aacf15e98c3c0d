import { loadFormPanel } from '@/lib/page/load-form-panel';

// A message over the page after a pencil's click failed. The box itself (toast-box.ts) is only
// ever needed after a click, so it lives in form-panel.js with the panel, not in the content
// script every paper page parses. When that very script cannot load, the browser's own dialog
// still tells the reader what went wrong.
export function showToast(message: string): void {
  loadFormPanel().then(
    (Panel) => Panel.toast(message),
    () => alert(message),
  );
}
