import { browser } from 'wxt/browser';
import type { DetectedPaper } from '@/lib/extract/types';
import type { RequestPayload } from '@/lib/messaging/protocol';
import { sendRequest } from '@/lib/messaging/send';
import { loadFormPanel } from '@/lib/page/load-form-panel';

/** Tells the worker what this page shows, for the toolbar button and the popup. */
export function reportDetection(papers: readonly DetectedPaper[]): void {
  // Readers run in the top frame only (and the worker ignores other frames).
  // All of them: the worker keeps the first MAX_REPORTED_PAPERS (bytes count here, not there).
  const summaries = papers.map(({ metadata: m }) => ({ name: m.title ?? m.doi ?? m.arxivId }));
  // The worker is being reloaded when this fails: the next detection tells it.
  void sendRequest('page/detected', { papers: summaries }).catch(() => undefined);
}

/** Opens the panel for a paper: form/open, then the panel hands the claim to its own frame. */
export type OpenForm = (form: RequestPayload<'form/open'>, returnFocusTo?: HTMLElement) => Promise<void>;

/**
 * "Correct this page" from the popup and "Correct with Erratum" from the context menu reach the
 * page through the worker, and the form opens in this page's panel as after a pencil's click
 * (form/open, so the context is bound to this tab and claimed by the panel's frame alone): for
 * the paper chosen among those detected, or for the one the reader entered by hand, which the
 * worker sends and parses again in form/open.
 */
export function listenForCorrectPage(
  signal: AbortSignal,
  papers: () => readonly DetectedPaper[],
  openForm: OpenForm,
): void {
  let rightClicked: Node | null = null;
  document.addEventListener('contextmenu', (event) => (rightClicked = event.target as Node | null), { signal });

  type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];
  // Answers true when the form opens, false when the reader must first pick an entry, and nothing
  // when the panel's script cannot load (the worker then opens the form in a tab of its own).
  const listener = (message: unknown, sender: { id?: string; tab?: unknown }, reply: (opened?: boolean) => void) => {
    // Only the worker sends commands (tabs.sendMessage from this extension, not from a tab).
    if (
      sender.id !== browser.runtime.id ||
      sender.tab ||
      (message as { type?: unknown } | null)?.type !== 'page/correct'
    )
      return;
    // The command is read, and the paper chosen, by the panel's script: it loads for the form
    // anyway, and what every paper page parses before a click stays under its budget.
    loadFormPanel().then(
      (Panel) => {
        const form = Panel.correctPageForm(message, papers(), rightClicked);
        if (form) void openForm(form);
        reply(!!form);
      },
      () => reply(),
    );
    return true;
  };
  // Not removed when the signal aborts: the extension has gone then, and no command reaches it.
  browser.runtime.onMessage.addListener(listener as Listener);
}
