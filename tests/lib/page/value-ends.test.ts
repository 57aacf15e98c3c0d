// A citation line writes several fields: each control goes right after its own value, so no two
// share the end of the line (the reader reaches each one).
import { describe, expect, it } from 'vitest';
import { emptyMetadata } from '../../../lib/extract/metadata';
import { valueEnd } from '../../../lib/page/value-ends';
import type { PaperMetadata } from '../../../lib/schema/paper';

function line(html: string): Element {
  document.body.innerHTML = `<p id="line">${html}</p>`;
  return document.getElementById('line') as Element;
}

const metadata = (fields: Partial<PaperMetadata>): PaperMetadata => ({
  ...emptyMetadata('https://journal.example.org/a/1', 'generic'),
  ...fields,
});

/** The page's text up to where the control goes. */
function upTo(anchor: Element, field: string, m: PaperMetadata): string | undefined {
  const end = valueEnd(anchor, field, m);
  if (!end) return undefined;
  const range = document.createRange();
  range.setStart(anchor, 0);
  range.setEnd(end.node, end.offset);
  return range.toString();
}

describe('valueEnd', () => {
  const cit = () =>
    line(
      '<a href="#">Psychoneuroendocrinology.</a> 2015 Mar 12;56:120-131. doi: 10.5555/j.psy.2015.03.010. [Epub ahead of print]',
    );
  const m = metadata({
    venue: 'Psychoneuroendocrinology',
    date: '2015-03-12',
    year: 2015,
    doi: '10.5555/j.psy.2015.03.010',
  });

  it('ends the DOI after its last character, inside a longer citation', () => {
    expect(upTo(cit(), 'doi', m)).toBe(
      'Psychoneuroendocrinology. 2015 Mar 12;56:120-131. doi: 10.5555/j.psy.2015.03.010',
    );
  });

  it('ends a year shown alone after the year, and leaves a year within a full date to the date', () => {
    const el = line('Archives of Shark Science, 4(1), (2016), 32–38');
    expect(upTo(el, 'year', metadata({ year: 2016, date: '2016' }))).toBe('Archives of Shark Science, 4(1), (2016');
    expect(upTo(cit(), 'year', m)).toBeUndefined();
  });

  it('needs no split when the value ends the text', () => {
    expect(upTo(line('doi: 10.5555/j.psy.2015.03.010'), 'doi', m)).toBeUndefined();
  });
});
