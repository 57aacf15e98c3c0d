import type { ResponseMap } from '../messaging/protocol';
import type { CorrectPageCommand, CorrectPageRequest } from '../schema/messages';
import type { PaperMetadata } from '../schema/paper';
import { manualPaper } from './manual-paper';
import { UserFacingError } from './router';
import type { TabDetection } from './tab-state';
import type { Translate } from './toolbar-state';

type FormClaim = ResponseMap['form/open'];

interface SavedContext {
  paper: PaperMetadata;
  field?: string;
  suggestion?: string;
  createdAt: number;
}

export interface CorrectPageDeps {
  /** What the tab's content script last reported; none when no content script runs there. */
  detection: (tabId: number) => Promise<TabDetection | undefined>;
  /** tabs.sendMessage to the tab's top frame; rejects when no content script listens there. */
  sendToTab: (tabId: number, command: CorrectPageCommand) => Promise<unknown>;
  /** The tab's address, where the browser tells it. */
  tabUrl: (tabId: number) => Promise<string | undefined>;
  /** Keeps the context for the form; its claim goes to the one who opens that form (form-frames.ts). */
  saveContext: (context: SavedContext) => Promise<FormClaim>;
  /** Opens the form for the context in a tab of its own (form.html#ctx=<id>&claim=<claim>). */
  openFormTab: (form: FormClaim) => Promise<void>;
  t: Translate;
  now?: () => number;
}

/**
 * "Correct this page" and "Correct with Erratum". A page whose reader reported papers: its own
 * panel, for the paper the reader picks (it holds the papers and the elements they sit in). A
 * page whose reader found nothing: its panel, for the paper the reader of the page enters by hand
 * (sent in the command). Either way the page opens it with form/open, as a pencil does, and its
 * panel claims the context. A page no reader runs on (the gate found nothing scholarly there, a
 * PDF viewer, a browser page): the form in a tab of its own, which the worker hands the claim.
 */
export async function correctPage(
  tabId: number,
  { manual, ...request }: CorrectPageRequest,
  { detection: detectionOf, sendToTab, tabUrl, saveContext, openFormTab, t, now = Date.now }: CorrectPageDeps,
): Promise<{ openedIn: 'panel' | 'tab' }> {
  const detection = await detectionOf(tabId);
  if (detection) {
    // By hand: the page gets the paper and opens it as after a pencil's click (form/open).
    const paper = manual || detection.papers.length === 0 ? manualPaper(detection.url, manual) : undefined;
    // The content script answers true (the form opens) or false (a list page: pick the entry);
    // nothing when the page that reported has gone, and the form opens in a tab of its own.
    const opened = await sendToTab(tabId, { type: 'page/correct', request, ...(paper ? { paper } : {}) }).catch(
      () => undefined,
    );
    if (opened === true) return { openedIn: 'panel' };
    if (opened === false) throw new UserFacingError(t('reachPickEntryFirst'));
  }
  // No content script to claim the context: the form tab gets the claim from the worker itself.
  const url = detection?.url ?? (await tabUrl(tabId)) ?? '';
  const { field, suggestion } = request;
  await openFormTab(await saveContext({ paper: manualPaper(url, manual), field, suggestion, createdAt: now() }));
  return { openedIn: 'tab' };
}
