// Which colours a pencil takes: those of the page around it, not the reader's system theme. A
// light page read in a dark system theme keeps light pencils (issue #18: dark-mode pencils on a
// light page were grey boxes with 2.5:1 icon contrast), and a dark page gets dark ones.

export interface PageTone {
  dark: boolean;
  /** The page's colour behind the pencil, `rgb(…)`: the pencil's own background. */
  background: string;
}

/**
 * The colour the reader sees behind `el`: the nearest mostly opaque background up its
 * ancestors, else the canvas (dark only when the page opts into a dark scheme the system uses).
 * Dark below relative luminance 0.2: the light icon (#e0e7ff, L 0.79) keeps 3:1 (WCAG 1.4.11)
 * up to L 0.23 and the dark icon (#1e1b4b, L 0.014) from L 0.14, so the 2.2 power curve's small
 * error against sRGB's exact one cannot cross either limit.
 */
export function pageTone(el: Element): PageTone {
  let rgb = [255, 255, 255];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    // Computed colours are rgb()/rgba() (`transparent` too: rgba(0, 0, 0, 0)).
    const [r = 0, g = 0, b = 0, a = 1] = style.backgroundColor.match(/[\d.]+/g)?.map(Number) ?? [];
    if (a > 0.5) {
      rgb = [r, g, b];
      break;
    }
    if (!node.parentElement && /dark/.test(style.colorScheme) && matchMedia('(prefers-color-scheme: dark)').matches) {
      rgb = [18, 18, 18];
    }
  }
  const luminance = rgb.reduce((sum, c, i) => sum + ([0.2126, 0.7152, 0.0722][i] ?? 0) * (c / 255) ** 2.2, 0);
  return { dark: luminance < 0.2, background: `rgb(${rgb})` };
}
