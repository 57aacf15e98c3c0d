// Which colours a pencil takes: those of the page around it, not the reader's system theme. A
// light page read in a dark system theme keeps light pencils (issue #18: dark-mode pencils on a
// light page were grey boxes with 2.5:1 icon contrast), and a dark page gets dark ones.

export type Tone = 'light' | 'dark';

type Rgba = [number, number, number, number];

/** `rgb(…)`/`rgba(…)` as computed styles write them; null for anything else (treated as unknown). */
export function parseColor(value: string): Rgba | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : Number(match[4]) / (match[5] ? 100 : 1);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** WCAG 2.x relative luminance of an sRGB colour. */
export function luminance([r, g, b]: readonly number[]): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
}

// Chromium's canvas colours when nothing paints a background (light, and `color-scheme: dark`).
const CANVAS_LIGHT: Rgba = [255, 255, 255, 1];
const CANVAS_DARK: Rgba = [18, 18, 18, 1];

/**
 * The colour the reader sees behind `el`: its and its ancestors' background colours composited
 * from the nearest opaque one (the canvas when none is), as the browser paints them.
 */
export function effectiveBackground(el: Element, view: Window = window): [number, number, number] {
  const layers: Rgba[] = [];
  let base: Rgba | undefined;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const color = parseColor(view.getComputedStyle(node).backgroundColor);
    if (!color || color[3] === 0) continue;
    if (color[3] >= 1) {
      base = color;
      break;
    }
    layers.push(color);
  }
  base ??= canvasOf(el.ownerDocument, view);
  let [r, g, b] = base;
  for (const [lr, lg, lb, a] of layers.reverse()) {
    r = lr * a + r * (1 - a);
    g = lg * a + g * (1 - a);
    b = lb * a + b * (1 - a);
  }
  return [Math.round(r), Math.round(g), Math.round(b)];
}

/** The canvas is dark only when the page opts into a dark scheme and the system asks for one. */
function canvasOf(doc: Document, view: Window): Rgba {
  const scheme = view.getComputedStyle(doc.documentElement).colorScheme;
  const darkSystem = view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  if (/\bdark\b/.test(scheme) && (darkSystem || !/\blight\b/.test(scheme))) return CANVAS_DARK;
  return CANVAS_LIGHT;
}

// The icon colours each tone uses (control-styles.ts): the tone is whichever gives the icon the
// higher contrast on this background, so even mid-grey pages get at least 3:1 (WCAG 1.4.11).
const LIGHT_TONE_ICON = luminance([30, 27, 75]);
const DARK_TONE_ICON = luminance([224, 231, 255]);

export function toneOf(background: readonly number[]): Tone {
  const bg = luminance(background);
  const onLight = (bg + 0.05) / (LIGHT_TONE_ICON + 0.05);
  const onDark = (DARK_TONE_ICON + 0.05) / (bg + 0.05);
  return onLight >= onDark ? 'light' : 'dark';
}
