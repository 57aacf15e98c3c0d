import { FormPanel } from '@/components/inline/form-panel';
import { FORM_PANEL_GLOBAL } from '@/lib/page/load-form-panel';

// The correction panel, imported by a content script on the first click of a pencil
// (lib/page/load-form-panel.ts says why it is a script of its own).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[FORM_PANEL_GLOBAL] = FormPanel;
});
