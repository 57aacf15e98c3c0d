import { pencil, showsText } from './finders';
import type { Context, FirefoxExtension } from './harness';

/** The form's frame, as the panel loads it (moz-extension:…/form.html#ctx=…). */
export const FORM_FRAME = /^moz-extension:.*form\.html/;

/**
 * What a reader does to start a correction: opens the page (served at its real address), waits
 * for the field's pencil, clicks it, and waits until the form shows its heading.
 */
export async function openFormFromPencil(
  browser: FirefoxExtension,
  page: { url: string; html: string },
  field: string,
): Promise<{ tab: Context; form: Context }> {
  browser.route(page.url, page.html);
  const tab = await browser.newTab(page.url);
  await browser.waitFor(
    tab,
    (name: string) => document.querySelector(`erratum-control[data-erratum-field="${name}"]`),
    field,
  );
  await browser.click(tab, pencil, field, 0);
  const form = await browser.frame(tab, FORM_FRAME);
  await browser.waitFor(form, showsText, 'Request Correction');
  return { tab, form };
}
