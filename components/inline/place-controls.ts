import { t } from '@/lib/i18n';
import type { ControlTarget } from '@/lib/page/control-targets';
import { type PageTone, pageTone } from '@/lib/page/page-tone';
import { insertAt, placementFor, somethingFollows } from '@/lib/page/placement';
import { CONTROL_CSS, CONTROL_HOST_STYLE } from './control-styles';
import { createEditButton } from './edit-button';
import { createShadowHost } from './shadow-host';

export type OpenForm = (target: ControlTarget, button: HTMLButtonElement) => void;

function labelFor(target: ControlTarget): string {
  if (target.field === 'author') {
    const name = target.paper.metadata.authors[target.authorIndex ?? 0]?.name ?? '';
    return t('inlineEditAuthor', name);
  }
  return t(`inlineEdit_${target.field}`);
}

/** Controls placed per task before yielding to the page: each one measures text (its room, its tone), so a chunk of 100 took over 200 ms on a 2-core machine. */
const CHUNK = 40;
/**
 * Each paper's first this many author controls are placed at once; the rest as their authors
 * near the viewport. Per paper: a list page of forty papers with a few authors each (a
 * researcher's portal, its names as lines of text) shows them all at once, as it shows titles.
 */
const EAGER_AUTHORS = 100;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function createControl(target: ControlTarget, tone: PageTone, onOpen: OpenForm): HTMLElement {
  const { host, root } = createShadowHost('erratum-control', CONTROL_CSS, CONTROL_HOST_STYLE);
  host.dataset.erratumField = target.field;
  if (tone.dark) host.dataset.erratumTone = 'dark';
  if (target.authorIndex !== undefined) host.dataset.erratumAuthor = String(target.authorIndex);
  root.append(
    createEditButton(host.ownerDocument, {
      field: target.field,
      label: labelFor(target),
      background: tone.background,
      onActivate: (button) => onOpen(target, button),
    }),
  );
  return host;
}

/** Placements and colours are all read before any host is inserted: no layout read between DOM writes. */
function insertControls(targets: readonly ControlTarget[], onOpen: OpenForm, hosts: HTMLElement[]): void {
  const placed = targets.map((target) => {
    const placement = placementFor(target.anchor, target.textEnd);
    return placement && ([target, placement, pageTone(placement.parent as Element)] as const);
  });
  // Splits of one text node go from its end backwards, so each offset still counts from the
  // start of the text the node kept.
  const offset = (item: (typeof placed)[number]) => item?.[1].split?.offset ?? -1;
  placed.sort((a, b) => offset(b) - offset(a));
  const placedHosts: HTMLElement[] = [];
  for (const item of placed) {
    if (!item) continue;
    const host = createControl(item[0], item[2], onOpen);
    insertAt(item[1], host);
    placedHosts.push(host);
  }
  // Which controls stand before more of the line: all read first, then all written.
  for (const host of placedHosts.filter(somethingFollows)) host.dataset.erratumRoom = '';
  hosts.push(...placedHosts);
}

/**
 * Puts a control beside each target. Fields and the first authors get theirs at once, in chunks
 * that yield to the page; on a page of thousands of authors (big collaborations) the rest are
 * placed as the reader scrolls near them, since laying out thousands of controls at once would
 * freeze the page. Returns the hosts (growing as more are placed); `signal` aborting removes all.
 */
export async function placeControls(
  targets: readonly ControlTarget[],
  onOpen: OpenForm,
  signal: AbortSignal,
): Promise<HTMLElement[]> {
  const hosts: HTMLElement[] = [];
  const deferred = targets.filter((target) => (target.authorIndex ?? 0) >= EAGER_AUTHORS);
  const eager = deferred.length > 0 ? targets.filter((target) => !deferred.includes(target)) : targets;
  let observer: IntersectionObserver | undefined;
  signal.addEventListener('abort', () => {
    observer?.disconnect();
    for (const host of hosts) host.remove();
  });
  for (let start = 0; start < eager.length; start += CHUNK) {
    if (start > 0) await yieldToPage();
    if (signal.aborted) return hosts;
    insertControls(eager.slice(start, start + CHUNK), onOpen, hosts);
  }
  if (deferred.length > 0 && !signal.aborted) {
    // One anchor per deferred target: a line of names (one anchor for all) holds at most 50
    // (findAuthorLine), so none of its authors is ever deferred.
    const byAnchor = new Map(deferred.map((target) => [target.anchor, target]));
    observer = new IntersectionObserver(
      (entries, self) => {
        const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
        for (const anchor of near) self.unobserve(anchor);
        insertControls(
          near.map((anchor) => byAnchor.get(anchor)).filter((target) => target !== undefined),
          onOpen,
          hosts,
        );
      },
      { rootMargin: '100% 0px' },
    );
    for (const anchor of byAnchor.keys()) observer.observe(anchor);
  }
  return hosts;
}
