import { browser } from 'wxt/browser';
import type { FormPanel } from '@/components/inline/form-panel';
import { placeControls } from '@/components/inline/place-controls';
import { isOwnNode } from '@/components/inline/shadow-host';
import { showToast } from '@/components/inline/toast';
import type { DetectedPaper } from '@/lib/extract/types';
import { t } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging/send';
import { type ControlTarget, controlTargets } from '@/lib/page/control-targets';
import { domQuiet, onDomQuiet } from '@/lib/page/dom-quiet';
import { loadFormPanel } from '@/lib/page/load-form-panel';
import { pageLifetime } from '@/lib/page/page-lifetime';
import { waitForElement } from '@/lib/page/wait-for-element';
import { adapterFor, readPage } from '@/lib/sites/read-page';
import type { SiteAdapter } from '@/lib/sites/types';
import { listenForCorrectPage, type OpenForm, reportDetection } from './page-reach';

/** What identifies the papers on screen: when it changes, the controls are placed anew. */
function signatureOf(papers: readonly DetectedPaper[]): string {
  return papers
    .map(({ metadata: m }) => `${m.title}|${m.doi}|${m.authors.length}|${m.abstract?.length ?? 0}`)
    .join('\n');
}

/**
 * Detect → place controls → open the form on click, once per page and again after in-app
 * navigation or when a client-rendered page swaps its content. Each run has its own
 * AbortSignal: aborting removes that run's controls, so controls never go stale or double.
 */
export function startPageSession(adapters: readonly SiteAdapter[]): void {
  const ctx = pageLifetime(() => browser.runtime);
  let panel: FormPanel | undefined;
  let run: AbortController | undefined;
  let signature = '';
  let hosts: HTMLElement[] = [];
  let detected: readonly DetectedPaper[] = [];

  // Whether the user switched the site off, asked once per page (again after navigation) and
  // asked before the page is read, so that the worker's answer (it may have to wake up first)
  // arrives while the readers work instead of after them: it was the last wait before the
  // first pencil (issue #15).
  let status: { site: string; disabled: Promise<boolean> } | undefined;
  function siteDisabled(site: string, again: boolean): Promise<boolean> {
    if (again || !status || status.site !== site) {
      const disabled = sendRequest('site/status', { site }).then(
        (reply) => reply.disabled,
        () => false, // The worker could not answer: show the controls rather than nothing.
      );
      status = { site, disabled };
    }
    return status.disabled;
  }

  let lastOpen = 0;

  const openForm: OpenForm = async (form, returnFocusTo) => {
    const thisOpen = ++lastOpen;
    try {
      const [Panel, claim] = await Promise.all([loadFormPanel(), sendRequest('form/open', form)]);
      // Two quick clicks: the worker may answer them in either order, and the last click wins.
      if (thisOpen !== lastOpen || ctx.isInvalid) return;
      panel ??= new Panel();
      panel.open(`${browser.runtime.getURL('/form.html')}#ctx=${claim.contextId}`, claim, returnFocusTo);
    } catch (error) {
      showToast(t('inlineFormError', error instanceof Error ? error.message : String(error)));
    }
  };
  const openControl = (target: ControlTarget, button: HTMLButtonElement) =>
    openForm({ paper: target.paper.metadata, field: target.field, authorIndex: target.authorIndex }, button);
  // Without a pencil: the popup's "Correct this page" and the context menu, through the worker.
  listenForCorrectPage(ctx.signal, () => detected, openForm);

  async function detectAndDecorate(force: boolean): Promise<void> {
    const url = new URL(location.href);
    const adapter = adapterFor(url, adapters);
    const disabled = siteDisabled(adapter.id, force);
    const controller = new AbortController();
    if (force) {
      // In-app navigation: the previous paper's controls go at once, before the next renders.
      run?.abort();
      run = controller;
      signature = '';
    }
    let { papers } = readPage(document, url, adapters);
    // Client-rendered sites: nothing yet, so wait (bounded) for the content, then read again.
    if (papers.length === 0 && adapter.readySelector && !document.querySelector(adapter.readySelector)) {
      await waitForElement(adapter.readySelector, { signal: ctx.signal });
      if (ctx.signal.aborted) return;
      ({ papers } = readPage(document, url, adapters));
    }
    const next = signatureOf(papers);
    if (force || next !== signature) {
      detected = papers;
      reportDetection(papers);
    }
    const controlsIntact = hosts.every((host) => host.isConnected);
    if (!force && next === signature && controlsIntact) return;
    if (run !== controller) run?.abort();
    run = controller;
    signature = next;
    hosts = [];
    if (papers.length === 0 || (await disabled)) return;
    if (controller.signal.aborted) return;
    hosts = await placeControls(
      controlTargets(papers),
      (target, button) => void openControl(target, button),
      controller.signal,
    );
  }

  ctx.signal.addEventListener('abort', () => {
    run?.abort();
    panel?.close();
  });
  ctx.onLocationChange(() => {
    // The previous paper's controls go at once; the next paper is read once it has rendered.
    run?.abort();
    signature = '';
    void domQuiet({ signal: ctx.signal, ignore: isOwnNode }).then(() => detectAndDecorate(true));
  });
  // Client-rendered sites change content without navigating; other pages are left alone.
  const url = new URL(location.href);
  if (adapterFor(url, adapters).readySelector) {
    onDomQuiet(() => void detectAndDecorate(false), { signal: ctx.signal, ignore: isOwnNode });
  }
  void detectAndDecorate(true);
}
