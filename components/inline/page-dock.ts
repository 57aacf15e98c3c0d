/** Windows at least this wide keep the page readable beside the panel (issue 18). */
export const DOCK_MIN_WIDTH = 1100;
/** The panel's width on a window that wide (on narrower ones it is min(460px, 100vw)). */
export const PANEL_WIDTH = 460;

const PROPERTY = 'margin-right';

/**
 * Makes room for the panel at the page's right on wide windows: the page's root gets a right
 * margin of the panel's width (added to any the page sets itself), so its content reflows beside
 * the panel instead of under it. On narrow windows the panel covers the page, as before. Only our
 * own inline declaration is changed, and close puts back exactly what was there.
 */
export class PageDock {
  /** The root's style attribute before and after docking, and its own margin-right declaration. */
  private saved?: { attribute: string | null; docked: string | null; value: string; priority: string };

  constructor(private readonly doc: Document = document) {
    this.update = this.update.bind(this);
  }

  get docked(): boolean {
    return this.saved !== undefined;
  }

  /** Docks on a wide window, undocks on a narrow one; called at open and on every resize. */
  update(): void {
    const width = this.doc.defaultView?.innerWidth ?? 0;
    if (width >= DOCK_MIN_WIDTH) this.dock();
    else this.undock();
  }

  undock(): void {
    const saved = this.saved;
    if (!saved) return;
    this.saved = undefined;
    const root = this.doc.documentElement;
    // Untouched since we docked: the attribute goes back character for character.
    if (root.getAttribute('style') === saved.docked) {
      if (saved.attribute === null) root.removeAttribute('style');
      else root.setAttribute('style', saved.attribute);
      return;
    }
    // The page changed its root's style meanwhile: keep its changes, undo only ours.
    if (saved.value) root.style.setProperty(PROPERTY, saved.value, saved.priority);
    else root.style.removeProperty(PROPERTY);
  }

  private dock(): void {
    if (this.saved) return;
    const root = this.doc.documentElement;
    const own = Number.parseFloat(this.doc.defaultView?.getComputedStyle(root).marginRight ?? '') || 0;
    const attribute = root.getAttribute('style');
    const value = root.style.getPropertyValue(PROPERTY);
    const priority = root.style.getPropertyPriority(PROPERTY);
    // Important, so a page's own `html { margin: 0 !important }` cannot put its text back under.
    root.style.setProperty(PROPERTY, `${own + PANEL_WIDTH}px`, 'important');
    this.saved = { attribute, docked: root.getAttribute('style'), value, priority };
  }
}
