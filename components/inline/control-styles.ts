// The host stands in the line, after the text it corrects, 0 px wide and 24 px high (WCAG 2.5.8's
// target size). Where the line goes on after it (data-erratum-room), the host makes room for the
// pencil with its right margin: the text after it moves right by the pencil's width and no more,
// and no pencil covers a character of the page (issue #18: an out-of-flow pencil covered the next
// author's first letter). At the end of a block's text the pencil overhangs the empty rest of the
// line instead, so a full last line never wraps. Being 0 px wide, the host leaves the page's text
// measurable by its ranges' client rects (width > 0). The `:host` rules are important rules of
// the shadow tree, so they beat both the inline style and the page's own important rules.
// Colours come from the page around the pencil (data-erratum-tone, lib/page/page-tone.ts), not
// from the system theme; the background is always the page's own, set on the button when placed. The
// focus outline (#2563eb) keeps 3:1 on white and on the dark tone's #121212. The button stands at
// its static place, the host's top left; border, padding and icon add up to its 24 px. `all: initial`
// already gives the host no margin, padding or border.
export const CONTROL_HOST_STYLE =
  'all:initial!important;font-size:inherit!important;line-height:inherit!important;display:inline-block!important;position:relative!important;width:0!important;height:24px!important;vertical-align:middle!important';

export const CONTROL_CSS = `:host{${CONTROL_HOST_STYLE}}
:host([data-erratum-room]){margin-right:24px!important}
button{all:initial;position:absolute;z-index:2147483000;box-sizing:border-box;width:24px;height:24px;padding:3px;display:block;border-radius:5px;border:1px solid;color:#1e1b4b;cursor:pointer}
button:focus-visible{outline:2px solid #2563eb;outline-offset:1px}
:host([data-erratum-tone=dark]) button{color:#e0e7ff}
svg{width:16px;height:16px;display:block;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}`;
