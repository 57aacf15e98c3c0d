import type { PageDetection } from '../schema/messages';

/**
 * The toolbar button of one tab: the colour icon and a title naming the paper when its page
 * shows one, the grey icon otherwise. The badge (corrections waiting, needing attention) is the
 * queue's and the same on every tab (lib/sync/badge.ts), so the three states read apart: colour
 * or grey says "this page", a blue or red number says "the queue".
 */
export interface TabToolbar {
  icon: 'found' | 'idle';
  title: string;
}

/** Strings by key, so that this stays pure: the worker hands in browser.i18n (lib/i18n.ts). */
export type Translate = (key: string, ...substitutions: (string | number)[]) => string;

const MAX_TITLE_CHARS = 80;

export function toolbarFor(detection: PageDetection | undefined, t: Translate): TabToolbar {
  const papers = detection?.papers ?? [];
  if (papers.length === 0) return { icon: 'idle', title: t('toolbarNoPaper') };
  if (papers.length > 1) return { icon: 'found', title: t('toolbarPapersFound', papers.length) };
  return { icon: 'found', title: t('toolbarPaperFound', shorten(papers[0]?.name ?? t('queueUntitled'))) };
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TITLE_CHARS ? `${flat.slice(0, MAX_TITLE_CHARS - 1)}…` : flat;
}

/** The icon files of each state (public/icon/, public/icon-idle/; drawn by scripts/icons.ts). */
export function iconPaths(icon: TabToolbar['icon']): Record<string, string> {
  const folder = icon === 'found' ? 'icon' : 'icon-idle';
  return Object.fromEntries([16, 32].map((size) => [String(size), `/${folder}/${size}.png`]));
}
