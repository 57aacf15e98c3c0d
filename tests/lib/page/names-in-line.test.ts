import { describe, expect, it, vi } from 'vitest';
import { placeControls } from '@/components/inline/place-controls';
import { controlTargets } from '@/lib/page/control-targets';
import { namesInLine } from '@/lib/page/names-in-line';

const LINE = 'Chidi Okafor, Maja Lindqvist, Yui Tanaka';
const author = (name: string) => ({ name, affiliations: [] });
const AUTHORS = ['Chidi Okafor', 'Maja Lindqvist', 'Yui Tanaka'].map(author);

function line(html: string): Element {
  document.body.innerHTML = `<p id="line">${html}</p>`;
  return document.getElementById('line') as Element;
}

describe('authors written as one line of text', () => {
  it("finds where each name ends in the line's text, in author order", () => {
    const ends = namesInLine(line(LINE), AUTHORS);
    // Where the reader sees each name end: right after its last letter.
    expect(ends.map((end) => end?.offset)).toEqual(AUTHORS.map(({ name }) => LINE.indexOf(name) + name.length));
  });

  it('gives no place to a name inside a link (a control there would follow it) or not written', () => {
    const ends = namesInLine(line('Chidi Okafor, <a href="/maja">Maja Lindqvist</a>, Y. Tanaka'), AUTHORS);
    expect(ends.map((end) => end !== undefined)).toEqual([true, false, false]);
  });

  it("puts a control after each name and one for the list, leaving the line's text as it was", async () => {
    const el = line(LINE);
    const paper = {
      metadata: { authors: AUTHORS, venue: null, date: null } as never,
      anchors: { fields: { authors: el }, authors: [undefined, undefined, undefined] },
    };
    await placeControls(controlTargets([paper]), vi.fn(), new AbortController().signal);
    expect(el.textContent).toBe(LINE);
    // In the line: each name, then its control; the list's control last.
    const sequence = Array.from(el.childNodes).map((node) =>
      node instanceof HTMLElement
        ? `[${node.dataset.erratumField}${node.dataset.erratumAuthor ?? ''}]`
        : node.textContent,
    );
    expect(sequence).toEqual([
      'Chidi Okafor',
      '[author0]',
      ', Maja Lindqvist',
      '[author1]',
      ', Yui Tanaka',
      '[author2]',
      '[authors]',
    ]);
  });
});
