// Measurements of the pencils and of the page's text, taken in the page (issue #18). Every
// expectation is the page's own geometry: text boxes from Range.getClientRects, pencil boxes from
// getBoundingClientRect, colours from getComputedStyle, contrast by WCAG 2.x's formula.
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, requestFromExtensionPage } from './harness';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Pencil {
  /** `field` or `author#index`. */
  id: string;
  box: Box;
  label: string;
  /** The inner markup of the icon, to tell pencils apart by what they show. */
  icon: string;
  /** Whether the pencil itself is what the mouse reaches at its centre. */
  topmostAtCentre: boolean;
  /** Computed colours: the icon's, the button's background, and the opacity it is drawn with. */
  iconColor: string;
  buttonBackground: string;
  opacity: string;
  /** The colour of the page behind the pencil, read up the host's ancestors. */
  pageBackground: string;
  /** The page's characters under the pencil's box, measured while it is in view. */
  covers: string[];
}

/** Every pencil on the page, as the reader's mouse and eyes meet it. */
export function pencils(page: Page): Promise<Pencil[]> {
  return page.evaluate(() => {
    const pageBackgroundOf = (start: Element): string => {
      for (let el: Element | null = start; el; el = el.parentElement) {
        const color = getComputedStyle(el).backgroundColor;
        if (color !== 'rgba(0, 0, 0, 0)' && color !== 'transparent') return color;
      }
      return 'rgb(255, 255, 255)';
    };
    // Text near a pencil, measured with the pencil in view: text in fixed or sticky boxes is
    // where the reader sees it at that moment, not where it was at another scroll.
    const textNodes: Text[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        /\S/.test(node.nodeValue ?? '') && !node.parentElement?.closest('script, style, noscript, template')
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_REJECT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(node as Text);
    const range = document.createRange();
    const overlap = (a: DOMRect, b: DOMRect) =>
      a.left + 0.5 < b.right && b.left + 0.5 < a.right && a.top + 0.5 < b.bottom && b.top + 0.5 < a.bottom;
    const coveredBy = (box: DOMRect): string[] => {
      const out: string[] = [];
      for (const node of textNodes) {
        range.selectNodeContents(node);
        if (!Array.from(range.getClientRects()).some((r) => overlap(r, box))) continue;
        for (let i = 0; i < node.length; i++) {
          if (/\s/.test(node.data[i] ?? '')) continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          if (Array.from(range.getClientRects()).some((r) => r.width > 0 && overlap(r, box))) {
            out.push(`${node.data[i]} in "${node.data.trim().slice(0, 40)}"`);
          }
        }
      }
      return out;
    };
    return Array.from(document.querySelectorAll<HTMLElement>('erratum-control')).map((host) => {
      const button = host.shadowRoot?.querySelector('button') as HTMLButtonElement;
      // The mouse reaches only what is in the viewport: scroll each pencil there to ask.
      button.scrollIntoView({ block: 'center', inline: 'center' });
      const rect = button.getBoundingClientRect();
      const cx = rect.x + rect.width / 2;
      const cy = rect.y + rect.height / 2;
      const top = document.elementFromPoint(cx, cy);
      const inner = top === host ? (host.shadowRoot?.elementFromPoint(cx, cy) ?? null) : null;
      const style = getComputedStyle(button);
      const author = host.dataset.erratumAuthor;
      return {
        id: `${host.dataset.erratumField}${author === undefined ? '' : `#${author}`}`,
        // In page coordinates, as the text's boxes are (glyphs), whatever the scroll.
        box: { x: rect.x + scrollX, y: rect.y + scrollY, width: rect.width, height: rect.height },
        label: button.getAttribute('aria-label') ?? '',
        icon: button.querySelector('svg')?.innerHTML ?? '',
        topmostAtCentre: inner === button || (inner !== null && button.contains(inner)),
        iconColor: style.color,
        buttonBackground: style.backgroundColor,
        opacity: style.opacity,
        pageBackground: pageBackgroundOf(host.parentElement as Element),
        covers: coveredBy(rect),
      };
    });
  });
}

export interface Glyph {
  /** The character, and its place among all the page's visible characters in document order. */
  char: string;
  index: number;
  box: Box;
}

/**
 * Every non-blank character of the page's text with its box. Our hosts hold no light-DOM text,
 * so the sequence is the same with and without pencils (splitting a text node changes no
 * character), and glyph `index` n is the same character in both.
 */
export function glyphs(page: Page): Promise<Glyph[]> {
  return page.evaluate(() => {
    const out: { char: string; index: number; box: { x: number; y: number; width: number; height: number } }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('script, style, noscript, template, head')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    const range = document.createRange();
    let index = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      for (let i = 0; i < text.length; i++) {
        const char = text[i] as string;
        if (/\s/.test(char)) continue;
        // Surrogate pairs are one character to the reader.
        const size = char.charCodeAt(0) >= 0xd800 && char.charCodeAt(0) < 0xdc00 ? 2 : 1;
        range.setStart(node, i);
        range.setEnd(node, Math.min(i + size, text.length));
        const rect = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
        if (rect)
          out.push({
            char: text.slice(i, i + size),
            index,
            box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
          });
        index++;
        i += size - 1;
      }
    }
    return out;
  });
}

