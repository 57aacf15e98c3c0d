// Our UI inside other people's pages lives in shadow roots on elements of our own tag names.
// Page styles cannot reach inside a shadow root, but they do reach the host element itself
// (`* { all: unset !important }`), so hosts carry their layout as !important declarations both
// inline and in `:host` (an important rule of the inner context beats the page's important ones).

const sheets = new Map<string, CSSStyleSheet>();

/** One constructed stylesheet per CSS text, shared by every shadow root that uses it. */
function sheetFor(css: string): CSSStyleSheet {
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
}

export function createShadowHost(
  tagName: string,
  css: string,
  hostStyle: string,
  doc: Document = document,
): ShadowHost {
  const host = doc.createElement(tagName);
  host.setAttribute('style', hostStyle);
  // Open, so that tests and assistive technology can reach it; nothing secret lives here (the
  // form with the user's data is an extension page in an iframe).
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheetFor(css)];
  return { host, root };
}

/** True for nodes inside any of our hosts, so page observers can ignore our own changes. */
export function isOwnNode(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  if (!element) return node instanceof ShadowRoot;
  const root = element.getRootNode();
  return root instanceof ShadowRoot || element.closest('erratum-control, erratum-panel') !== null;
}
