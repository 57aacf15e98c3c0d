// Which colours a pencil takes: those of the page around it, not the reader's system theme. A
// light page read in a dark system theme keeps light pencils (issue #18: dark-mode pencils on a
// light page were grey boxes with 2.5:1 icon contrast), and a dark page gets dark ones.

export interface PageTone {
  dark: boolean;
  /** The page's colour behind the pencil, `rgb(…)`: the pencil's own background. */
  background: string;
}

/** WCAG 2.x relative luminance of sRGB channels 0–255. */
export function luminance(rgb: readonly number[]): number {
  const weights = [0.2126, 0.7152, 0.0722];
  return rgb.slice(0, 3).reduce((sum, c, i) => {
    const s = c / 255;
    return sum + (weights[i] as number) * (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
  }, 0);
}

/**
 * The colour the reader sees behind `el`: the nearest mostly opaque background up its
 * ancestors, else the canvas (dark only when the page opts into a dark scheme the system uses).
 * Dark when the pencils' light icon (#e0e7ff) has more contrast on it than their dark icon
 * (#1e1b4b): above 3:1 either way (WCAG 1.4.11), even on mid-grey.
 */
export function pageTone(el: Element): PageTone {
  let rgb = [255, 255, 255];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const channels = getComputedStyle(node)
      .backgroundColor.match(/[\d.]+/g)
      ?.map(Number);
    if (channels && channels.length >= 3 && (channels[3] ?? 1) > 0.5) {
      rgb = channels.slice(0, 3);
      break;
    }
    if (
      !node.parentElement &&
      /dark/.test(getComputedStyle(node).colorScheme) &&
      matchMedia('(prefers-color-scheme: dark)').matches
    ) {
      rgb = [18, 18, 18];
    }
  }
  return { dark: luminance(rgb) < 0.2, background: `rgb(${rgb.join(', ')})` };
}
