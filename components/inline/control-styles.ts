// Size of a pencil's target: WCAG 2.5.8 asks for 24 × 24 CSS px.
export const PENCIL_PX = 24;

/** The host's own layout; `room` when the page's text goes on after it on its line. */
export function controlHostStyle(room: boolean): string {
  return `all: initial !important; font-size: inherit !important; line-height: inherit !important; display: inline-block !important; position: relative !important; width: 0 !important; height: ${PENCIL_PX}px !important; margin: 0 ${room ? PENCIL_PX : 0}px 0 0 !important; padding: 0 !important; border: 0 !important; vertical-align: middle !important; overflow: visible !important;`;
}

// The host stands in the line, after the text it corrects. Where the line goes on after it, the
// host makes room for the pencil with its right margin: the text after it moves right by the
// pencil's width and no more, and no pencil covers a character of the page (issue #18: an
// out-of-flow pencil covered the next author's first letter). At the end of a block's text the
// pencil overhangs the empty rest of the line instead, so a full last line never wraps. The host itself is 0 px wide, so measuring an element's text with its
// ranges' client rects (width > 0) still finds the page's own text. Its 24 px height keeps a
// tight line from having its neighbours under the pencil (the line grows instead). Colours come
// from the page around the pencil (data-erratum-tone, lib/page/page-tone.ts), not from the
// system theme; the background is the page's own, set on the button when placed.
export const CONTROL_CSS = `
:host { all: initial !important; font-size: inherit !important; line-height: inherit !important; display: inline-block !important; position: relative !important; width: 0 !important; height: ${PENCIL_PX}px !important; margin: 0 !important; vertical-align: middle !important; }
:host([data-erratum-room]) { margin-right: ${PENCIL_PX}px !important; }
button {
  all: initial;
  position: absolute; left: 0; top: 0; z-index: 2147483000;
  box-sizing: border-box; width: ${PENCIL_PX}px; height: ${PENCIL_PX}px; padding: 3px;
  display: inline-flex; align-items: center; justify-content: center;
  border-radius: 5px; border: 1px solid rgba(30, 27, 75, 0.35);
  background: #fff; color: #1e1b4b; cursor: pointer;
}
button:hover { border-color: currentColor; }
button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
:host([data-erratum-tone="dark"]) button { background: #121212; color: #e0e7ff; border-color: rgba(224, 231, 255, 0.45); }
:host([data-erratum-tone="dark"]) button:focus-visible { outline-color: #93c5fd; }
svg { width: 16px; height: 16px; display: block; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; }
`;
