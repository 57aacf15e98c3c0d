/** Windows at least this wide keep the page readable beside the panel (issue 18). */
export const DOCK_MIN_WIDTH = 1100;
/** The panel's width on a window that wide (on narrower ones it is min(460px, 100vw)). */
export const PANEL_WIDTH = 460;

/**
 * Makes room for the panel at the page's right on wide windows: the page's root gets a right
 * margin of the panel's width (added to any the page sets itself), so its content reflows beside
 * the panel instead of under it. On narrow windows the panel covers the page, as before. Only our
 * own inline declaration is touched: undocking puts the page's own one back (or none), and keeps
 * whatever else the page changed meanwhile. Kept small: it ships in every page's content script.
 */
export class PageDock {
  /**
   * While docked: the root's style attribute before and after docking, and its own inline
   * margin-right (value, priority).
   */
  private saved?: [string | null, string | null, string, string];

  constructor(private readonly doc: Document = document) {
    this.update = this.update.bind(this);
  }

  /** Docks on a wide window, undocks on a narrow one; called at open and on every resize. */
  update(): void {
    const { documentElement: root, defaultView: view } = this.doc;
    if ((view?.innerWidth ?? 0) < DOCK_MIN_WIDTH) {
      this.undock();
      return;
    }
    if (this.saved) return;
    const { style } = root;
    const own = Number.parseFloat(view?.getComputedStyle(root).marginRight ?? '') || 0;
    const saved: [string | null, string | null, string, string] = [
      root.getAttribute('style'),
      null,
      style.getPropertyValue('margin-right'),
      style.getPropertyPriority('margin-right'),
    ];
    // Important, so a page's own `html { margin: 0 !important }` cannot put its text back under.
    style.setProperty('margin-right', `${own + PANEL_WIDTH}px`, 'important');
    saved[1] = root.getAttribute('style');
    this.saved = saved;
  }

  undock(): void {
    if (!this.saved) return;
    const [before, docked, value, priority] = this.saved;
    this.saved = undefined;
    const root = this.doc.documentElement;
    // Untouched since we docked: the attribute goes back character for character.
    if (root.getAttribute('style') === docked) {
      if (before === null) root.removeAttribute('style');
      else root.setAttribute('style', before);
    }
    // The page changed its root's style meanwhile: keep its changes, undo only ours (an empty
    // value removes the declaration, as CSSOM's setProperty does).
    else root.style.setProperty('margin-right', value, priority);
  }
}
