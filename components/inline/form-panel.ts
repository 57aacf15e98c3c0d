import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { correctPageForm } from '@/lib/page/correct-page-command';
import type { FormClaimMessage } from '@/lib/schema/messages';
import { PANEL_WIDTH, PageDock } from './page-dock';
import { createShadowHost } from './shadow-host';
import { showToastBox } from './toast-box';

const PANEL_HOST_STYLE = `all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important; z-index: 2147483647 !important; display: block !important; width: min(${PANEL_WIDTH}px, 100vw) !important; height: 100vh !important; margin: 0 !important; padding: 0 !important; border: 0 !important; transform: none !important; opacity: 1 !important; visibility: visible !important; pointer-events: auto !important;`;

const PANEL_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; right: 0 !important; z-index: 2147483647 !important; display: block !important; width: min(${PANEL_WIDTH}px, 100vw) !important; height: 100vh !important; visibility: visible !important; }
iframe { all: initial; display: block; box-sizing: border-box; width: 100%; height: 100%; border: 0; border-left: 1px solid rgba(0,0,0,.15);
  box-shadow: -8px 0 24px rgba(0, 0, 0, 0.18); background: Canvas; color-scheme: light dark; }
`;

/** A hostile page that keeps removing the panel gets it back this often, then a clean close. */
const MAX_RESTORES = 3;

/**
 * The correction form as a panel beside the page: an extension page in an iframe, so page script
 * can neither read the user's data nor restyle it. On wide windows the page makes room for it
 * (PageDock), so the text being corrected stays in view; on narrow ones it covers the page and
 * the form says how to close it (Esc, or its Close button).
 */
export class FormPanel {
  /** The failure message after a click (toast.ts): here, so the content script need not carry it. */
  static readonly toast = showToastBox;
  /** What the worker's "Correct this page" asks to open (page-reach.ts): here for the same reason. */
  static readonly correctPageForm = correctPageForm;
  private host?: HTMLElement;
  private root?: ShadowRoot;
  private frame?: HTMLIFrameElement;
  private observer?: MutationObserver;
  private restores = 0;
  private returnFocusTo?: HTMLElement;
  private claim?: FormClaimMessage;
  private formOrigins: string[] = [];
  private readonly dock: PageDock;

  constructor(private readonly doc: Document = document) {
    this.onMessage = this.onMessage.bind(this);
    this.dock = new PageDock(doc);
  }

  get isOpen(): boolean {
    return this.host !== undefined;
  }

  /**
   * Opens the form at `src` for the context the worker handed over; `claim` is given to that
   * frame alone when it asks (lib/form/await-claim.ts), never to anything else on the page.
   */
  open(src: string, claim: Omit<FormClaimMessage, 'type'>, returnFocusTo?: HTMLElement): void {
    this.returnFocusTo = returnFocusTo;
    this.claim = { type: 'erratum/claim', ...claim };
    // The origin our form's document has: the one of its address in Firefox (moz-extension://
    // <uuid>), but in Chrome the address is at the per-session dynamic host (use_dynamic_url)
    // while the document's origin is the extension id's. Scheme and host by hand: URL.origin is
    // "null" for non-web schemes in some engines.
    const scheme = src.slice(0, src.indexOf('//'));
    this.formOrigins = [src.slice(0, src.indexOf('/', scheme.length + 2)), `${scheme}//${browser.runtime.id}`];
    if (!this.host || !this.root) {
      const { host, root } = createShadowHost('erratum-panel', PANEL_CSS, PANEL_HOST_STYLE, this.doc);
      this.host = host;
      this.root = root;
      this.restores = 0;
      this.doc.defaultView?.addEventListener('message', this.onMessage);
      this.doc.defaultView?.addEventListener('resize', this.dock.update);
      this.observer = new MutationObserver(() => this.keepAttached());
      this.observer.observe(this.doc.documentElement, { childList: true });
      this.observer.observe(this.doc.body ?? this.doc.documentElement, { childList: true });
    }
    // A new frame for every control clicked: on an open panel, a src that differs only in its
    // #ctx= would be a same-document navigation, and the form (which reads its context once)
    // would go on showing the previous field. The old form saves its draft on pagehide.
    const frame = this.doc.createElement('iframe');
    frame.title = t('inlinePanelLabel');
    frame.src = src;
    if (this.frame) this.frame.replaceWith(frame);
    else this.root.append(frame);
    this.frame = frame;
    if (!this.host.isConnected) this.doc.documentElement.append(this.host);
    this.dock.update();
    this.frame.focus();
  }

  close(): void {
    this.observer?.disconnect();
    this.doc.defaultView?.removeEventListener('message', this.onMessage);
    this.doc.defaultView?.removeEventListener('resize', this.dock.update);
    this.dock.undock();
    this.host?.remove();
    this.host = undefined;
    this.root = undefined;
    this.frame = undefined;
    this.claim = undefined;
    this.returnFocusTo?.focus();
  }

  /** The page removed the panel: put it back (the form restores its draft), or give up cleanly. */
  private keepAttached(): void {
    if (!this.host || this.host.isConnected) return;
    if (++this.restores > MAX_RESTORES) {
      this.close();
      return;
    }
    this.doc.documentElement.append(this.host);
  }

  private onMessage(event: MessageEvent): void {
    // Only the form itself may close the panel or get its claim: a page can post messages too,
    // but it cannot make them come from our frame's window.
    const form = this.frame?.contentWindow;
    if (!form || event.source !== form) return;
    const data = event.data as { type?: unknown } | null;
    const type = data && typeof data === 'object' ? data.type : undefined;
    if (type === 'erratum/close') this.close();
    // To our form's origin only: had the page navigated our frame elsewhere, it gets nothing.
    else if (type === 'erratum/ready' && this.claim && this.formOrigins.includes(event.origin))
      form.postMessage(this.claim, event.origin);
  }
}
