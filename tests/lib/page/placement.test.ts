import { describe, expect, it } from 'vitest';
import { placementFor } from '@/lib/page/placement';

function dom(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('where a control goes', () => {
  it('inside a plain element, after its text', () => {
    const h1 = dom('<h1 id="t">A title</h1>').getElementById('t')!;
    expect(placementFor(h1)).toEqual({ parent: h1, before: null });
  });

  it('after a link, never inside it (a click would follow the link)', () => {
    const doc = dom('<p><a id="a" href="/author/1"><span id="s">Ada</span></a>, Bob</p>');
    const link = doc.getElementById('a')!;
    const placement = placementFor(doc.getElementById('s')!);
    expect(placement?.parent).toBe(link.parentNode);
    expect(placement?.before).toBe(link.nextSibling);
  });

  it('after a void element', () => {
    const doc = dom('<p><img id="i" src="x.png"></p>');
    const img = doc.getElementById('i')!;
    expect(placementFor(img)?.parent).toBe(img.parentNode);
  });
});
