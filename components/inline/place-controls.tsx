import { render } from 'preact';
import { t } from '@/lib/i18n';
import type { ControlTarget } from '@/lib/page/control-targets';
import { placementFor } from '@/lib/page/placement';
import { CONTROL_CSS, CONTROL_HOST_STYLE } from './control-styles';
import { EditButton } from './EditButton';
import { createShadowHost } from './shadow-host';

export type OpenForm = (target: ControlTarget, button: HTMLButtonElement) => void;

function labelFor(target: ControlTarget): string {
  if (target.field === 'author') {
    const name = target.paper.metadata.authors[target.authorIndex ?? 0]?.name ?? '';
    return t('inlineEditAuthor', name);
  }
  return t(`inlineEdit_${target.field}`);
}

const CHUNK = 250;
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Puts a control beside each target. Placements are computed first and hosts inserted after,
 * in chunks that yield to the page, so a 3,000-author page never freezes. Returns the hosts;
 * `signal` aborting removes them all.
 */
export async function placeControls(
  targets: readonly ControlTarget[],
  onOpen: OpenForm,
  signal: AbortSignal,
): Promise<HTMLElement[]> {
  const hosts: HTMLElement[] = [];
  signal.addEventListener('abort', () => {
    for (const host of hosts) host.remove();
  });
  for (let start = 0; start < targets.length; start += CHUNK) {
    if (start > 0) await yieldToPage();
    if (signal.aborted) return hosts;
    const chunk = targets.slice(start, start + CHUNK);
    const placements = chunk.map((target) => placementFor(target.anchor));
    chunk.forEach((target, i) => {
      const placement = placements[i];
      if (!placement) return;
      const { host, root } = createShadowHost('erratum-control', CONTROL_CSS, CONTROL_HOST_STYLE);
      host.dataset.erratumField = target.field;
      if (target.authorIndex !== undefined) host.dataset.erratumAuthor = String(target.authorIndex);
      render(<EditButton field={target.field} label={labelFor(target)} onActivate={(b) => onOpen(target, b)} />, root);
      placement.parent.insertBefore(host, placement.before);
      hosts.push(host);
    });
  }
  return hosts;
}
