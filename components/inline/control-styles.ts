export const CONTROL_HOST_STYLE =
  'all: initial !important; display: inline-block !important; position: relative !important; width: 0 !important; height: 0 !important; margin: 0 !important; padding: 0 !important; border: 0 !important; vertical-align: baseline !important; overflow: visible !important;';

// The button is positioned out of the zero-size host so the page's own text never moves.
export const CONTROL_CSS = `
:host { all: initial !important; display: inline-block !important; position: relative !important; width: 0 !important; height: 0 !important; }
button {
  all: initial;
  position: absolute; left: 3px; bottom: -3px; z-index: 2147483000;
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
