// The publication date as the page labels it for the reader: "Published: 3 May 2016", "First
// published online: January 19, 2015", "Publication Date (Web): October 3, 2011", "Posted
// 12 Mar 2020", or the last step of "Received … Accepted … Published online …". It wins over an
// issue, cover or copyright date in the tags (lib/extract/merge.ts: a date the reader sees
// overrides a disagreeing embedded one), and the element writing it is the date's anchor.
import { DATE_IN_TEXT } from './anchors';
import { toIsoDate } from './dates';
import type { ShortElements } from './short-elements';
import { isShown } from './visibility';

// "Accepted author version posted online" and "Current Version Published" are not the
// publication; "Published in issue" and "published online ahead of print" have no date
// right after the label, so they never match.
const LABEL = /(?:first\s+)?(?:published|publication\s+date|posted)(?:\s+online)?(?:\s*\(web\))?\s*:?/.source;
const LABELLED = new RegExp(`(?<!version\\s)\\b${LABEL}\\s*(${DATE_IN_TEXT.source})`, 'i');
const LABEL_ALONE = new RegExp(`^${LABEL}$`, 'i');

export interface ShownDate {
  date: string;
  year: number;
  el: Element;
}

/**
 * The first labelled publication date in the page's short texts whose year `fits` (the year the
 * tags give: a labelled date of another year is a cited or related paper's), with the element
 * writing it. A label in an element of its own ("<span>Published online</span><span>2 May
 * 2016</span>") is read with its parent's text.
 */
export function readShownDate(short: ShortElements, fits: (year: number) => boolean): ShownDate | undefined {
  for (let i = 0, item = short.at(0); item; item = short.at(++i)) {
    let { el, text } = item;
    if (text.length > 200 || !/publi|posted/i.test(text)) continue;
    let written = LABELLED.exec(text)?.[1];
    if (!written && LABEL_ALONE.test(text) && el.parentElement) {
      el = el.parentElement;
      text = (el.textContent ?? '').slice(0, 400).replace(/\s+/g, ' ');
      written = LABELLED.exec(text)?.[1];
    }
    if (!written) continue;
    const { date, year } = toIsoDate(written);
    if (date && year && date.length >= 7 && fits(year) && isShown(el)) return { date, year, el };
  }
  return undefined;
}
