// Structured abstracts (Background / Methods / Results / Conclusions): a reader sees each
// section label as a label, so the text keeps it as one: "Objective: We aimed …", one section
// per line, never glued into the sentence ("Objective We aimed …").
import { cleanText, visibleText } from './text';

// The labels medical and Japanese journals use. A label is short: anything longer is prose.
const SECTION_LABEL =
  /^(?:background|introduction|context|rationale|objectives?|aims?(?: and objectives?)?|purpose|importance|(?:materials and |patients and )?methods?|methodology|design(?:,? setting,? and participants)?|setting|participants|patients|interventions?|measurements?|main outcomes?(?: and measures?)?|results?|findings|conclusions?(?: and relevance)?|interpretation|significance|discussion|limitations|implications|trial registration|funding|背景|目的|方法|対象|結果|結論|考察|まとめ)\s*[:：.]?$/i;

const LABEL_TAGS = new Set(['strong', 'b', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'span', 'label']);
const BLOCKS = new Set(['p', 'div', 'section', 'dd', 'li']);
// Cost bound: a structured abstract has a handful of sections.
const MAX_SECTIONS = 40;

export function isSectionLabel(text: string): boolean {
  return text.length <= 60 && SECTION_LABEL.test(text);
}

function labelOf(el: Element): string | null {
  if (!LABEL_TAGS.has(el.localName)) return null;
  const text = visibleText(el, 80);
  return isSectionLabel(text) ? text.replace(/\s*[:：.]$/, '') : null;
}

/**
 * The abstract in `box` as "Label: text" lines when it is structured (two labelled sections or
 * more, each a block that opens with its label, or a label heading followed by its block);
 * null when it is not, so the caller keeps its plain reading.
 */
export function structuredAbstract(box: Element): string | null {
  const children = box.children;
  if (children.length < 2 || children.length > MAX_SECTIONS * 2) return null;
  const lines: string[] = [];
  let labelled = 0;
  let pending: string | null = null;
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Element;
    const own = labelOf(child);
    if (own !== null) {
      // A heading "Methods" whose text follows in the next block.
      if (pending !== null) lines.push(`${pending}:`);
      pending = own;
      continue;
    }
    if (!BLOCKS.has(child.localName)) continue;
    const first = child.firstElementChild;
    const inner =
      first && !(child.firstChild?.nodeType === 3 && child.firstChild.nodeValue?.trim()) ? labelOf(first) : null;
    let text = cleanText(visibleText(child)) ?? '';
    let label = pending;
    if (inner !== null) {
      const innerText = cleanText(visibleText(first)) ?? '';
      text = cleanText(text.slice(innerText.length)) ?? '';
      label = label === null ? inner : `${label}: ${inner}`;
    }
    pending = null;
    if (label !== null) {
      labelled++;
      lines.push(text ? `${label}: ${text}` : `${label}:`);
    } else if (text) lines.push(text);
  }
  return labelled >= 2 ? lines.join('\n') : null;
}