/** Strict overlap: boxes that only touch do not intersect (a 0.5 px tolerance for rounding). */
export function intersects(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    a.x + tolerance < b.x + b.width &&
    b.x + tolerance < a.x + a.width &&
    a.y + tolerance < b.y + b.height &&
    b.y + tolerance < a.y + a.height
  );
}

/** The characters any pencil covers, as `char in "text" under pencil`. */
export function coveredText(all: readonly Pencil[]): string[] {
  return all.flatMap((pencil) => pencil.covers.map((covered) => `${covered} under ${pencil.id}`));
}

/** Pairs of pencils whose boxes intersect. */
export function overlappingPencils(all: readonly Pencil[]): string[] {
  const pairs: string[] = [];
  all.forEach((a, i) => {
    for (const b of all.slice(i + 1)) if (intersects(a.box, b.box)) pairs.push(`${a.id} × ${b.id}`);
  });
  return pairs;
}

/**
 * How the page's text moved for the pencils, against the same page without them. Allowed: text
 * after a pencil on its line moves right by the pencils' widths before it on that line; a line
 * shorter than the pencil grows to the pencil's height. Not allowed: any other move, a line
 * break that was not there (the text re-wrapping), a character moving left or up.
 */
export function textMoves(before: readonly Glyph[], after: readonly Glyph[], all: readonly Pencil[]): string[] {
  const problems: string[] = [];
  if (before.length !== after.length) return [`${before.length} characters before, ${after.length} after`];
  const pencilSize = Math.max(...all.map((p) => p.box.width), 0);
  for (let i = 0; i < before.length; i++) {
    const b = before[i] as Glyph;
    const a = after[i] as Glyph;
    const dx = a.box.x - b.box.x;
    // Pencils standing on this character's line, before it.
    const pencilsBefore = all.filter(
      (p) =>
        p.box.x + p.box.width <= a.box.x + 0.5 && p.box.y < a.box.y + a.box.height && a.box.y < p.box.y + p.box.height,
    ).length;
    // A pencil between two letters also ends their kerning: up to a pixel more per pencil.
    if (dx < -0.5 || dx > pencilsBefore * (pencilSize + 1) + 0.5)
      problems.push(`${b.char}@${i} moved ${dx.toFixed(1)} px across`);
    const prev = i > 0 ? i - 1 : -1;
    if (prev >= 0) {
      const pb = before[prev] as Glyph;
      const pa = after[prev] as Glyph;
      const sameLineBefore = Math.abs(pb.box.y - b.box.y) < 1;
      const sameLineAfter = Math.abs(pa.box.y - a.box.y) < 1;
      if (sameLineBefore && !sameLineAfter) problems.push(`${b.char}@${i} wrapped to another line`);
      if (!sameLineBefore) {
        // A new line: its distance from the line before may grow only to make room for a pencil.
        const gapBefore = b.box.y - pb.box.y;
        const gapAfter = a.box.y - pa.box.y;
        // Either line may have grown to the pencil's height.
        const room = Math.max(0, pencilSize - pb.box.height) + Math.max(0, pencilSize - b.box.height) + 1;
        if (gapAfter < gapBefore - 0.5 || gapAfter - gapBefore > room) {
          problems.push(`${b.char}@${i} line moved ${(gapAfter - gapBefore).toFixed(1)} px down`);
        }
      }
    }
  }
  return problems;
}

/** WCAG 2.x contrast ratio of two `rgb(…)` colours, the first drawn over the second with `alpha`. */
export function contrast(foreground: string, background: string, alpha = 1): number {
  const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const bg = rgb(background);
  const fg = rgb(foreground).map((c, i) => c * alpha + (bg[i] ?? 0) * (1 - alpha));
  const lum = (c: number[]) =>
    c
      .map((v) => v / 255)
      .map((s) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4))
      .reduce((sum, s, i) => sum + s * ([0.2126, 0.7152, 0.0722][i] ?? 0), 0);
  const [hi, lo] = [lum(fg), lum(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Switches sites off as the options page does: read the settings, save them changed. */
export async function setDisabledSites(browser: ExtensionBrowser, disabledSites: string[]): Promise<void> {
  const settings = await requestFromExtensionPage<object>(browser, 'settings/get', {});
  await requestFromExtensionPage(browser, 'settings/save', { settings: { ...settings, disabledSites } });
}
