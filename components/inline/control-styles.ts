export const CONTROL_HOST_STYLE =
  'all: initial !important; font-size: inherit !important; line-height: inherit !important; display: inline-block !important; position: absolute !important; width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; vertical-align: baseline !important; overflow: visible !important;';

// The host is out of flow (absolute, at its static position) and the button is positioned out
// of it, so the page's own text never moves: an in-flow host, even of zero size, adds a line box
// where it follows block children (a control after the <li>s of an author list pushed the rest
// of the page down by a line). The host keeps the line's font metrics so that the button can be
// centred on the line it stands on.
export const CONTROL_CSS = `
:host { all: initial !important; font-size: inherit !important; line-height: inherit !important; display: inline-block !important; position: absolute !important; width: 0 !important; height: 0 !important; }
button {
  all: initial;
  position: absolute; left: 3px; top: calc(0.5lh - 9px); z-index: 2147483000;
  box-sizing: border-box; width: 18px; height: 18px; padding: 2px;
  display: inline-flex; align-items: center; justify-content: center;
  border-radius: 4px; border: 1px solid rgba(80, 80, 110, 0.35);
  background: rgba(255, 255, 255, 0.92); color: #3b3bb3; cursor: pointer;
  opacity: 0.6; transition: opacity 120ms;
}
button:hover, button:focus-visible { opacity: 1; }
button:focus-visible { outline: 2px solid #3b82f6; outline-offset: 1px; }
svg { width: 12px; height: 12px; display: block; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
@media (prefers-color-scheme: dark) {
  button { background: rgba(30, 30, 40, 0.92); color: #a5b4fc; border-color: rgba(165, 180, 252, 0.4); }
}
`;
