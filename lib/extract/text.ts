// Text cleaning shared by every reader. Page text is hostile: everything here works on strings
// and text nodes only, never on markup parsed from data.

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// The whitespace runs collapsing changes (\s covers the no-break and typographic spaces): two
// or more characters, or one that is not a plain space. A lone space, the gap between most
// words, is not replaced by itself, so a long text costs little more than a scan.
const UNCOLLAPSED = /\s{2,}|[^\S ]/g;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  middot: '·',
  shy: '',
  zwj: '',
  zwnj: '',
};

/** Decodes numeric and common named character references, twice at most (&amp;lt; in meta content). */
export function decodeEntities(s: string): string {
  let out = s;
  for (let pass = 0; pass < 2 && out.includes('&'); pass++) {
    out = out.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    });
  }
  return out;
}

// Markup publishers escape into meta content ("H&lt;sub&gt;2&lt;/sub&gt;O", bioRxiv's
// "&lt;h3&gt;ABSTRACT&lt;/h3&gt; &lt;p&gt;…"): once the entities are decoded, the tags are dropped
// and their text kept. Only known tag names, so a title such as "a <b and c> d" is not eaten by
// a generic tag pattern; block tags leave a space so words on either side stay apart.
const INLINE_MARKUP =
  /<\/?(?:i|b|em|strong|sub|sup|span|u|sc|small|tt|font|a|mml:[a-z]+|math|mi|mo|mn|msub|msup|mrow|inline-formula)(?:\s+[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+)){0,20}\s*\/?>/gi;
const BLOCK_MARKUP =
  /<\/?(?:p|br|div|h[1-6]|ul|ol|li|section|jats:[a-z-]+)(?:\s+[\w:-]+\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>]+)){0,20}\s*\/?>/gi;

/** Removes escaped markup from a metadata string, keeping its text. */
export function stripInlineMarkup(s: string): string {
  return s.includes('<') ? s.replace(BLOCK_MARKUP, ' ').replace(INLINE_MARKUP, '') : s;
}

/** Entity-decoded, inline markup removed, NFC, whitespace collapsed, zero-width removed; empty -> null. */
export function cleanText(s: string | null | undefined): string | null {
  if (s == null) return null;
  const out = collapseWhitespace(stripInlineMarkup(decodeEntities(s)).normalize('NFC'));
  return out === '' ? null : out;
}

// What collapsing would change inside a string: a zero-width character, whitespace other than a
// plain space (\s covers the no-break and typographic spaces), or two spaces in a row.
const NOT_COLLAPSED = /[\u200b-\u200d\u2060\ufeff\u00ad]|[^\S ]| {2}/;

/** Collapses whitespace and removes zero-width characters without decoding anything. */
export function collapseWhitespace(s: string): string {
  // Most short texts ("Ada Lovelace", or the same indented on its own line) need only trimming:
  // one test instead of two replacements.
  const trimmed = s.trim();
  return NOT_COLLAPSED.test(trimmed) ? trimmed.replace(ZERO_WIDTH, '').replace(UNCOLLAPSED, ' ').trim() : trimmed;
}

/** Elements whose text is not what a reader sees as prose, by localName. */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template', 'math', 'svg', 'button', 'select']);

/** Limit on characters gathered from one element: a hostile page can hold megabytes of text. */
const MAX_VISIBLE_CHARS = 2_000_000;

/**
 * Readable text of an element: whitespace collapsed, zero-width characters removed, inline
 * markup kept as its text (H<sub>2</sub>O -> "H2O"), MathML, scripts and styles skipped.
 * `maxChars` stops the walk early when only the start of a long text is needed.
 */
export function visibleText(el: Element | null | undefined, maxChars = MAX_VISIBLE_CHARS): string {
  if (!el) return '';
  // One text node (a name, a link, most headings): its text as the walk would gather it.
  const first = el.firstChild;
  if (first !== null && first === el.lastChild && first.nodeType === 3 && maxChars > 0) {
    const text = collapseWhitespace(first.nodeValue ?? '').normalize('NFC');
    return text.length > maxChars ? text.slice(0, maxChars) : text;
  }
  const parts: string[] = [];
  let length = 0;
  const walk = (node: Node): void => {
    // Indexed childNodes, not nextSibling: happy-dom finds a sibling by searching the parent's
    // children, which makes a long list (thousands of authors) quadratic.
    const children = node.childNodes;
    for (let i = 0, n = children.length; i < n && length < maxChars; i++) {
      const child = children[i] as ChildNode;
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? '';
        parts.push(value);
        length += value.length;
      } else if (child.nodeType === 1) {
        const tag = (child as Element).localName;
        if (SKIPPED_ELEMENTS.has(tag) || tag.startsWith('mml:')) continue;
        if ((child as Element).hasAttribute('hidden')) continue;
        const block = BLOCK_ELEMENTS.has(tag);
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  const text = collapseWhitespace(parts.join('')).normalize('NFC');
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

/** Elements that separate words even when the source has no whitespace between them, by localName. */
const BLOCK_ELEMENTS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'td',
  'th',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'dt',
  'dd',
  'blockquote',
]);

/**
 * A comparison key: NFKC, case-folded, punctuation and whitespace removed. Two strings a person
 * would call "the same text" (curly vs straight quotes, spacing, trailing period) share a key.
 */
export function comparisonKey(s: string): string {
  // Plain ASCII needs no Unicode decomposition, and its letters and digits are a-z and 0-9 once
  // lower-cased: the common case, and several times faster than the Unicode classes.
  if (/^[ -~]*$/.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * The first `length` characters of comparisonKey(s), keyed from as little of `s` as gives them:
 * an abstract's opening, not the whole text. `s` is cut only after a plain space, which is no
 * part of a key and which no decomposition, mark reordering or final-sigma rule reaches across,
 * so the keys of the pieces join into the key of the whole.
 */
export function comparisonKeyStart(s: string, length: number): string {
  let key = '';
  for (let start = 0; start < s.length && key.length < length; ) {
    const space = s.indexOf(' ', start + 2 * length);
    const end = space < 0 ? s.length : space + 1;
    key += comparisonKey(s.slice(start, end));
    start = end;
  }
  return key.slice(0, length);
}

/**
 * The first character of comparisonKey(s), read without building the key: '' when the key is
 * empty, undefined when a non-ASCII character comes first (its decomposition decides). Lets a
 * finder that compares keys pass over most of a page's short texts after a character or two.
 */
export function firstKeyChar(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return undefined;
    // ASCII is its own decomposition: a letter or digit is the key's first character.
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return s[i];
    if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
  }
  return '';
}

/**
 * An abstract without its heading: "ABSTRACT …" (bioRxiv's citation_abstract), and the glued
 * "AbstractFood packaging…" of Taylor & Francis' dc.Description.
 */
export function stripAbstractLabel(abstract: string | null): string | null {
  if (!abstract) return abstract;
  return cleanText(abstract.replace(/^(?:(?:Abstract|ABSTRACT|Summary|SUMMARY)[\s:.]+|Abstract(?=[A-Z][a-z]))/, ''));
}

/**
 * The document's <body>, found in constant time where it is the root's last element (as the
 * parser always places it). happy-dom's `document.body` searches the tree on every call, which
 * on a page with thousands of meta tags costs more than the reading itself.
 */
export function bodyOf(doc: Document): HTMLElement | null {
  const last = doc.documentElement?.lastElementChild;
  return last?.tagName.toUpperCase() === 'BODY' ? (last as HTMLElement) : doc.body;
}
